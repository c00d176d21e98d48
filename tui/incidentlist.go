package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"scribe/incident"
)

// listScreen is the incident list: open one with Enter, declare one with n
// (title, then severity, asked inline).
type listScreen struct {
	c         *common
	incidents []incident.Incident
	loaded    bool
	err       error
	sel       int
	top       int

	asking string // "", "title" or "severity"
	title  string
	input  textinput.Model
	status statusLine
	help   help.Model
}

func newListScreen(c *common) *listScreen {
	in := textinput.New()
	in.CharLimit = incident.MaxTitleLen
	styles := textinput.DefaultDarkStyles()
	styles.Cursor.Blink = false
	in.SetStyles(styles)
	return &listScreen{c: c, input: in, help: help.New()}
}

// SetSize fits the declaration prompt to the terminal.
func (l *listScreen) SetSize(w, _ int) {
	l.input.SetWidth(max(w-lipWidth(l.input.Prompt)-2, 4))
}

func (l *listScreen) load() tea.Cmd {
	st, ctx := l.c.st, l.c.ctx
	return func() tea.Msg {
		list, err := st.Incidents(ctx)
		return incidentsMsg{list: list, err: err}
	}
}

func (l *listScreen) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case incidentsMsg:
		l.loaded, l.err = true, msg.err
		if msg.err == nil {
			l.incidents = msg.list
			l.sel = min(l.sel, max(len(l.incidents)-1, 0))
		}
	case createdMsg:
		if msg.err != nil {
			l.status.Error(msg.err)
			return nil
		}
		id := msg.inc.ID
		return func() tea.Msg { return openIncidentMsg{id: id} }
	case statusExpiredMsg:
		l.status.Expire(msg)
	case tea.PasteMsg:
		msg.Content = Sanitize(msg.Content)
		if l.asking != "" {
			var cmd tea.Cmd
			l.input, cmd = l.input.Update(msg)
			return cmd
		}
	case tea.KeyPressMsg:
		l.status.KeyPressed()
		if l.asking != "" {
			return l.ask(msg)
		}
		k := l.c.keys
		switch {
		case key.Matches(msg, k.Up):
			l.sel = max(l.sel-1, 0)
		case key.Matches(msg, k.Down):
			l.sel = min(l.sel+1, max(len(l.incidents)-1, 0))
		case key.Matches(msg, k.Open):
			if l.sel < len(l.incidents) {
				id := l.incidents[l.sel].ID
				return func() tea.Msg { return openIncidentMsg{id: id} }
			}
		case key.Matches(msg, k.New):
			l.asking, l.title = "title", ""
			l.input.Prompt = "Title › "
			l.input.Placeholder = "what is broken, e.g. Checkout errors after the payments deploy"
			l.input.Reset()
			l.SetSize(l.c.width, l.c.height)
			return l.input.Focus()
		case msg.String() == "q":
			return tea.Quit
		}
	}
	return nil
}

// ask handles the inline declaration prompts.
func (l *listScreen) ask(msg tea.KeyPressMsg) tea.Cmd {
	switch msg.String() {
	case "esc":
		l.asking = ""
		l.input.Blur()
		return nil
	case "enter":
		v := strings.TrimSpace(l.input.Value())
		if l.asking == "title" {
			if err := incident.ValidateTitle(v); err != nil {
				l.status.Error(err)
				return nil
			}
			l.title = v
			l.asking = "severity"
			l.input.Prompt = "Severity 1-5 (enter = 3) › "
			l.input.Placeholder = "1 is the worst"
			l.input.Reset()
			l.SetSize(l.c.width, l.c.height)
			return nil
		}
		sev := incident.Severity(3)
		if v != "" {
			s, err := incident.ParseSeverity(v)
			if err != nil {
				l.status.Error(err)
				return nil
			}
			sev = s
		}
		l.asking = ""
		l.input.Blur()
		inc := incident.Incident{Title: l.title, Severity: sev, State: incident.Investigating, Timezone: l.c.opts.Zone}
		st, ctx := l.c.st, l.c.ctx
		o := incident.Origin{Author: l.c.opts.Author, Source: incident.SourceTUI}
		return func() tea.Msg {
			err := st.CreateIncident(ctx, &inc, o)
			return createdMsg{inc: inc, err: err}
		}
	}
	var cmd tea.Cmd
	l.input, cmd = l.input.Update(msg)
	return cmd
}

func (l *listScreen) View() string {
	w, h := l.c.width, l.c.height
	st := l.c.styles
	lines := []string{st.Title.Render("scribe — incidents")}
	switch {
	case !l.loaded:
		lines = append(lines, "Loading…")
	case l.err != nil:
		lines = append(lines, st.Error.Render("✗ "+Sanitize(incident.ErrorMessage(l.err))))
	case len(l.incidents) == 0:
		lines = append(lines, "", st.Muted.Render("No incidents yet. Press n to declare one."))
	}
	rows := max(h-4, 1)
	if l.sel < l.top {
		l.top = l.sel
	}
	if l.sel >= l.top+rows {
		l.top = l.sel - rows + 1
	}
	for i := l.top; i < len(l.incidents) && i < l.top+rows; i++ {
		inc := l.incidents[i]
		mark := "●"
		if inc.State == incident.Resolved {
			mark = "✔"
		}
		text := fmt.Sprintf("#%-4d %s  %s %-13s %s  %s", inc.ID, inc.Severity, mark, strings.ToUpper(string(inc.State)),
			inc.CreatedAt.In(inc.Location()).Format("2006-01-02 15:04"), Sanitize(inc.Title))
		if i == l.sel {
			lines = append(lines, st.Selected.Render(padRight(fit("› "+text, w), w)))
		} else {
			lines = append(lines, "  "+text)
		}
	}
	body := fitLines(strings.Join(lines, "\n"), w, h-2)
	var foot string
	switch {
	case l.asking != "":
		foot = l.input.View()
	default:
		foot = l.help.ShortHelpView([]key.Binding{l.c.keys.Open, l.c.keys.New, l.c.keys.Up,
			key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit"))})
	}
	status := l.status.View(st)
	return body + "\n" + fit(foot, w) + "\n" + fit(status, w)
}
