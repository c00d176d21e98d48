package incident_test

import (
	"strings"
	"testing"
	"time"

	"scribe/incident"
)

func mustTime(t *testing.T, s string) time.Time {
	t.Helper()
	v, err := time.Parse(time.RFC3339, s)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func TestFollowUpDeadline(t *testing.T) {
	pol := incident.DefaultFollowUpPolicy()
	resolvedInc := incident.Incident{ID: 1, Timezone: "UTC", Milestones: incident.Milestones{
		incident.MilestoneResolved: mustTime(t, "2025-06-03T12:00:00Z"),
	}}
	openInc := incident.Incident{ID: 2, Timezone: "UTC"}
	duringOutage := mustTime(t, "2025-06-03T10:00:00Z")
	inRetro := mustTime(t, "2025-06-10T09:00:00Z")
	for _, tc := range []struct {
		name     string
		item     incident.ActionItem
		inc      incident.Incident
		want     string
		wantFrom incident.DueSource
	}{
		{"a set date wins", incident.ActionItem{Priority: incident.P0, Due: "2025-12-01", CreatedAt: duringOutage}, resolvedInc, "2025-12-01", incident.DueSet},
		{"P0 one week after resolution", incident.ActionItem{Priority: incident.P0, CreatedAt: duringOutage}, resolvedInc, "2025-06-10", incident.DuePolicy},
		{"P1 four weeks after resolution", incident.ActionItem{Priority: incident.P1, CreatedAt: duringOutage}, resolvedInc, "2025-07-01", incident.DuePolicy},
		{"P2 eight weeks after resolution", incident.ActionItem{Priority: incident.P2, CreatedAt: duringOutage}, resolvedInc, "2025-07-29", incident.DuePolicy},
		{"P3 has none", incident.ActionItem{Priority: incident.P3, CreatedAt: duringOutage}, resolvedInc, "", incident.DueNone},
		{"no priority counts like P2", incident.ActionItem{CreatedAt: duringOutage}, resolvedInc, "2025-07-29", incident.DuePolicy},
		{"written in the retro: from its creation", incident.ActionItem{Priority: incident.P0, CreatedAt: inRetro}, resolvedInc, "2025-06-17", incident.DuePolicy},
		{"incident still open: from creation", incident.ActionItem{Priority: incident.P0, CreatedAt: duringOutage}, openInc, "2025-06-10", incident.DuePolicy},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, from := pol.Deadline(tc.item, tc.inc)
			if got != tc.want || from != tc.wantFrom {
				t.Errorf("Deadline = %q, %s; want %q, %s", got, from, tc.want, tc.wantFrom)
			}
		})
	}
}

func TestFollowUpDeadlineIsInTheIncidentsZone(t *testing.T) {
	pol := incident.DefaultFollowUpPolicy()
	// 23:30 in New York on 5 March is 04:30 UTC on the 6th; a week later
	// (across the DST change of 9 March) it is still the 12th in New York.
	inc := incident.Incident{Timezone: "America/New_York"}
	item := incident.ActionItem{Priority: incident.P0, CreatedAt: mustTime(t, "2025-03-06T04:30:00Z")}
	if got, _ := pol.Deadline(item, inc); got != "2025-03-12" {
		t.Errorf("Deadline = %q, want 2025-03-12 (a calendar week in the incident's zone)", got)
	}
	// A deadline in hours is not calendar days.
	pol.Deadlines[incident.P0] = 36 * time.Hour
	if got, _ := pol.Deadline(item, inc); got != "2025-03-07" {
		t.Errorf("36h Deadline = %q, want 2025-03-07", got)
	}
}

func TestFollowUpOverdue(t *testing.T) {
	pol := incident.DefaultFollowUpPolicy()
	inc := incident.Incident{Timezone: "Asia/Tokyo"}
	item := incident.ActionItem{Due: "2025-06-10"}
	for _, tc := range []struct {
		now      string
		daysLeft int
		overdue  bool
	}{
		{"2025-06-09T14:59:00Z", 1, false}, // 23:59 on the 9th in Tokyo
		{"2025-06-09T15:00:00Z", 0, false}, // the 10th in Tokyo: due today
		{"2025-06-10T15:00:00Z", -1, true}, // the 11th in Tokyo
		{"2025-07-10T00:00:00Z", -30, true},
	} {
		f := incident.NewFollowUp(item, inc, pol, mustTime(t, tc.now))
		if f.DaysLeft != tc.daysLeft || f.Overdue() != tc.overdue {
			t.Errorf("at %s: DaysLeft %d overdue %v, want %d %v", tc.now, f.DaysLeft, f.Overdue(), tc.daysLeft, tc.overdue)
		}
	}
	none := incident.NewFollowUp(incident.ActionItem{Priority: incident.P3}, inc, pol, mustTime(t, "2030-01-01T00:00:00Z"))
	if none.Overdue() || none.Due != "" {
		t.Errorf("an item without any deadline is never overdue: %+v", none)
	}
}

func TestSortFollowUps(t *testing.T) {
	pol := incident.DefaultFollowUpPolicy()
	now := mustTime(t, "2025-06-20T12:00:00Z")
	inc := func(id int64) incident.Incident { return incident.Incident{ID: id, Timezone: "UTC"} }
	item := func(id int64, due string, p incident.Priority) incident.ActionItem {
		return incident.ActionItem{ID: id, Due: due, Priority: p, CreatedAt: now}
	}
	fs := []incident.FollowUp{
		incident.NewFollowUp(item(1, "", incident.P3), inc(1), pol, now),           // no deadline
		incident.NewFollowUp(item(2, "2025-09-01", incident.P1), inc(1), pol, now), // far
		incident.NewFollowUp(item(3, "2025-06-01", incident.P2), inc(2), pol, now), // overdue by 19 days
		incident.NewFollowUp(item(4, "2025-06-19", incident.P1), inc(1), pol, now), // overdue by 1 day
		incident.NewFollowUp(item(5, "", incident.P0), inc(3), pol, now),           // derived: 2025-06-27
		incident.NewFollowUp(item(6, "2025-06-27", incident.P2), inc(1), pol, now), // same day, lower priority
		incident.NewFollowUp(item(7, "", ""), inc(1), pol, now),                    // derived: 8 weeks
	}
	incident.SortFollowUps(fs)
	var got []int64
	for _, f := range fs {
		got = append(got, f.Item.ID)
	}
	want := []int64{3, 4, 5, 6, 7, 2, 1}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("order %v, want %v", got, want)
		}
	}
}

func TestFollowUpPolicyValidate(t *testing.T) {
	if err := incident.DefaultFollowUpPolicy().Validate(); err != nil {
		t.Fatalf("default policy: %v", err)
	}
	bad := incident.DefaultFollowUpPolicy()
	bad.Deadlines[incident.P1] = -time.Hour
	if err := bad.Validate(); err == nil || !strings.Contains(err.Error(), "P1") {
		t.Errorf("negative deadline: %v", err)
	}
	bad = incident.DefaultFollowUpPolicy()
	bad.Deadlines["P7"] = time.Hour
	if err := bad.Validate(); err == nil || !strings.Contains(err.Error(), "P7") {
		t.Errorf("unknown priority: %v", err)
	}
}

func TestFollowUpPolicyDescribe(t *testing.T) {
	got := incident.DefaultFollowUpPolicy().Describe()
	want := "P0 1 week, P1 4 weeks, P2 8 weeks, P3 none, no priority 8 weeks"
	if got != want {
		t.Errorf("Describe = %q, want %q", got, want)
	}
}
