package update_test

import (
	"strings"
	"testing"

	"scribe/update"
)

func TestParseTemplateRefusesWhatWouldFailLater(t *testing.T) {
	for _, tt := range []struct{ name, src, want string }{
		{"syntax", "{{.Title", `x:1: unclosed action`},
		{"unknown field", "{{.Title}}\n{{.Titel}}", `x:2:2: executing "x" at <.Titel>: can't evaluate field Titel`},
		{"unknown function", "{{shout .Title}}", `x:1: function "shout" not defined`},
		{"wrong argument", "{{.Bold 3}}", `executing "x" at <3>: expected string; found 3`},
		{"index out of range only when empty", "{{(index .Changes 0).Text}}", `error calling index: reflect: slice index out of range`},
	} {
		_, err := update.ParseTemplate("x", tt.src)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want one containing %q", tt.name, err, tt.want)
		}
	}
}

func TestCustomTemplate(t *testing.T) {
	tmpl, err := update.ParseTemplate("team", `{{.Bold "Incident"}} {{.Number}} is {{.State}} ({{.Format}}). Next: {{or .NextUpdate "n/a"}}`)
	if err != nil {
		t.Fatal(err)
	}
	got := render(t, checkout(t), update.Options{Now: at(t, 10, 3), Format: update.FormatSlack, Template: tmpl})
	if want := "*Incident* 7 is Identified (slack). Next: 10:23 PDT\n"; got != want {
		t.Errorf("custom template wrote %q, want %q", got, want)
	}
}

func TestDefaultTemplateParses(t *testing.T) {
	if _, err := update.ParseTemplate("default", update.DefaultTemplateSource()); err != nil {
		t.Fatal(err)
	}
}

func TestParseFormat(t *testing.T) {
	for in, want := range map[string]update.Format{"text": update.FormatText, "MD": update.FormatMarkdown, " slack ": update.FormatSlack, "mrkdwn": update.FormatSlack} {
		if got, err := update.ParseFormat(in); err != nil || got != want {
			t.Errorf("ParseFormat(%q) = %q, %v", in, got, err)
		}
	}
	if _, err := update.ParseFormat("html"); err == nil || !strings.Contains(err.Error(), "use text, markdown or slack") {
		t.Errorf("ParseFormat(html) error %v", err)
	}
}
