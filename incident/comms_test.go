package incident_test

import (
	"testing"
	"time"

	"scribe/incident"
)

// declaredSEV1 is a SEV1 declared at 14:00 with a 20m cadence.
func declaredSEV1() incident.Snapshot {
	return incident.Snapshot{
		Incident: incident.Incident{
			ID: 1, Title: "Checkout errors", Severity: 1, State: incident.Investigating, Timezone: "UTC",
			Milestones: incident.Milestones{incident.MilestoneDeclared: at(14, 0)}, CreatedAt: at(14, 1),
		},
		UpdateEvery: 20 * time.Minute,
	}
}

func TestCommsBeforeAnyUpdate(t *testing.T) {
	s := declaredSEV1()
	s.Events = []incident.Event{{ID: 1, IncidentID: 1, OccurredAt: at(14, 5), Kind: incident.KindNote, Text: "paged"}}
	c := incident.CommsOf(&s)
	if !c.LastUpdate.IsZero() || !c.NextDue.Equal(at(14, 20)) || c.UpdateEvery != 20*time.Minute {
		t.Errorf("before any update: %+v; want next due 14:20 (the declaration plus the cadence)", c)
	}
	// Without a declared milestone the cadence starts when the incident was created.
	delete(s.Incident.Milestones, incident.MilestoneDeclared)
	if c := incident.CommsOf(&s); !c.NextDue.Equal(at(14, 21)) {
		t.Errorf("no declared milestone: next due %v, want 14:21", c.NextDue)
	}
}

func TestCommsUpdatesResetTheClock(t *testing.T) {
	s := declaredSEV1()
	s.Events = []incident.Event{
		{ID: 1, IncidentID: 1, OccurredAt: at(14, 10), Kind: incident.KindComms, Text: "first update"},
		{ID: 2, IncidentID: 1, OccurredAt: at(14, 25), Kind: incident.KindStatus, State: incident.Identified},
		{ID: 3, IncidentID: 1, OccurredAt: at(14, 40), Kind: incident.KindComms, Text: "deleted update", DeletedAt: at(14, 41)},
		{ID: 4, IncidentID: 1, OccurredAt: at(14, 50), Kind: incident.KindNote, Text: "not an update"},
	}
	c := incident.CommsOf(&s)
	if !c.LastUpdate.Equal(at(14, 25)) || !c.NextDue.Equal(at(14, 45)) {
		t.Errorf("last %v next %v; want the status change at 14:25 to count and the deleted comms not", c.LastUpdate, c.NextDue)
	}
	// Escalating to a faster cadence moves the next update closer at once.
	s.UpdateEvery = 10 * time.Minute
	if c := incident.CommsOf(&s); !c.NextDue.Equal(at(14, 35)) {
		t.Errorf("after escalation next due %v, want 14:35", c.NextDue)
	}
}

func TestCommsNothingDue(t *testing.T) {
	s := declaredSEV1()
	s.UpdateEvery = 0
	s.Events = []incident.Event{{ID: 1, IncidentID: 1, OccurredAt: at(14, 10), Kind: incident.KindComms, Text: "x"}}
	if c := incident.CommsOf(&s); !c.NextDue.IsZero() || !c.LastUpdate.Equal(at(14, 10)) || c.Countdown(at(20, 0)) != "" {
		t.Errorf("no cadence: %+v", c)
	}
	s = declaredSEV1()
	s.Incident.State = incident.Resolved
	if c := incident.CommsOf(&s); !c.NextDue.IsZero() {
		t.Errorf("resolved incident has an update due at %v", c.NextDue)
	}
}

func TestCommsCountdown(t *testing.T) {
	c := incident.Comms{UpdateEvery: 20 * time.Minute, NextDue: at(14, 20)}
	for _, tt := range []struct {
		now     time.Time
		want    string
		overdue bool
	}{
		{at(14, 0), "next update in 20m", false},
		{at(14, 13).Add(30 * time.Second), "next update in 7m", false}, // 6m30s left: rounds up
		{at(14, 19).Add(10 * time.Second), "update due now", false},
		{at(14, 20).Add(30 * time.Second), "update due now", true},
		{at(14, 23), "update overdue 3m", true},
		{at(15, 51), "update overdue 1h 31m", true},
	} {
		if got := c.Countdown(tt.now); got != tt.want {
			t.Errorf("Countdown(%s) = %q, want %q", tt.now.Format("15:04:05"), got, tt.want)
		}
		if _, overdue := c.Overdue(tt.now); overdue != tt.overdue {
			t.Errorf("Overdue(%s) = %v, want %v", tt.now.Format("15:04:05"), overdue, tt.overdue)
		}
	}
}

func TestFormatEveryAndParseInterval(t *testing.T) {
	for d, want := range map[time.Duration]string{
		20 * time.Minute: "20m", time.Hour: "1h", 90 * time.Minute: "1h30m", 45 * time.Second: "45s",
		26*time.Hour + time.Second: "26h1s", 0: "", time.Millisecond: "",
	} {
		if got := incident.FormatEvery(d); got != want {
			t.Errorf("FormatEvery(%v) = %q, want %q", d, got, want)
		}
		if want == "" {
			continue
		}
		if back, err := incident.ParseInterval("x", want); err != nil || back != d {
			t.Errorf("ParseInterval(%q) = %v, %v; want %v", want, back, err, d)
		}
	}
	for in, want := range map[string]time.Duration{"15m": 15 * time.Minute, "in 1h 30m": 90 * time.Minute, "2d": 48 * time.Hour, "an hour": time.Hour, " 1.5 hours ": 90 * time.Minute} {
		if got, err := incident.ParseInterval("x", in); err != nil || got != want {
			t.Errorf("ParseInterval(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for in, want := range map[string]string{
		"":          `invalid reminder "": use a span such as 15m`,
		"15":        `invalid reminder "15": use a span such as 15m`,
		"soon":      `invalid reminder "soon"`,
		"-5m":       `invalid reminder "-5m"`,
		"100ms":     `a span of at least a second is needed`,
		"400d":      `at most a year is accepted`,
		"5 parsecs": `invalid reminder "5 parsecs"`,
	} {
		_, err := incident.ParseInterval("reminder", in)
		wantInvalid(t, "ParseInterval("+in+")", err, want)
	}
}
