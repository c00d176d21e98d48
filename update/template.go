package update

import (
	"bytes"
	_ "embed"
	"fmt"
	"io"
	"strings"
	"text/template"
)

//go:embed templates/update.tmpl
var defaultTemplate string

// DefaultTemplateSource is the embedded update template, a starting point
// for a team's own ([update] template in config.toml).
func DefaultTemplateSource() string { return defaultTemplate }

// ParseTemplate parses an update template and checks it: it must run on a
// draft in every format, with every field set and with every field empty,
// so that a misspelt field or a broken action is refused when the
// configuration loads, not in the middle of an incident. name appears in
// the errors, which give the line within the template.
func ParseTemplate(name, src string) (*template.Template, error) {
	t, err := template.New(name).Option("missingkey=error").Parse(src)
	if err != nil {
		return nil, templateError(err)
	}
	for _, d := range sampleDrafts() {
		if err := t.Execute(io.Discard, d); err != nil {
			return nil, templateError(err)
		}
	}
	return t, nil
}

// templateError drops the "template: " prefix text/template puts on its
// messages; the caller says which template.
func templateError(err error) error {
	return fmt.Errorf("%s", strings.TrimPrefix(err.Error(), "template: "))
}

// sampleDrafts exercise a template: every field set, every field empty,
// resolved, in each format.
func sampleDrafts() []Draft {
	var out []Draft
	for _, f := range Formats {
		full := Draft{
			format: f, Number: 7, Title: "Checkout errors", Severity: "SEV1", State: "Identified",
			StateMessage: "Bad config", Impact: "Some checkouts fail", Services: "payments", Began: "09:02 UTC",
			Duration: "1h", Changes: []Change{{Time: "09:10", Text: "Rolled back"}}, Earlier: 2,
			LastUpdate: "09:00 UTC", Cadence: "20m", NextUpdate: "10:20 UTC", Zone: "UTC",
		}
		resolved := full
		resolved.Resolved, resolved.NextUpdate, resolved.State = true, "", "Resolved"
		out = append(out, full, resolved, Draft{format: f})
	}
	return out
}

// Render writes the draft update of d with t (the default when nil).
func Render(w io.Writer, d Draft, t *template.Template) error {
	if t == nil {
		var err error
		if t, err = ParseTemplate("update", defaultTemplate); err != nil {
			return err
		}
	}
	var buf bytes.Buffer
	if err := t.Execute(&buf, d); err != nil {
		return fmt.Errorf("render the update of incident #%d: %w", d.Number, err)
	}
	out := strings.TrimSpace(buf.String()) + "\n"
	if d.format == FormatMarkdown {
		out = hardBreaks(out)
	}
	_, err := io.WriteString(w, out)
	return err
}
