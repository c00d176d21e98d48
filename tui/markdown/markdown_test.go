package markdown

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

const sample = `# SEV2 #7: Checkout errors

**SEV2** · Resolved · lasted 1h 43m · All times in UTC

## Summary

For 28 minutes about 4% of checkouts failed after a config push that doubled the connection pool of every payments pod.

- The rollback took _two_ minutes
- A very long bullet that has to wrap because it goes on and on past the width of the terminal
1. first numbered

| Time | Kind | Event |
| --- | --- | --- |
| **Fri 20 Nov 2026** | | |
| 09:02 | milestone | Impact started |
| 09:15 | observation | **Errors only on pods running the 09:00 deploy, which is a long cell that must wrap** |
| 09:20 | note | a \| pipe and &lt;script&gt; and ` + "`code`" + ` |

` + "```mermaid\ngantt\n    title Incident phases\n```" + `

<!-- hidden -->
See [the dashboard](https://example.com/d).
`

func TestRenderFitsWidthAndKeepsContent(t *testing.T) {
	for _, width := range []int{100, 60, 40} {
		lines := Render(sample, width, Styles{})
		text := strings.Join(lines, "\n")
		for i, l := range lines {
			if w := ansi.StringWidth(l); w > width {
				t.Errorf("width %d: line %d is %d wide: %q", width, i, w, l)
			}
		}
		for _, want := range []string{"SEV2 #7: Checkout errors", "Summary", "• The rollback took two minutes", "1. first numbered",
			"Impact started", "a | pipe and <script> and code", "gantt", "the dashboard (https://example.com/d)"} {
			if !strings.Contains(strings.Join(strings.Fields(text), " "), want) {
				t.Errorf("width %d: output lacks %q:\n%s", width, want, text)
			}
		}
		for _, unwanted := range []string{"**", "&lt;", "<!--", "| ---", "\\|"} {
			if strings.Contains(text, unwanted) {
				t.Errorf("width %d: output still has markup %q:\n%s", width, unwanted, text)
			}
		}
	}
}

func TestTableColumnsLineUp(t *testing.T) {
	lines := Render("| A | B |\n|---|---|\n| x | y |\n| long value | z |", 80, Styles{})
	if len(lines) != 4 {
		t.Fatalf("lines = %q", lines)
	}
	col := strings.Index(lines[0], "B")
	if strings.Index(lines[2], "y") != col || strings.Index(lines[3], "z") != col {
		t.Errorf("second column not aligned:\n%s", strings.Join(lines, "\n"))
	}
}
