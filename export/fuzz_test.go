package export

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// FuzzCell: whatever the text, a cell is one line, splits no column, opens
// no HTML tag and carries no control character.
func FuzzCell(f *testing.F) {
	for _, s := range []string{"a | b", "<script>x</script>", "x\r\ny\n", "\x1b[31m\x1b]0;t\x07", "\u202e", "`<b>` | `c|d`", "\\|"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c := cell(s)
		if strings.ContainsAny(c, "\n\r\x1b\x00\x07") || !utf8.ValidString(c) {
			t.Fatalf("cell(%q) = %q keeps a line break, a control character or bad UTF-8", s, c)
		}
		unescaped := strings.ReplaceAll(c, `\|`, "")
		if strings.Contains(unescaped, "|") {
			t.Fatalf("cell(%q) = %q has a bare pipe", s, c)
		}
		// scribe's own <br> line breaks are the only tags allowed.
		checkNoTag(t, strings.ReplaceAll(c, "<br>", " "))
	})
}

// FuzzBlock: narrative text opens no HTML tag outside code.
func FuzzBlock(f *testing.F) {
	for _, s := range []string{"<img src=x onerror=y>", "```\n<b>\n```\n<i>", "`a` <b> `c", "~~~\n<x>"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		b := block(s)
		if strings.ContainsAny(b, "\x1b\x00\r") || !utf8.ValidString(b) {
			t.Fatalf("block(%q) = %q keeps a control character or bad UTF-8", s, b)
		}
		if !strings.Contains(s, "`") && !strings.Contains(s, "~~~") {
			checkNoTag(t, b)
		}
		if line := unclosedFence(b); line > 0 {
			t.Fatalf("block(%q) = %q leaves the fence of line %d open", s, b, line)
		}
		if !strings.ContainsAny(s, "`~") && strings.Contains(strings.ToLower(b), "](javascript:") {
			t.Fatalf("block(%q) = %q keeps a javascript: link", s, b)
		}
		_ = oneLine(s)
	})
}

func checkNoTag(t *testing.T, s string) {
	t.Helper()
	for i := 0; i+1 < len(s); i++ {
		if s[i] == '<' && opensTag(s[i+1]) {
			t.Fatalf("%q opens an HTML tag at %d", s, i)
		}
	}
}

// FuzzRewrite: mentions are in range and ordered, and rewriting and the
// blame lint never panic whatever the text, for the incidents of the tests
// and corpora: short names, initials and shared first names, names that are
// words or nouns.
func FuzzRewrite(f *testing.F) {
	for _, c := range readCorpus(f) {
		f.Add(c.input)
	}
	for _, s := range []string{"Ana paged @cy", "ana@x.io", "Will will", "İstanbul Ana", "@", "a\xffb Ana",
		"Dr. Ana Li", "M. Lima", "e.g. Bo", "Bo O'Brien-Shah's", "x ana.lima+p@a.b.", "Ms A Lima", "Will the", "Cy Ñ. Ortiz",
		"_ana_lima_", "a.lima-", "ANA LIMA", "-ana.", "Park the"} {
		f.Add(s)
	}
	ps := []*people{newPeople(handOff()), newPeople(corpusIncident())}
	for _, h := range heldoutCorpora {
		for _, c := range readCorpusFile(f, h.names) {
			f.Add(c.input)
		}
		ps = append(ps, newPeople(h.snap()))
	}
	at := time.Date(2025, 5, 1, 9, 45, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, s string) {
		for _, p := range ps {
			last := 0
			for _, m := range p.find(s) {
				if m.start < last || m.end > len(s) || m.start >= m.end {
					t.Fatalf("find(%q): bad mention %+v after %d", s, m, last)
				}
				last = m.end
			}
			_ = p.rewrite(s, at)
			_ = p.rewrite(s, time.Time{})
			for _, b := range findBlame(s, p.find(s)) {
				if b.start < 0 || b.end > len(s) || b.start >= b.end {
					t.Fatalf("findBlame(%q): bad span %+v", s, b)
				}
			}
		}
	})
}
