package report_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"scribe/incident"
	"scribe/report"
)

func at(t *testing.T, s string) time.Time {
	t.Helper()
	v, err := time.Parse(time.RFC3339, s)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func ms(t *testing.T, kv ...string) incident.Milestones {
	t.Helper()
	out := incident.Milestones{}
	for i := 0; i < len(kv); i += 2 {
		out[incident.Milestone(kv[i])] = at(t, kv[i+1])
	}
	return out
}

const (
	mins = time.Minute
)

// fixture is five incidents whose metrics were worked out by hand:
//
//	A SEV1 Apr 10: started 10:00 detected 10:05 mitigated 10:40 resolved 12:00
//	  → detect 5m, mitigate 40m, resolve 120m, impact 40m
//	B SEV2 Jun 1: started 08:00 detected 08:20 mitigated 09:00 resolved 09:30
//	  → detect 20m, mitigate 60m, resolve 90m, impact 60m
//	C SEV2 Jun 15: (no start) detected 14:00 mitigated 14:10 resolved 15:00
//	  → detect missing, mitigate 10m, resolve 60m (from detected), impact missing
//	D SEV3 Jun 20: started 00:00, detected 23:50 the day before (out of order),
//	  mitigated 00:30, resolved 01:00
//	  → detect out of order, mitigate 30m, resolve 60m, impact 30m
//	E SEV4 Jul 5: declared only → everything missing
func fixture(t *testing.T) []report.Input {
	t.Helper()
	inc := func(id int64, sev incident.Severity, m incident.Milestones) incident.Incident {
		return incident.Incident{ID: id, Title: "incident", Severity: sev, State: incident.Resolved, Timezone: "UTC",
			Milestones: m, CreatedAt: at(t, "2025-01-01T00:00:00Z")}
	}
	item := func(id int64, state incident.ItemState, p incident.Priority, due, created string) incident.ActionItem {
		return incident.ActionItem{ID: id, Title: "item", State: state, Priority: p, Due: due, CreatedAt: at(t, created)}
	}
	deleted := item(99, incident.ItemOpen, incident.P0, "2025-01-01", "2025-04-10T10:30:00Z")
	deleted.DeletedAt = at(t, "2025-04-11T00:00:00Z")
	return []report.Input{
		{Incident: inc(1, 1, ms(t, "started", "2025-04-10T10:00:00Z", "detected", "2025-04-10T10:05:00Z",
			"declared", "2025-04-10T10:07:00Z", "mitigated", "2025-04-10T10:40:00Z", "resolved", "2025-04-10T12:00:00Z")),
			ActionItems: []incident.ActionItem{item(1, incident.ItemDone, incident.P1, "", "2025-04-10T10:30:00Z"), deleted}},
		{Incident: inc(2, 2, ms(t, "started", "2025-06-01T08:00:00Z", "detected", "2025-06-01T08:20:00Z",
			"mitigated", "2025-06-01T09:00:00Z", "resolved", "2025-06-01T09:30:00Z")),
			ActionItems: []incident.ActionItem{
				item(2, incident.ItemOpen, incident.P2, "2025-06-10", "2025-06-01T09:00:00Z"), // overdue on Jul 10
				item(3, incident.ItemWontDo, incident.P2, "", "2025-06-01T09:00:00Z"),
			}},
		{Incident: inc(3, 2, ms(t, "detected", "2025-06-15T14:00:00Z", "mitigated", "2025-06-15T14:10:00Z", "resolved", "2025-06-15T15:00:00Z")),
			// P1, undated: four weeks after resolution is Jul 13, not yet due on Jul 10.
			ActionItems: []incident.ActionItem{item(4, incident.ItemOpen, incident.P1, "", "2025-06-15T14:30:00Z")}},
		{Incident: inc(4, 3, ms(t, "started", "2025-06-20T00:00:00Z", "detected", "2025-06-19T23:50:00Z",
			"mitigated", "2025-06-20T00:30:00Z", "resolved", "2025-06-20T01:00:00Z")),
			ActionItems: []incident.ActionItem{item(5, incident.ItemOpen, incident.P3, "", "2025-06-20T00:10:00Z")}},
		{Incident: inc(5, 4, ms(t, "declared", "2025-07-05T12:00:00Z"))},
	}
}

func options(t *testing.T) report.Options {
	return report.Options{Now: at(t, "2025-07-10T12:00:00Z"), Policy: incident.DefaultFollowUpPolicy()}
}

type want struct {
	count, missing, outOfOrder int
	median, p90                time.Duration
}

func checkMetric(t *testing.T, m report.Metric, w want) {
	t.Helper()
	if m.Count != w.count || m.Missing != w.missing || m.OutOfOrder != w.outOfOrder {
		t.Errorf("%s: measured %d missing %d out of order %d, want %d %d %d", m.Kind.Name,
			m.Count, m.Missing, m.OutOfOrder, w.count, w.missing, w.outOfOrder)
	}
	if m.Median != w.median || m.P90 != w.p90 {
		t.Errorf("%s: median %s p90 %s, want %s %s", m.Kind.Name, m.Median, m.P90, w.median, w.p90)
	}
}

func TestBuildMetricsByHand(t *testing.T) {
	r := report.Build(fixture(t), options(t))
	if r.Incidents != 5 {
		t.Fatalf("Incidents = %d, want 5", r.Incidents)
	}
	// detect: 5m, 20m → median 12m30s, p90 at rank 0.9 → 5m + 0.9×15m = 18m30s
	checkMetric(t, r.Metrics[0], want{2, 2, 1, 12*mins + 30*time.Second, 18*mins + 30*time.Second})
	// mitigate: 10, 30, 40, 60 → median (30+40)/2 = 35m; p90 at rank 2.7 → 40 + 0.7×20 = 54m
	checkMetric(t, r.Metrics[1], want{4, 1, 0, 35 * mins, 54 * mins})
	// resolve: 60, 60, 90, 120 → median 75m; p90 at rank 2.7 → 90 + 0.7×30 = 111m
	checkMetric(t, r.Metrics[2], want{4, 1, 0, 75 * mins, 111 * mins})
	// impact: 30, 40, 60 → median 40m; p90 at rank 1.8 → 40 + 0.8×20 = 56m
	checkMetric(t, r.Metrics[3], want{3, 2, 0, 40 * mins, 56 * mins})

	if m := r.Metrics[1]; m.Min != 10*mins || m.Max != 60*mins {
		t.Errorf("mitigate min %s max %s, want 10m 60m", m.Min, m.Max)
	}
}

func TestBuildCountsBySeverityAndMonth(t *testing.T) {
	r := report.Build(fixture(t), options(t))
	wantSev := []int{1, 2, 1, 1, 0}
	if len(r.BySeverity) != 5 {
		t.Fatalf("BySeverity has %d rows, want 5 (SEV1..SEV5)", len(r.BySeverity))
	}
	for i, row := range r.BySeverity {
		if row.Severity != incident.Severity(i+1) || row.Count != wantSev[i] {
			t.Errorf("row %d: %s %d, want SEV%d %d", i, row.Severity, row.Count, i+1, wantSev[i])
		}
	}
	// SEV2's mitigate times are 60m and 10m: median 35m, p90 10 + 0.9×50 = 55m.
	checkMetric(t, r.BySeverity[1].Metrics[1], want{2, 0, 0, 35 * mins, 55 * mins})
	// SEV5 has nothing: measured 0, nothing missing.
	checkMetric(t, r.BySeverity[4].Metrics[1], want{0, 0, 0, 0, 0})

	wantMonths := []struct {
		month string
		count int
	}{{"2025-04", 1}, {"2025-05", 0}, {"2025-06", 3}, {"2025-07", 1}}
	if len(r.ByMonth) != len(wantMonths) {
		t.Fatalf("ByMonth = %+v, want %v", r.ByMonth, wantMonths)
	}
	for i, w := range wantMonths {
		if r.ByMonth[i].Month != w.month || r.ByMonth[i].Count != w.count {
			t.Errorf("month %d: %s %d, want %s %d", i, r.ByMonth[i].Month, r.ByMonth[i].Count, w.month, w.count)
		}
	}
	if got := r.ByMonth[2].BySeverity; got != [5]int{0, 2, 1, 0, 0} {
		t.Errorf("June by severity = %v, want [0 2 1 0 0] (B, C, D)", got)
	}
}

func TestBuildWindow(t *testing.T) {
	opts := options(t)
	opts.Since, opts.Until = at(t, "2025-05-01T00:00:00Z"), at(t, "2025-06-20T00:00:00Z")
	r := report.Build(fixture(t), opts)
	// B, C and D (D began at 00:00 on Jun 20: started is its beginning, so
	// Until excludes it) → B and C.
	var ids []int64
	for _, row := range r.Rows {
		ids = append(ids, row.ID)
	}
	if len(ids) != 2 || ids[0] != 2 || ids[1] != 3 {
		t.Fatalf("window kept %v, want [2 3]", ids)
	}
	// mitigate: 60m, 10m → 35m.
	checkMetric(t, r.Metrics[1], want{2, 0, 0, 35 * mins, 55 * mins})
	opts.Since = at(t, "2025-06-01T08:00:00Z") // inclusive: B began exactly then
	if r := report.Build(fixture(t), opts); r.Incidents != 2 {
		t.Errorf("Since is inclusive: %d incidents, want 2", r.Incidents)
	}
}

func TestBuildFollowUps(t *testing.T) {
	r := report.Build(fixture(t), options(t))
	f := r.FollowUps
	if f.Opened != 5 || f.Done != 1 || f.WontDo != 1 || f.Open != 3 || f.Overdue != 1 {
		t.Errorf("follow-ups %+v, want opened 5 done 1 wontdo 1 open 3 overdue 1 (the deleted one ignored)", f)
	}
	rate, ok := f.CompletionRate()
	if !ok || rate != 0.25 {
		t.Errorf("completion %v %v, want 0.25 (1 done of 4 meant)", rate, ok)
	}
	// Three days later the P1 item of C (due Jul 13) is overdue too.
	opts := options(t)
	opts.Now = at(t, "2025-07-14T00:00:00Z")
	if got := report.Build(fixture(t), opts).FollowUps.Overdue; got != 2 {
		t.Errorf("overdue on Jul 14 = %d, want 2", got)
	}
	if _, ok := (report.FollowUps{Opened: 2, WontDo: 2}).CompletionRate(); ok {
		t.Error("no rate when everything is won't do")
	}
}

func TestBuildMonthsInTheReportsZone(t *testing.T) {
	ins := []report.Input{{Incident: incident.Incident{ID: 1, Severity: 2, Timezone: "UTC",
		Milestones: ms(t, "started", "2025-06-30T23:30:00Z")}}}
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	if got := report.Build(ins, report.Options{}).ByMonth[0].Month; got != "2025-06" {
		t.Errorf("UTC month %s, want 2025-06", got)
	}
	if got := report.Build(ins, report.Options{Zone: berlin}).ByMonth[0].Month; got != "2025-07" {
		t.Errorf("Berlin month %s, want 2025-07", got)
	}
}

func TestBuildEmpty(t *testing.T) {
	r := report.Build(nil, report.Options{})
	if r.Incidents != 0 || len(r.ByMonth) != 0 || len(r.BySeverity) != 5 || len(r.Metrics) != 4 {
		t.Errorf("empty report: %+v", r)
	}
	for _, m := range r.Metrics {
		if m.Count != 0 || m.Missing != 0 {
			t.Errorf("%s: %+v", m.Kind.Name, m)
		}
	}
}

func TestPercentile(t *testing.T) {
	ds := func(ms ...int) []time.Duration {
		out := make([]time.Duration, len(ms))
		for i, m := range ms {
			out[i] = time.Duration(m) * time.Minute
		}
		return out
	}
	for _, tc := range []struct {
		name string
		in   []time.Duration
		p    float64
		want time.Duration
	}{
		{"none", nil, 0.5, 0},
		{"one value is every percentile", ds(7), 0.9, 7 * mins},
		{"odd median is the middle", ds(1, 5, 30), 0.5, 5 * mins},
		{"even median is the mean of the middle two", ds(1, 5, 30, 31), 0.5, 17*mins + 30*time.Second},
		{"p90 of 1..10 interpolates", ds(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), 0.9, 9*mins + 6*time.Second},
		{"p0 is the minimum", ds(3, 4), 0, 3 * mins},
		{"p100 is the maximum", ds(3, 4), 1, 4 * mins},
		{"rounded to the nanosecond", []time.Duration{0, 3}, 0.5, 2},
	} {
		if got := report.Percentile(tc.in, tc.p); got != tc.want {
			t.Errorf("%s: Percentile(%v, %v) = %s, want %s", tc.name, tc.in, tc.p, got, tc.want)
		}
	}
}

// TestBuildCountsUnreadableDatesApart: an incident none of whose dates
// can be read (the store reads them as zero) is counted apart, whatever
// the window, and never as a month in year 1: the report stays a screen
// long.
func TestBuildCountsUnreadableDatesApart(t *testing.T) {
	undated := incident.Incident{ID: 7, Title: "unreadable", Severity: 2, State: incident.Investigating, Timezone: "UTC",
		Milestones: incident.Milestones{}, Invalid: incident.Unreadable{{Column: "declared_at", Raw: "10000-01-01T07:59:00Z", Problem: "is not a time"}}}
	dated := incident.Incident{ID: 8, Title: "fine", Severity: 3, State: incident.Resolved, Timezone: "UTC",
		Milestones: ms(t, "declared", "2025-06-01T08:00:00Z"), CreatedAt: at(t, "2025-06-01T08:00:00Z")}
	for _, opts := range []report.Options{{}, {Since: at(t, "2025-01-01T00:00:00Z"), Until: at(t, "2026-01-01T00:00:00Z")}} {
		r := report.Build([]report.Input{{Incident: undated}, {Incident: dated}}, opts)
		if r.Incidents != 1 || len(r.DateUnreadable) != 1 || r.DateUnreadable[0].ID != 7 {
			t.Fatalf("counted %d, date unreadable %+v; want 1 and #7", r.Incidents, r.DateUnreadable)
		}
		if len(r.ByMonth) != 1 || r.ByMonth[0].Month != "2025-06" || r.Sparse {
			t.Errorf("ByMonth = %+v (sparse %v), want 2025-06 alone", r.ByMonth, r.Sparse)
		}
		if r.BySeverity[1].Count != 0 {
			t.Errorf("the undated SEV2 was counted by severity: %+v", r.BySeverity[1])
		}
		var text bytes.Buffer
		if err := report.Text(&text, r); err != nil {
			t.Fatal(err)
		}
		if n := strings.Count(text.String(), "\n"); n > 40 || !strings.Contains(text.String(), "Date unreadable: 1 incident not counted (#7)") {
			t.Errorf("text report (%d lines):\n%s", n, text.String())
		}
		var js bytes.Buffer
		if err := report.JSON(&js, r); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(js.String(), `"date_unreadable": [`+"\n    {\n      \"id\": 7") {
			t.Errorf("JSON does not list #7 under date_unreadable:\n%s", js.String())
		}
	}
}

// TestBuildMonthsBounded: quiet months are listed between the first and
// the last incident up to MaxFilledMonths; over a longer span only the
// months with incidents are.
func TestBuildMonthsBounded(t *testing.T) {
	inc := func(id int64, began string) report.Input {
		return report.Input{Incident: incident.Incident{ID: id, Title: "x", Severity: 2, Timezone: "UTC",
			Milestones: ms(t, "declared", began), CreatedAt: at(t, began)}}
	}
	r := report.Build([]report.Input{inc(1, "2025-01-10T00:00:00Z"), inc(2, "2027-12-10T00:00:00Z")}, report.Options{})
	if len(r.ByMonth) != report.MaxFilledMonths || r.Sparse {
		t.Errorf("36 months apart: %d rows (sparse %v), want %d", len(r.ByMonth), r.Sparse, report.MaxFilledMonths)
	}
	r = report.Build([]report.Input{inc(1, "1970-01-10T00:00:00Z"), inc(3, "2199-12-10T00:00:00Z"), inc(2, "2025-01-10T00:00:00Z")}, report.Options{})
	if !r.Sparse || len(r.ByMonth) != 3 {
		t.Fatalf("1970 to 2199: %d rows (sparse %v), want the 3 months with incidents", len(r.ByMonth), r.Sparse)
	}
	for i, want := range []string{"1970-01", "2025-01", "2199-12"} {
		if r.ByMonth[i].Month != want || r.ByMonth[i].Count != 1 {
			t.Errorf("month %d = %+v, want %s with 1", i, r.ByMonth[i], want)
		}
	}
}
