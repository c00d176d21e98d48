package ingest

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
)

// sharedPostmortems holds real public postmortems next to the repository
// (never copied into it); a worktree under wt/ finds them one level up.
var sharedPostmortems = func() string {
	for _, dir := range []string{"../../shared/postmortems", "../../../shared/postmortems"} {
		if _, err := os.Stat(dir); err == nil {
			return dir
		}
	}
	return "../../shared/postmortems"
}()

// sharedTruth is each shared document's timeline, annotated by hand from the
// documents: the UTC minute of every entry that has a time of day (rows
// with "--:--" or a date alone have no instant and are reported instead).
// Documents that state no zone are read in UTC.
var sharedTruth = map[string][]string{
	"01_dfds-ip-starvation.txt": {
		"2019-11-29T11:00", "2019-11-30T07:24", "2019-11-30T08:00", "2019-11-30T09:30", "2019-12-02T03:30", "2019-12-04T02:00", "2019-12-04T08:30", "2019-12-05T02:30", "2019-12-05T04:30", "2019-12-05T05:00", "2019-12-05T05:10", "2019-12-05T06:00", "2019-12-05T11:00",
	},
	"02_dfds-log4shell.txt": {
		"2021-12-10T15:40", "2021-12-10T16:10", "2021-12-10T16:10", "2021-12-10T19:00", "2021-12-13T09:15", "2021-12-13T11:45", "2021-12-13T14:30", "2021-12-13T15:50", "2021-12-13T16:29", "2021-12-14T09:15", "2021-12-14T10:50", "2021-12-14T11:11", "2021-12-14T11:30", "2021-12-16T14:00", "2021-12-16T16:14", "2021-12-16T17:18", "2021-12-17T12:00", "2021-12-17T12:45", "2021-12-17T13:00", "2021-12-17T14:00", "2021-12-17T14:40", "2021-12-20T09:15", "2022-01-04T11:03",
	},
	"03_posthog-flags-down.txt": {
		"2025-09-29T16:58", "2025-09-29T17:02", "2025-09-29T17:05", "2025-09-29T17:12", "2025-09-29T17:25", "2025-09-29T17:40", "2025-09-29T18:15", "2025-09-29T18:46",
	},
	"05_posthog-replay-fetch-wrapper.txt": {
		"2026-01-14T10:18", "2026-01-15T17:33", "2026-01-16T05:44", "2026-01-16T12:52", "2026-01-17T03:31", "2026-01-17T06:43", "2026-01-17T08:43", "2026-01-17T19:38", "2026-01-17T20:13", "2026-01-19T16:04",
	},
	"06_posthog-flags-recurring-outages.txt": {
		"2025-10-21T21:45", "2025-10-21T21:47", "2025-10-21T21:49", "2025-10-21T21:50", "2025-10-21T22:30", "2025-10-21T22:35", "2025-10-21T22:45", "2025-10-21T22:50", "2025-10-21T22:50", "2025-10-21T23:00", "2025-10-21T23:28", "2025-10-24T18:00", "2025-10-24T18:01", "2025-10-24T18:02", "2025-10-24T18:10", "2025-10-24T18:30", "2025-10-24T18:45", "2025-10-24T19:00", "2025-10-24T19:02", "2025-10-24T19:05", "2025-10-24T19:12", "2025-10-28T19:12", "2025-10-28T19:15", "2025-10-28T19:18", "2025-10-28T19:20", "2025-10-28T19:23", "2025-10-28T19:23", "2025-10-28T19:25", "2025-10-28T19:26", "2025-10-28T19:28", "2025-10-28T19:35", "2025-10-28T19:45", "2025-10-28T20:00", "2025-10-28T20:30", "2025-10-28T20:53", "2025-10-28T21:15", "2025-10-28T21:31", "2025-10-29T22:30", "2025-10-29T22:30", "2025-10-30T00:03", "2025-10-30T05:39",
	},
	"07_2i2c-memory-overload-IST.txt": {
		"2020-08-28T15:22", "2020-08-28T15:32", "2020-08-28T15:51", "2020-08-28T15:53", "2020-08-28T15:54", "2020-08-28T16:16",
	},
	"08_2i2c-earthscope-EEST.txt": {
		"2025-05-12T17:15", "2025-05-12T17:49", "2025-05-12T17:57", "2025-05-12T17:59", "2025-05-12T18:05", "2025-05-12T18:59", "2025-05-12T19:00", "2025-05-12T19:00", "2025-05-12T20:00", "2025-05-12T21:40", "2025-05-12T21:47", "2025-05-13T11:30", "2025-05-13T12:51", "2025-05-13T13:00", "2025-05-13T14:00", "2025-05-13T14:15", "2025-05-13T14:58", "2025-05-13T16:28", "2025-05-13T16:31", "2025-05-13T17:21", "2025-05-14T08:39", "2025-05-14T14:15", "2025-05-14T14:54", "2025-05-15T16:26", "2025-05-16T08:00",
	},
	"09_2i2c-openscapes-EDT.txt": {
		"2025-07-22T05:03", "2025-07-22T09:00", "2025-07-22T09:05", "2025-07-22T09:10", "2025-07-22T09:20", "2025-07-22T09:41", "2025-07-22T11:42", "2025-07-22T11:51", "2025-07-22T12:37", "2025-07-22T14:23", "2025-07-22T14:27", "2025-07-22T15:24", "2025-07-23T08:10",
	},
	"10_2i2c-leap-outage-BST.txt": {
		"2025-08-12T16:00", "2025-08-12T16:02", "2025-08-12T16:15", "2025-08-12T16:32", "2025-08-12T16:33", "2025-08-12T16:37", "2025-08-12T16:43", "2025-08-12T16:48", "2025-08-12T16:51", "2025-08-12T16:55", "2025-08-12T17:08", "2025-08-12T17:11", "2025-08-12T19:16", "2025-08-12T19:20", "2025-08-12T19:37", "2025-08-12T20:03", "2025-08-12T20:16",
	},
	"11_portswigger-crossplane-dataloss.txt": {
		"2023-11-06T11:10", "2023-11-06T15:13", "2023-11-07T10:00", "2023-11-07T10:49",
	},
	"12_portswigger-saas-outage.txt": {
		"2024-10-16T11:58", "2024-10-24T02:00", "2024-10-24T02:00", "2024-10-24T04:00", "2024-10-24T04:45", "2024-10-24T08:07", "2024-10-24T08:15", "2024-10-24T09:15",
	},
	"13_rust-cratesio-incident-2020.txt": {
		"2020-02-20T21:17", "2020-02-20T21:28", "2020-02-20T21:31", "2020-02-20T21:33", "2020-02-20T21:35", "2020-02-20T21:37", "2020-02-20T21:50", "2020-02-20T22:01", "2020-02-20T22:09", "2020-02-20T22:16", "2020-02-20T22:17", "2020-02-20T22:20", "2020-02-20T22:23", "2020-02-20T22:48", "2020-02-21T09:27", "2020-02-21T12:55", "2020-02-21T14:10",
	},
	"19_moj-cloud-platform-prometheus-2024-04-15.txt": {
		"2024-04-15T12:32", "2024-04-15T12:32", "2024-04-15T12:52", "2024-04-15T12:57", "2024-04-15T13:00", "2024-04-15T13:46", "2024-04-15T14:43", "2024-04-15T15:21", "2024-04-15T15:53", "2024-04-15T15:53", "2024-04-15T16:00", "2024-04-18T16:13", "2024-04-18T16:13",
	},
	"20_moj-cloud-platform-prometheus-down-2023-07-25.txt": {
		"2023-07-05T16:18", "2023-07-25T14:05", "2023-07-25T14:05", "2023-07-25T14:09", "2023-07-25T14:17", "2023-07-25T14:22", "2023-07-25T14:56", "2023-07-25T15:11", "2023-07-25T15:20", "2023-07-25T15:21", "2023-07-25T15:21", "2023-07-25T15:31", "2023-07-25T15:50", "2023-07-25T15:55", "2023-07-25T16:18", "2023-07-25T16:18", "2023-09-25T15:55",
	},
	"seed-000_authzed-api-latency.txt": {
		"2022-02-16T20:01", "2022-02-16T21:11", "2022-02-16T21:20", "2022-02-16T21:45", "2022-02-16T22:25", "2022-02-17T01:38", "2022-02-19T04:20", "2022-02-19T21:36", "2022-02-19T22:00", "2022-02-19T22:01", "2022-02-22T21:21",
	},
	"seed-003_stytch-trigram.txt": {
		"2024-08-12T20:10", "2024-08-12T20:15", "2024-08-12T20:25", "2024-08-12T20:35", "2024-08-12T20:48", "2024-08-12T21:23", "2024-08-12T21:26", "2024-08-12T21:59", "2024-08-12T22:08",
	},
}

// sharedItems is how many action items each shared document lists under
// its action-item headings (counted by hand), and sharedNarrative the
// narrative fields and retro sections it writes.
var sharedItems = map[string]int{
	"01_dfds-ip-starvation.txt": 4, "02_dfds-log4shell.txt": 6, "03_posthog-flags-down.txt": 9,
	"05_posthog-replay-fetch-wrapper.txt": 7, "06_posthog-flags-recurring-outages.txt": 26,
	"07_2i2c-memory-overload-IST.txt": 5, "08_2i2c-earthscope-EEST.txt": 2, "09_2i2c-openscapes-EDT.txt": 1,
	"10_2i2c-leap-outage-BST.txt": 5, "11_portswigger-crossplane-dataloss.txt": 4, "12_portswigger-saas-outage.txt": 3,
	"13_rust-cratesio-incident-2020.txt": 5, "19_moj-cloud-platform-prometheus-2024-04-15.txt": 7,
	"20_moj-cloud-platform-prometheus-down-2023-07-25.txt": 1, "seed-000_authzed-api-latency.txt": 10,
}

var sharedNarrative = map[string]string{
	"01_dfds-ip-starvation.txt":                       "summary factor lesson",
	"02_dfds-log4shell.txt":                           "summary lesson",
	"03_posthog-flags-down.txt":                       "summary impact root-cause lesson",
	"05_posthog-replay-fetch-wrapper.txt":             "summary impact root-cause resolution",
	"06_posthog-flags-recurring-outages.txt":          "summary impact root-cause went-well went-wrong lesson",
	"10_2i2c-leap-outage-BST.txt":                     "summary resolution went-well went-wrong",
	"13_rust-cratesio-incident-2020.txt":              "summary root-cause resolution",
	"19_moj-cloud-platform-prometheus-2024-04-15.txt": "impact resolution",
	"seed-000_authzed-api-latency.txt":                "summary",
	"seed-003_stytch-trigram.txt":                     "summary impact root-cause",
}

// checkSharedDocument checks what a whole-document import of a shared
// postmortem reads besides its timeline: its action items arrive as
// action items and none of them as an event, and its narrative sections
// fill the fields they name.
func checkSharedDocument(t *testing.T, name string, res Result) {
	t.Helper()
	if want := sharedItems[name]; float64(len(res.ActionItems)) < 0.8*float64(want) || len(res.ActionItems) > want+want/4+1 {
		t.Errorf("%s: %d action items, want %d", name, len(res.ActionItems), want)
	}
	for _, a := range res.ActionItems {
		key := foldSpace(a.Title)
		if len(key) > 40 {
			key = key[:40]
		}
		for _, e := range res.Entries {
			if strings.Contains(foldSpace(e.Text), key) {
				t.Errorf("%s: action item %q is also an event at line %d", name, a.Title, e.Line)
			}
		}
	}
	have := map[string]bool{
		"summary": res.Narrative.Summary != "", "impact": res.Narrative.Impact != "",
		"root-cause": res.Narrative.RootCause != "", "resolution": res.Narrative.Resolution != "",
	}
	for _, n := range res.Retro {
		have[string(n.Section)] = true
	}
	for _, f := range strings.Fields(sharedNarrative[name]) {
		if !have[f] {
			t.Errorf("%s: nothing read into %s", name, f)
		}
	}
}

// TestSharedPostmortems reads every shared postmortem and measures, against
// sharedTruth, the share of real entries found at their instant (±1 min,
// recall) and the share of emitted entries that are real (precision).
func TestSharedPostmortems(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(sharedPostmortems, "*"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		if _, err := os.Stat(sharedPostmortems); os.IsNotExist(err) {
			t.Skip("no shared postmortems next to the repository")
		}
		t.Fatalf("%s holds no files", sharedPostmortems)
	}
	var found, truth, emitted int
	for _, f := range files {
		name := filepath.Base(f)
		want, ok := sharedTruth[name]
		if !ok {
			t.Errorf("%s has no annotated timeline in sharedTruth", name)
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		res := ParseText(string(data), Options{})
		checkSharedDocument(t, name, res)
		hits := matchInstants(t, want, res.Entries)
		recall := float64(hits) / float64(len(want))
		precision := float64(hits) / float64(max(len(res.Entries), 1))
		t.Logf("%-55s truth %3d emitted %3d recall %5.1f%% precision %5.1f%%", name, len(want), len(res.Entries), 100*recall, 100*precision)
		if recall < 0.9 || precision < 0.85 {
			t.Errorf("%s: recall %.2f, precision %.2f: want at least 0.90 and 0.85", name, recall, precision)
		}
		for _, line := range codeLines(string(data)) {
			for _, e := range res.Entries {
				if e.Line == line {
					t.Errorf("%s: entry from line %d, inside a code block: %q", name, line, e.Text)
				}
			}
		}
		for _, e := range res.Entries {
			if strings.TrimSpace(e.Text) == "" {
				t.Errorf("%s: entry at line %d has no text", name, e.Line)
			}
		}
		if !sort.SliceIsSorted(res.Entries, func(i, j int) bool { return res.Entries[i].At.Before(res.Entries[j].At) }) {
			t.Errorf("%s: entries are not sorted by time", name)
		}
		found, truth, emitted = found+hits, truth+len(want), emitted+len(res.Entries)
	}
	t.Logf("all files: recall %.1f%%, precision %.1f%%", 100*float64(found)/float64(truth), 100*float64(found)/float64(max(emitted, 1)))
}

// matchInstants pairs each true instant with at most one entry within a
// minute of it and returns the number of pairs.
func matchInstants(t *testing.T, want []string, got []Entry) int {
	t.Helper()
	used := make([]bool, len(got))
	hits := 0
	for _, w := range want {
		at, err := time.Parse("2006-01-02T15:04", w)
		if err != nil {
			t.Fatalf("truth %q: %v", w, err)
		}
		for i, e := range got {
			if d := e.At.Sub(at); !used[i] && d <= time.Minute && d >= -time.Minute {
				used[i] = true
				hits++
				break
			}
		}
	}
	return hits
}

// codeLines lists the 1-based lines inside fenced code blocks.
func codeLines(text string) []int {
	var out []int
	in := false
	for i, l := range strings.Split(text, "\n") {
		if strings.HasPrefix(strings.TrimSpace(l), "```") {
			in = !in
			continue
		}
		if in {
			out = append(out, i+1)
		}
	}
	return out
}
