package ingest

import (
	"strings"
	"sync"
	"unicode"
)

// labelStamp reads a list item that names an event and then gives its time:
// "First detected: 2024-04-15 12:32", "Resolved 2024-04-18 16:13".
//
// Out of a list (listed false), a label with a date and no time is left
// to the other readers: it is more often a title or a date line.
func (p *parser) labelStamp(s string, n int, raw string, listed bool) bool {
	words := 0
	for i := 1; i < len(s) && words < 10; i++ {
		if s[i-1] != ' ' || s[i] == ' ' {
			continue
		}
		words++
		st, end, ok := p.r.stampAt(s, i)
		if !ok {
			continue
		}
		if !st.hasTime && !st.unknown {
			// "First detected 2023-01-04 (Time TBC)"
			if rest := strings.TrimSpace(s[end:]); listed && st.hasDate() && (rest == "" || rest[0] == '(') && !notEventLabel(s[:i]) {
				p.problem(n, raw, "no time of day")
				return true
			}
			continue
		}
		if strings.TrimRight(s[end:], " \t.*_)") != "" {
			return false
		}
		label := strings.TrimRight(strings.TrimSpace(s[:i]), ":-–—*_ ")
		label = strings.TrimSpace(strings.TrimLeft(label, "*_ "))
		for _, w := range []string{" at", " around", " approximately", " about", " on"} {
			// "… noticed the alert at 14:10" reads "… noticed the alert".
			if len(label) > len(w) && strings.EqualFold(label[len(label)-len(w):], w) {
				label = strings.TrimRight(label[:len(label)-len(w)], " ,")
				break
			}
		}
		if strings.HasSuffix(label, "=") {
			// "(T+0 = 13:20 UTC)" defines a time, it dates nothing.
			return false
		}
		if !strings.ContainsFunc(label, unicode.IsLetter) || len(label) > 80 || st.ranged || notEventLabel(label) || boundWord(label) {
			return false
		}
		p.addEntry(st, label, n, raw, false)
		return true
	}
	return false
}

// boundWords() end a text whose time bounds or plans something rather than
// dating it ("we waited until 14:00").
var boundWords = sync.OnceValue(func() map[string]bool {
	return map[string]bool{"until": true, "till": true, "before": true, "after": true, "by": true,
		"from": true, "to": true, "since": true, "every": true, "for": true}
})

func boundWord(label string) bool {
	i := strings.LastIndexByte(label, ' ')
	return boundWords()[strings.ToLower(label[i+1:])]
}

// notEventLabels name periods and document metadata, whose times are not
// timeline entries ("Duration: 14:02 - 15:10", "Last updated: …").
var notEventLabels = []string{"duration", "time to", "window", "period", "length", "total", "updated",
	"published", "date", "created", "modified", "author", "generated", "sent", "received"}

func notEventLabel(label string) bool {
	if strings.HasSuffix(label, "?") {
		// "When was the incident detected? 2023-03-08 14:08 UTC": an
		// answer about the timeline, which tells the moment itself.
		return true
	}
	l := strings.ToLower(label)
	for _, w := range notEventLabels {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}
