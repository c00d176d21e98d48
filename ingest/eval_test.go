package ingest

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"scribe/incident"
)

// The evaluation documents in testdata/eval are written in the layouts of
// public postmortems and status pages (none of them is in the shared
// folder), each with NAME.want listing, by hand, the timeline entries a
// reader sees: "2024-03-14T18:52Z  text the entry starts with", after an
// optional "# options: --year 2025 --tz Zone" line. They measure what
// import is judged by: recall (expected entries found within a minute,
// with their text) and precision (emitted entries that are expected ones).

const (
	minRecall    = 0.90
	minPrecision = 0.85
)

type evalWant struct {
	at   time.Time
	text string
}

type evalCase struct {
	name string
	opts Options
	want []evalWant
}

// evalReference stands in for the clock `import --new` reads: documents
// must not need it, and a date it supplied would be wrong.
var evalReference = time.Date(2031, 1, 15, 12, 0, 0, 0, time.UTC)

func readEvalCase(t *testing.T, path string) evalCase {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	c := evalCase{name: filepath.Base(strings.TrimSuffix(path, ".want")), opts: Options{Zone: time.UTC, Reference: evalReference}}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		if opts, ok := strings.CutPrefix(line, "# options:"); ok {
			fields := strings.Fields(opts)
			for i := 0; i+1 < len(fields); i += 2 {
				switch fields[i] {
				case "--year":
					y, err := strconv.Atoi(fields[i+1])
					if err != nil {
						t.Fatalf("%s:%d: --year: %v", path, n, err)
					}
					c.opts.Year = y
				case "--tz":
					loc, err := incident.ParseZone(fields[i+1])
					if err != nil {
						t.Fatalf("%s:%d: --tz: %v", path, n, err)
					}
					c.opts.Zone = loc
				default:
					t.Fatalf("%s:%d: unknown option %q", path, n, fields[i])
				}
			}
			continue
		}
		stamp, text, ok := strings.Cut(line, "  ")
		at, err := time.Parse("2006-01-02T15:04Z", stamp)
		if !ok || err != nil {
			t.Fatalf("%s:%d: want \"YYYY-MM-DDTHH:MMZ  text\", got %q", path, n, line)
		}
		c.want = append(c.want, evalWant{at: at, text: strings.TrimSpace(text)})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if len(c.want) == 0 {
		t.Fatalf("%s lists no entries", path)
	}
	return c
}

// foldSpace lowercases s and collapses its runs of white space, so that an
// entry's text matches whatever wrapping the document used.
func foldSpace(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// evalScore matches each expected entry to an unused emitted one within a
// minute whose text holds the expected text, and lists what did not match.
func evalScore(want []evalWant, got []Preview) (found, real int, misses []string) {
	used := make([]bool, len(got))
	for _, w := range want {
		hit := false
		for i, g := range got {
			at, err := time.Parse(time.RFC3339, g.At)
			if used[i] || err != nil || at.Sub(w.at).Abs() > time.Minute {
				continue
			}
			if strings.Contains(foldSpace(g.Text), foldSpace(w.text)) {
				used[i], hit = true, true
				break
			}
		}
		if hit {
			found++
		} else {
			misses = append(misses, fmt.Sprintf("missed %s %q", w.at.Format("2006-01-02T15:04Z"), w.text))
		}
	}
	for i, g := range got {
		if used[i] {
			real++
		} else {
			misses = append(misses, fmt.Sprintf("extra  %s %q", g.At, g.Text))
		}
	}
	return found, real, misses
}

func evalDocuments(t *testing.T) []string {
	t.Helper()
	wants, err := filepath.Glob("testdata/eval/*.want")
	if err != nil {
		t.Fatal(err)
	}
	if len(wants) < 10 {
		t.Fatalf("found %d evaluation documents, want at least 10", len(wants))
	}
	return wants
}

func evalInput(t *testing.T, want string) string {
	t.Helper()
	base := strings.TrimSuffix(want, ".want")
	for _, ext := range []string{".md", ".txt"} {
		if _, err := os.Stat(base + ext); err == nil {
			return base + ext
		}
	}
	t.Fatalf("%s has no %s.md or .txt", want, base)
	return ""
}

func TestEvaluation(t *testing.T) {
	var allWant, allFound, allGot, allReal int
	for _, wantPath := range evalDocuments(t) {
		c := readEvalCase(t, wantPath)
		text, err := os.ReadFile(evalInput(t, wantPath))
		if err != nil {
			t.Fatal(err)
		}
		got := Previews(ParseText(string(text), c.opts).Events(1, ""))
		found, real, misses := evalScore(c.want, got)
		recall := float64(found) / float64(len(c.want))
		precision := 1.0
		if len(got) > 0 {
			precision = float64(real) / float64(len(got))
		}
		t.Logf("%-22s recall %3.0f%% (%d/%d)  precision %3.0f%% (%d/%d)", c.name, 100*recall, found, len(c.want), 100*precision, real, len(got))
		if recall < minRecall || precision < minPrecision {
			t.Errorf("%s: recall %.0f%%, precision %.0f%% (want at least %.0f%% and %.0f%%):\n  %s",
				c.name, 100*recall, 100*precision, 100*minRecall, 100*minPrecision, strings.Join(misses, "\n  "))
		}
		allWant, allFound, allGot, allReal = allWant+len(c.want), allFound+found, allGot+len(got), allReal+real
	}
	t.Logf("overall recall %.1f%% (%d/%d), precision %.1f%% (%d/%d)",
		100*float64(allFound)/float64(allWant), allFound, allWant, 100*float64(allReal)/float64(max(allGot, 1)), allReal, allGot)
}
