package tui

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"scribe/incident"
)

// declareForm asks for a new incident's title, then its severity, on the
// list's input line. It opens only with ctrl+n, which no typed sentence
// contains.
type declareForm struct {
	c     *common
	in    textField
	title string // set once the first step is done
}

func newDeclareForm(c *common, title string) *declareForm {
	in := newTextField(c.styles.Prompt, c.styles.Muted)
	in.CharLimit = incident.MaxTitleLen
	in.Prompt = "Declare · title › "
	in.Placeholder = "what is broken, e.g. Checkout errors after the payments deploy"
	in.SetValue(title)
	return &declareForm{c: c, in: in}
}

func (f *declareForm) SetWidth(w int) { f.in.SetWidth(max(w-lipWidth(f.in.Prompt)-2, 4)) }

func (f *declareForm) Update(msg tea.Msg) tea.Cmd {
	f.in.Update(msg)
	return nil
}

func (f *declareForm) View() string { return f.in.View() }

// next takes the step's answer: the title moves on to the severity, the
// severity declares the incident.
func (f *declareForm) next() (tea.Cmd, error) {
	v := strings.TrimSpace(f.in.Value())
	if f.title == "" {
		if err := incident.ValidateTitle(v); err != nil {
			return nil, err
		}
		f.title = v
		f.in.Prompt = "Declare · severity 1-5 (enter = 3) › "
		f.in.Placeholder = "1 is the worst"
		f.in.Reset()
		f.SetWidth(f.c.width)
		return nil, nil
	}
	sev := incident.Severity(3)
	if v != "" {
		s, err := incident.ParseSeverity(v)
		if err != nil {
			return nil, err
		}
		sev = s
	}
	inc := incident.Incident{Title: f.title, Severity: sev, State: incident.Investigating, Timezone: f.c.opts.Zone}
	st, ctx, checklist := f.c.st, f.c.ctx, f.c.checklist(sev)
	o := incident.Origin{Author: f.c.opts.Author, Source: incident.SourceTUI}
	return func() tea.Msg {
		// The severity's checklist comes with the declaration (policy.go).
		err := st.DeclareIncident(ctx, &inc, checklist, o)
		return createdMsg{inc: inc, err: err}
	}, nil
}
