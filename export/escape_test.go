package export

import (
	"bytes"
	"strings"
	"testing"
)

func TestCellKeepsATableRowIntact(t *testing.T) {
	cases := map[string]string{
		"a | b":                           `a \| b`,
		"line one\nline two\r\n\nthree":   "line one<br>line two<br>three",
		"<script>alert(1)</script>":       "&lt;script>alert(1)&lt;/script>",
		`<img src=x onerror="alert(1)">`:  `&lt;img src=x onerror="alert(1)">`,
		"<!-- hide the rest":              "&lt;!-- hide the rest",
		"latency < 200ms -> fine":         "latency < 200ms -> fine",
		"\x1b[31mred\x1b[0m text":         "red text",
		"bell\a and \x1b]0;title\x07 osc": "bell and  osc",
		"tab\there":                       "tab here",
		"rtl \u202eevil\u202c":            "rtl evil",
		"c1 \u009b31m":                    "c1", // an 8-bit CSI is dropped whole
		"  padded  ":                      "padded",
		"bad \xff byte":                   "bad \uFFFD byte",
	}
	for in, want := range cases {
		if got := cell(in); got != want {
			t.Errorf("cell(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestBlockEscapesHTMLOutsideCode(t *testing.T) {
	cases := map[string]string{
		"Use `<div>` here, not <div>":           "Use `<div>` here, not &lt;div>",
		"```\n<b>kept</b>\n```\n<b>escaped</b>": "```\n<b>kept</b>\n```\n&lt;b>escaped&lt;/b>",
		"```\nunclosed <x>":                     "```\nunclosed <x>\n```",
		"- a list\n- **bold** stays":            "- a list\n- **bold** stays",
		"a `` code with ` tick <x>`` <y>":       "a `` code with ` tick <x>`` &lt;y>",
		"unmatched ` tick <x>":                  "unmatched ` tick &lt;x>",
	}
	for in, want := range cases {
		if got := block(in); got != want {
			t.Errorf("block(%q)\n got %q\nwant %q", in, got, want)
		}
	}
}

func TestOneLineCannotStartASection(t *testing.T) {
	if got := oneLine("first\n## Not a heading\n<script>"); got != "first ## Not a heading &lt;script>" {
		t.Errorf("oneLine = %q", got)
	}
}

// TestHostileTextStaysInItsPlace renders an incident whose every field
// tries to break out, and checks the document's structure survived.
func TestHostileTextStaysInItsPlace(t *testing.T) {
	snap := searchOutage()
	hostile := "x | y\n# Heading\n<script>alert(1)</script><img src=x onerror=alert(2)>\x1b[2J\x1b]8;;http://evil\x07"
	snap.Incident.Title = "<script>t</script> | title"
	snap.Incident.Summary = hostile
	snap.Events[1].Text = hostile
	snap.ActionItems[0].Title = "do | this <b>"
	snap.ActionItems[0].Owner = "Ann | <i>x</i>"
	snap.ActionItems[0].GitHub.URL = "https://github.com/o/r/issues/1) | [x](javascript:alert(1)"
	snap.Retro[0].Text = hostile
	var buf bytes.Buffer
	if err := Markdown(&buf, snap, Options{Names: true}); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, bad := range []string{"<script", "<img", "<i>", "<b>", "\x1b", "\x07"} {
		if strings.Contains(out, bad) {
			t.Errorf("output contains %q", bad)
		}
	}
	// Every table row keeps its column count.
	cols := 0
	for _, line := range strings.Split(out, "\n") {
		if !strings.HasPrefix(line, "|") {
			cols = 0
			continue
		}
		n := strings.Count(strings.ReplaceAll(line, `\|`, ""), "|")
		if cols == 0 {
			cols = n
		} else if n != cols {
			t.Errorf("table row has %d pipes, its header %d: %s", n, cols, line)
		}
	}
	// Only the summary, Markdown the facilitator wrote, may start a line
	// with the heading; the timeline cell and the retro list item may not.
	headings := 0
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, "# Heading") {
			headings++
		}
	}
	if headings != 1 {
		t.Errorf("%d lines start with the hostile heading, want 1 (the summary's):\n%s", headings, out)
	}
}
