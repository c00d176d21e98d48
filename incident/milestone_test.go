package incident_test

import (
	"reflect"
	"testing"
	"time"

	"scribe/incident"
)

func TestParseMilestone(t *testing.T) {
	tests := map[string]incident.Milestone{
		"started": incident.MilestoneStarted, "start": incident.MilestoneStarted, "began": incident.MilestoneStarted, "impact": incident.MilestoneStarted,
		"detected": incident.MilestoneDetected, "DETECT": incident.MilestoneDetected, "detection": incident.MilestoneDetected,
		"declared": incident.MilestoneDeclared, "declare": incident.MilestoneDeclared,
		" mitigated ": incident.MilestoneMitigated, "mitigate": incident.MilestoneMitigated, "mitigation": incident.MilestoneMitigated,
		"resolved": incident.MilestoneResolved, "resolve": incident.MilestoneResolved, "resolution": incident.MilestoneResolved,
	}
	for in, want := range tests {
		got, err := incident.ParseMilestone(in)
		if err != nil || got != want {
			t.Errorf("ParseMilestone(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"", "fixed", "ended", "investigating"} {
		_, err := incident.ParseMilestone(in)
		wantInvalid(t, "ParseMilestone("+in+")", err, "use one of started, detected, declared, mitigated, resolved")
	}
}

func TestMilestoneLabelAndExact(t *testing.T) {
	if got := incident.MilestoneMitigated.Label(); got != "Mitigated" {
		t.Errorf("Label() = %q", got)
	}
	if got := incident.Milestone("").Label(); got != "" {
		t.Errorf("empty Label() = %q", got)
	}
	for _, m := range incident.MilestoneOrder {
		if incident.ParseMilestoneExact(m) != m {
			t.Errorf("ParseMilestoneExact(%q) refused a canonical name", m)
		}
	}
	if got := incident.ParseMilestoneExact("detect"); got != "" {
		t.Errorf("ParseMilestoneExact(detect) = %q, want \"\": aliases are not exact", got)
	}
}

// at returns 2026-11-21 at h:m UTC.
func at(h, m int) time.Time { return time.Date(2026, 11, 21, h, m, 0, 0, time.UTC) }

func TestMilestonesGetAndClone(t *testing.T) {
	ms := incident.Milestones{incident.MilestoneStarted: at(14, 0), incident.MilestoneDetected: {}}
	if got, ok := ms.Get(incident.MilestoneStarted); !ok || !got.Equal(at(14, 0)) {
		t.Errorf("Get(started) = %v, %v", got, ok)
	}
	if _, ok := ms.Get(incident.MilestoneDetected); ok {
		t.Error("a zero time counts as set")
	}
	if _, ok := ms.Get(incident.MilestoneResolved); ok {
		t.Error("an absent milestone counts as set")
	}
	c := ms.Clone()
	c[incident.MilestoneResolved] = at(16, 0)
	if _, ok := ms.Get(incident.MilestoneResolved); ok {
		t.Error("changing the clone changed the original")
	}
	if err := ms.Validate(); err != nil {
		t.Errorf("Validate: %v", err)
	}
	wantInvalid(t, "Validate alias key", incident.Milestones{"detect": at(14, 0)}.Validate(), `unknown milestone "detect"`)
}

func TestMilestonesOutOfOrder(t *testing.T) {
	tests := []struct {
		name string
		ms   incident.Milestones
		want [][2]incident.Milestone
	}{
		{"none set", incident.Milestones{}, nil},
		{"in order", incident.Milestones{"started": at(14, 0), "detected": at(14, 10), "declared": at(14, 15), "mitigated": at(15, 0), "resolved": at(16, 0)}, nil},
		{"equal times are fine", incident.Milestones{"started": at(14, 0), "detected": at(14, 0)}, nil},
		{"detected before started", incident.Milestones{"started": at(14, 10), "detected": at(14, 0)},
			[][2]incident.Milestone{{"started", "detected"}}},
		{"gaps are skipped", incident.Milestones{"started": at(15, 0), "resolved": at(14, 0)},
			[][2]incident.Milestone{{"started", "resolved"}}},
		{"resolved first", incident.Milestones{"started": at(14, 0), "mitigated": at(15, 0), "resolved": at(13, 0)},
			[][2]incident.Milestone{{"started", "resolved"}, {"mitigated", "resolved"}}},
		{"zero time is unset", incident.Milestones{"started": at(14, 0), "detected": {}}, nil},
	}
	for _, tt := range tests {
		if got := tt.ms.OutOfOrder(); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: OutOfOrder() = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestMilestonesMetrics(t *testing.T) {
	d := func(m int) *time.Duration { v := time.Duration(m) * time.Minute; return &v }
	tests := []struct {
		name string
		ms   incident.Milestones
		want incident.Metrics
	}{
		{"nothing set", incident.Milestones{}, incident.Metrics{}},
		{"all set", incident.Milestones{"started": at(14, 0), "detected": at(14, 10), "declared": at(14, 15), "mitigated": at(15, 0), "resolved": at(16, 30)},
			incident.Metrics{TimeToDetect: d(10), TimeToMitigate: d(60), TimeToResolve: d(150), ImpactDuration: d(60)}},
		{"no mitigation: impact lasts until resolved", incident.Milestones{"started": at(14, 0), "resolved": at(15, 0)},
			incident.Metrics{TimeToResolve: d(60), ImpactDuration: d(60)}},
		{"no start: detection begins the clock", incident.Milestones{"detected": at(14, 10), "mitigated": at(14, 40), "resolved": at(15, 10)},
			incident.Metrics{TimeToMitigate: d(30), TimeToResolve: d(60)}},
		{"out of order gives no metric", incident.Milestones{"started": at(14, 10), "detected": at(14, 0), "resolved": at(15, 10)},
			incident.Metrics{TimeToResolve: d(60), ImpactDuration: d(60)}},
		{"mitigated before started falls back to resolved", incident.Milestones{"started": at(14, 0), "mitigated": at(13, 0), "resolved": at(14, 45)},
			incident.Metrics{TimeToResolve: d(45), ImpactDuration: d(45)}},
		{"a multi-day incident", incident.Milestones{"started": at(14, 0), "resolved": at(14, 0).Add(50 * time.Hour)},
			incident.Metrics{TimeToResolve: d(3000), ImpactDuration: d(3000)}},
	}
	for _, tt := range tests {
		got := tt.ms.Metrics()
		for _, f := range []struct {
			name      string
			got, want *time.Duration
		}{
			{"TimeToDetect", got.TimeToDetect, tt.want.TimeToDetect},
			{"TimeToMitigate", got.TimeToMitigate, tt.want.TimeToMitigate},
			{"TimeToResolve", got.TimeToResolve, tt.want.TimeToResolve},
			{"ImpactDuration", got.ImpactDuration, tt.want.ImpactDuration},
		} {
			switch {
			case f.got == nil && f.want == nil:
			case f.got == nil || f.want == nil:
				t.Errorf("%s: %s = %v, want %v", tt.name, f.name, f.got, f.want)
			case *f.got != *f.want:
				t.Errorf("%s: %s = %v, want %v", tt.name, f.name, *f.got, *f.want)
			}
		}
	}
}

// TestMetricsIgnoreOutOfRangeMilestones: a year-1 start stored before the
// range was enforced gives no metric rather than 106751d.
func TestMetricsIgnoreOutOfRangeMilestones(t *testing.T) {
	resolved := time.Date(2026, 11, 21, 15, 0, 0, 0, time.UTC)
	ms := incident.Milestones{
		incident.MilestoneStarted:  time.Date(1, 1, 1, 0, 0, 1, 0, time.UTC),
		incident.MilestoneDetected: resolved.Add(-time.Hour),
		incident.MilestoneResolved: resolved,
	}
	m := ms.Metrics()
	if m.TimeToDetect != nil || m.ImpactDuration != nil {
		t.Errorf("metrics from a year-1 start: %v %v", m.TimeToDetect, m.ImpactDuration)
	}
	if m.TimeToResolve == nil || *m.TimeToResolve != time.Hour {
		t.Errorf("time to resolve = %v, want 1h from detection", m.TimeToResolve)
	}
}
