package export

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"scribe/incident"
)

// corpusIncident is the incident of testdata/corpus/names.txt: responders
// whose names are also words (Grant, May, Will, Mark, Young, Rose, Park,
// Bill, Stone), names with accents and apostrophes, and logins.
func corpusIncident() incident.Snapshot {
	c := func(s string) time.Time { return at("UTC", "2025-06-03 "+s) }
	roles := []incident.RoleAssignment{
		{Role: incident.RoleCommander, Person: "Sam Patel", From: c("09:00")},
		{Role: incident.RoleOps, Person: "Grant Liu", From: c("09:02")},
		{Role: incident.RoleComms, Person: "May Chen", From: c("09:03")},
		{Role: incident.RoleScribe, Person: "Will Ferreira", From: c("09:04")},
		{Role: incident.RoleLiaison, Person: "Mark Young", From: c("09:05")},
		{Role: "database lead", Person: "Rose Park", From: c("09:06")},
	}
	var events []incident.Event
	for i, author := range []string{"Bill Stone", "José García", "Siobhán O'Brien", "Björn Åkesson", "Oluwaseun Adeyemi",
		"Zhang Wei", "Jonas Berg", "jlee", "sam"} {
		events = append(events, incident.Event{ID: int64(i + 1), IncidentID: 9, OccurredAt: c("09:10"), Kind: incident.KindNote,
			Text: "x", Author: author})
	}
	return incident.Snapshot{
		Incident: incident.Incident{ID: 9, Title: "t", Severity: 2, State: incident.Resolved, Timezone: "UTC"},
		Roles:    roles, Events: events,
		ActionItems: []incident.ActionItem{{ID: 1, Title: "Rotate the certificate", Owner: "@sampatel"}},
	}
}

// corpusCase is one line of the corpus.
type corpusCase struct {
	line     int
	input    string   // without marks
	want     string   // the expected rewrite
	names    [][2]int // spans of input that name a person
	possible [][2]int // spans of input the lint must report as possible names
}

// readCorpus parses testdata/corpus/names.txt.
func readCorpus(tb testing.TB) []corpusCase { return readCorpusFile(tb, "names.txt") }

// readCorpusFile parses a corpus file of testdata/corpus.
func readCorpusFile(tb testing.TB, name string) []corpusCase {
	tb.Helper()
	f, err := os.Open(filepath.Join("testdata", "corpus", name))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var out []corpusCase
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		in, want, ok := strings.Cut(line, " => ")
		if !ok {
			tb.Fatalf("%s:%d: no \" => \" in %q", name, n, line)
		}
		c := corpusCase{line: n, want: want}
		var b strings.Builder
		for in != "" {
			open := strings.IndexByte(in, '{')
			if open < 0 {
				b.WriteString(in)
				break
			}
			b.WriteString(in[:open])
			end := strings.IndexByte(in[open:], '}')
			if end < 0 {
				tb.Fatalf("%s:%d: unclosed {", name, n)
			}
			mark := in[open+1 : open+end]
			span := [2]int{b.Len(), 0}
			if strings.HasPrefix(mark, "?") {
				mark = mark[1:]
				span[1] = span[0] + len(mark)
				c.possible = append(c.possible, span)
			} else {
				span[1] = span[0] + len(mark)
				c.names = append(c.names, span)
			}
			b.WriteString(mark)
			in = in[open+end+1:]
		}
		c.input = b.String()
		out = append(out, c)
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return out
}

func overlaps(a, b [2]int) bool { return a[0] < b[1] && b[0] < a[1] }

// TestNameCorpus rewrites every sentence of the corpus and compares it with
// the expected English; words marked as possible names must be kept and
// reported by the lint.
func TestNameCorpus(t *testing.T) {
	cases := readCorpus(t)
	if len(cases) < 150 {
		t.Fatalf("the corpus has %d sentences, want at least 150", len(cases))
	}
	checkNameCorpus(t, "names.txt", cases, newPeople(corpusIncident()))
}

// checkNameCorpus compares the rewrite of each case with its expected
// English, and checks that words marked as possible names are reported.
func checkNameCorpus(t *testing.T, file string, cases []corpusCase, p *people) {
	t.Helper()
	for _, c := range cases {
		if got := p.rewrite(c.input, time.Time{}); got != c.want {
			t.Errorf("%s:%d: rewrite(%q)\n got %q\nwant %q", file, c.line, c.input, got, c.want)
		}
		ms := p.find(c.input)
		for _, span := range c.possible {
			flagged := false
			for _, m := range ms {
				flagged = flagged || m.unsure && overlaps(span, [2]int{m.start, m.end})
			}
			if !flagged {
				t.Errorf("%s:%d: %q not reported as a possible name in %q", file, c.line, c.input[span[0]:span[1]], c.input)
			}
		}
	}
}

// nameScore counts, over the corpus, the mentions the rewrite replaced
// that name a person (tp), that do not (fp), and the people it missed (fn).
func nameScore(p *people, cases []corpusCase) (tp, fp, fn int) {
	for _, c := range cases {
		ms := sure(p.find(c.input))
		for _, m := range ms {
			hit := false
			for _, n := range c.names {
				hit = hit || overlaps(n, [2]int{m.start, m.end})
			}
			if hit {
				tp++
			} else {
				fp++
			}
		}
		for _, n := range c.names {
			found := false
			for _, m := range ms {
				found = found || overlaps(n, [2]int{m.start, m.end})
			}
			if !found {
				fn++
			}
		}
	}
	return tp, fp, fn
}

// BenchmarkNameCorpus reports the precision and recall of name replacement
// over the corpus and the held-out corpora beside its cost. Run:
// go test ./export -run XXX -bench NameCorpus
func BenchmarkNameCorpus(b *testing.B) {
	cases := readCorpus(b)
	p := newPeople(corpusIncident())
	tp, fp, fn := nameScore(p, cases)
	n := len(cases)
	for _, h := range heldoutCorpora {
		hc := readCorpusFile(b, h.names)
		t, f, m := nameScore(newPeople(h.snap()), hc)
		tp, fp, fn, n = tp+t, fp+f, fn+m, n+len(hc)
	}
	measure(b, func() error {
		for _, c := range cases {
			p.rewrite(c.input, time.Time{})
		}
		return nil
	})
	b.ReportMetric(float64(tp)/float64(max(tp+fp, 1)), "precision")
	b.ReportMetric(float64(tp)/float64(max(tp+fn, 1)), "recall")
	b.ReportMetric(float64(n), "sentences")
}

// TestNameCorpusScore keeps the benchmark's numbers honest: the scorer
// sees a missed name and a replaced word.
func TestNameCorpusScore(t *testing.T) {
	p := newPeople(corpusIncident())
	cases := []corpusCase{
		{input: "Grant restarted it", names: [][2]int{{0, 5}}},
		{input: "Mark the pods; ask Zed", names: [][2]int{{19, 22}}},
		{input: "Asked Grant", names: nil},
	}
	if tp, fp, fn := nameScore(p, cases); tp != 1 || fp != 1 || fn != 1 {
		t.Errorf("score = %d %d %d, want 1 true, 1 false positive (Grant in case 3 is marked a word), 1 missed (Zed)", tp, fp, fn)
	}
}

// TestBlameCorpus: blaming retro notes are warned, engineering and design
// statements are not (testdata/corpus/blame.txt).
func TestBlameCorpus(t *testing.T) {
	if n := checkBlameCorpus(t, "blame.txt", newPeople(corpusIncident())); n < 60 {
		t.Errorf("the blame corpus has %d notes, want at least 60", n)
	}
}

// checkBlameCorpus checks the "blame:" and "fine:" lines of a corpus file
// and returns how many there are.
func checkBlameCorpus(t *testing.T, file string, p *people) int {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "corpus", file))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for i, line := range strings.Split(string(b), "\n") {
		kind, text, ok := strings.Cut(line, ": ")
		if !ok || strings.HasPrefix(line, "#") || kind != "blame" && kind != "fine" {
			continue
		}
		n++
		found := findBlame(text, p.find(text))
		if kind == "blame" && len(found) == 0 {
			t.Errorf("%s:%d: no warning for %q", file, i+1, text)
		}
		if kind == "fine" && len(found) > 0 {
			t.Errorf("%s:%d: %q warned as %s (%q)", file, i+1, text, found[0].class, found[0].phrase)
		}
	}
	return n
}
