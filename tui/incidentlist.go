package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"scribe/incident"
)

// listScreen is the incident list. Typing goes into its find line, which
// narrows the list: no letter is a key here, so a sentence typed on the
// list (meant for an incident) can never quit or declare anything. Enter
// opens the selected incident, ctrl+n declares one, ctrl+c quits.
type listScreen struct {
	c         *common
	incidents []incident.Incident
	shown     []incident.Incident // the ones the find line matches
	loaded    bool
	err       error
	sel       int
	top       int

	find    textField
	declare *declareForm // open while declaring; nil otherwise
	draft   declareDraft // its title, kept as a draft (declaredraft.go)
	status  statusLine
	help    help.Model
}

func newListScreen(c *common) *listScreen {
	in := newTextField(c.styles.Prompt, c.styles.Muted)
	in.Prompt = "find › "
	in.Placeholder = "type to find an incident · enter opens · ctrl+n declares one"
	in.CharLimit = incident.MaxTitleLen
	return &listScreen{c: c, find: in, help: help.New()}
}

// SetSize fits the find line and the declaration form to the terminal.
func (l *listScreen) SetSize(w, _ int) {
	l.find.SetWidth(max(w-lipWidth(l.find.Prompt)-2, 4))
	if l.declare != nil {
		l.declare.SetWidth(w)
	}
	l.help.SetWidth(w)
}

func (l *listScreen) load() tea.Cmd {
	st, ctx := l.c.st, l.c.ctx
	return tea.Batch(func() tea.Msg {
		list, err := st.Incidents(ctx)
		return incidentsMsg{list: list, err: err}
	}, l.loadDeclareDraft())
}

func (l *listScreen) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case incidentsMsg:
		l.loaded, l.err = true, msg.err
		if msg.err == nil {
			l.incidents = msg.list
			l.refilter()
		}
	case createdMsg:
		if msg.err != nil {
			l.status.Error(msg.err)
			return nil
		}
		l.declare = nil
		l.find.Reset()
		id := msg.inc.ID
		// The declaration is made: its draft goes, and the incident opens.
		return tea.Batch(l.declared(), func() tea.Msg { return openIncidentMsg{id: id} })
	case declareDraftMsg:
		return l.declareDraftLoaded(msg)
	case declareDraftDueMsg:
		if msg.seq == l.draft.seq {
			return l.saveDeclareDraft(false)
		}
	case declareDraftSavedMsg:
		return l.declareDraftSaved(msg)
	case statusExpiredMsg:
		l.status.Expire(msg)
	case tea.PasteMsg:
		msg.Content = Sanitize(msg.Content)
		if l.declare != nil {
			return tea.Batch(l.declare.Update(msg), l.declareDraftSoon())
		}
		return l.typed(msg)
	case tea.KeyPressMsg:
		l.status.KeyPressed()
		field := &l.find
		if l.declare != nil {
			field = &l.declare.in
		}
		if field.escThenKey(msg) {
			// Esc and the next key read together (textField.escThenKey):
			// the Esc first (closing the form or clearing the find line),
			// then the key, typed where the Esc left the focus.
			esc := l.Update(tea.KeyPressMsg{Code: tea.KeyEscape})
			return tea.Batch(esc, l.Update(plainKey(msg)))
		}
		if l.declare != nil {
			return l.declareKey(msg)
		}
		return l.key(msg)
	}
	return nil
}

func (l *listScreen) key(msg tea.KeyPressMsg) tea.Cmd {
	k := l.c.keys
	switch {
	case key.Matches(msg, k.Up):
		l.sel = max(l.sel-1, 0)
	case key.Matches(msg, k.Down):
		l.sel = min(l.sel+1, max(len(l.shown)-1, 0))
	case key.Matches(msg, k.Open):
		return l.open()
	case key.Matches(msg, k.New):
		l.declare = newDeclareForm(l.c, strings.TrimSpace(l.find.Value()))
		l.declare.SetWidth(l.c.width)
		return nil
	case key.Matches(msg, k.Escape):
		if l.find.Value() != "" {
			l.find.Reset()
			l.refilter()
		}
	default:
		return l.typed(msg)
	}
	return nil
}

// open opens the selected incident; with none matching, it says why and
// keeps what was typed.
func (l *listScreen) open() tea.Cmd {
	q := strings.TrimSpace(l.find.Value())
	if l.sel < len(l.shown) {
		id := l.shown[l.sel].ID
		if q != "" {
			// The text goes with the incident (its input history), so it
			// is not left behind here to surprise the next visit.
			l.find.Reset()
			l.refilter()
		}
		return func() tea.Msg { return openIncidentMsg{id: id, found: q} }
	}
	if q != "" {
		l.status.Error(incident.Errorf(incident.ENOTFOUND, "no incident matches %q: nothing was logged or declared · esc clears · ctrl+n declares an incident with this title", clip(q)))
	}
	return nil
}

// typed types into the find line and narrows the list.
func (l *listScreen) typed(msg tea.Msg) tea.Cmd {
	before := l.find.Value()
	l.find.Update(msg)
	if l.find.Value() != before {
		l.refilter()
	}
	return nil
}

// refilter keeps the incidents every word of the find line matches: a
// number, the severity, the state or words of the title.
func (l *listScreen) refilter() {
	words := strings.Fields(strings.ToLower(l.find.Value()))
	l.shown = l.shown[:0]
	for _, inc := range l.incidents {
		hay := strings.ToLower(fmt.Sprintf("#%d %d %s %s %s", inc.ID, inc.ID, inc.Severity, inc.State, inc.Title))
		ok := true
		for _, w := range words {
			ok = ok && strings.Contains(hay, w)
		}
		if ok {
			l.shown = append(l.shown, inc)
		}
	}
	l.sel = min(l.sel, max(len(l.shown)-1, 0))
}

func (l *listScreen) declareKey(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(msg, l.c.keys.Escape):
		// Dropped on purpose: its draft goes too.
		l.declare = nil
		return l.declared()
	case key.Matches(msg, l.c.keys.Submit):
		cmd, err := l.declare.next()
		if err != nil {
			l.status.Error(err)
		}
		return tea.Batch(cmd, l.declareDraftSoon())
	}
	return tea.Batch(l.declare.Update(msg), l.declareDraftSoon())
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
		lines = append(lines, "", st.Muted.Render("No incidents yet. Press ctrl+n to declare one."))
	case len(l.shown) == 0:
		lines = append(lines, "", st.Muted.Render(fit(fmt.Sprintf("No incident matches %q. esc clears the find line.", l.find.Value()), w)))
	}
	rows := max(h-4, 1)
	if l.sel < l.top {
		l.top = l.sel
	}
	if l.sel >= l.top+rows {
		l.top = l.sel - rows + 1
	}
	for i := l.top; i < len(l.shown) && i < l.top+rows; i++ {
		inc := l.shown[i]
		mark := "●"
		if inc.State == incident.Resolved {
			mark = "✔"
		}
		text := fmt.Sprintf("#%-4d %s  %s %-13s %-16s  %s", inc.ID, inc.Severity, mark, strings.ToUpper(string(inc.State)),
			declaredCell(inc), Sanitize(inc.Title))
		if i == l.sel {
			lines = append(lines, st.Selected.Render(padRight(fit("› "+text, w), w)))
		} else {
			lines = append(lines, "  "+text)
		}
	}
	body := fitLines(strings.Join(lines, "\n"), w, max(h-2, 1))
	var input, foot string
	if l.declare != nil {
		input = l.declare.View()
		foot = l.help.ShortHelpView([]key.Binding{rebind(l.c.keys.Submit, "next"), rebind(l.c.keys.Escape, "cancel")})
	} else {
		input = l.find.View()
		foot = l.help.ShortHelpView([]key.Binding{l.c.keys.Open, rebind(l.c.keys.Up, "select"), l.c.keys.New, rebind(l.c.keys.Quit, "quit")})
	}
	if v := l.status.View(st); v != "" {
		foot = v
	}
	return body + "\n" + fit(input, w) + "\n" + fit(foot, w)
}

// declaredCell is when the list says an incident began: its creation, or
// "unreadable" when the stored time cannot be read (never year 0).
func declaredCell(inc incident.Incident) string {
	if inc.CreatedAt.IsZero() {
		return "unreadable"
	}
	return inc.CreatedAt.In(inc.Location()).Format("2006-01-02 15:04")
}
