package store

import (
	"context"
	"errors"
	"testing"
	"time"

	"scribe/incident"
)

func TestCreateIncidentDefaultsAndDeclaredEvent(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	inc := incident.Incident{Title: "  Search latency  ", Timezone: "America/New_York", Services: []string{"search", "api"}}
	if err := s.CreateIncident(ctx, &inc, Origin{At: t0, Author: "rosa", Source: incident.SourceCLI}); err != nil {
		t.Fatal(err)
	}
	if inc.ID == 0 || inc.State != incident.Investigating || inc.Severity != 3 || inc.Title != "Search latency" {
		t.Fatalf("defaults not applied: %+v", inc)
	}
	got, err := s.Incident(ctx, inc.ID)
	if err != nil {
		t.Fatal(err)
	}
	if d, ok := got.Milestones.Get(incident.MilestoneDeclared); !ok || !d.Equal(t0) || d.Location() != time.UTC {
		t.Fatalf("declared = %v, %v; want %v in UTC", d, ok, t0.UTC())
	}
	if len(got.Services) != 2 || got.Services[1] != "api" || got.Timezone != "America/New_York" {
		t.Fatalf("round trip lost fields: %+v", got)
	}
	if got.CreatedAt.IsZero() || !got.CreatedAt.Equal(inc.CreatedAt) {
		t.Fatalf("CreatedAt = %v, want %v", got.CreatedAt, inc.CreatedAt)
	}
	evs, err := s.Events(ctx, inc.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(evs) != 1 || evs[0].Kind != incident.KindMilestone || evs[0].Milestone != incident.MilestoneDeclared ||
		evs[0].Text != "Incident declared" || !evs[0].OccurredAt.Equal(t0) || evs[0].Author != "rosa" {
		t.Fatalf("declared event = %+v", evs)
	}
}

func TestCreateIncidentRefusesInvalid(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	for name, inc := range map[string]incident.Incident{
		"empty title":  {Title: "  ", Timezone: "UTC"},
		"bad severity": {Title: "x", Severity: 9, Timezone: "UTC"},
		"bad zone":     {Title: "x", Timezone: "Mars/Olympus"},
		"bad state":    {Title: "x", State: "on fire", Timezone: "UTC"},
	} {
		err := s.CreateIncident(ctx, &inc, Origin{})
		if incident.ErrorCode(err) != incident.EINVALID {
			t.Errorf("%s: error = %v, want EINVALID", name, err)
		}
	}
	list, err := s.Incidents(ctx)
	if err != nil || len(list) != 0 {
		t.Fatalf("Incidents after refusals = %v, %v; want none", list, err)
	}
}

func TestIncidentNotFoundNamesNumber(t *testing.T) {
	s := openTest(t)
	_, err := s.Incident(context.Background(), 42)
	wantCode(t, err, incident.ENOTFOUND)
	if incident.ErrorMessage(err) != "incident #42 not found" {
		t.Fatalf("message = %q", incident.ErrorMessage(err))
	}
}

func TestIncidentsNewestFirst(t *testing.T) {
	s := openTest(t)
	a := newIncident(t, s)
	b := newIncident(t, s)
	list, err := s.Incidents(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 || list[0].ID != b.ID || list[1].ID != a.ID {
		t.Fatalf("Incidents = %v, want #%d then #%d", list, b.ID, a.ID)
	}
}

func TestUpdateIncident(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	inc := newIncident(t, s)
	got, err := s.UpdateIncident(ctx, inc.ID, func(i *incident.Incident) error {
		i.Summary = "Checkout failed for 40 minutes."
		i.Milestones[incident.MilestoneStarted] = t0.Add(-time.Hour)
		i.ID = 999 // ignored
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if got.ID != inc.ID {
		t.Fatalf("ID changed to %d", got.ID)
	}
	reread, _ := s.Incident(ctx, inc.ID)
	if reread.Summary != "Checkout failed for 40 minutes." || !reread.Milestones[incident.MilestoneStarted].Equal(t0.Add(-time.Hour)) {
		t.Fatalf("update not stored: %+v", reread)
	}
	// fn's error aborts; an invalid result is refused; neither writes.
	boom := errors.New("boom")
	if _, err := s.UpdateIncident(ctx, inc.ID, func(i *incident.Incident) error { i.Summary = "x"; return boom }); !errors.Is(err, boom) {
		t.Fatalf("fn error = %v, want boom", err)
	}
	_, err = s.UpdateIncident(ctx, inc.ID, func(i *incident.Incident) error { i.Title = ""; i.Summary = "y"; return nil })
	wantCode(t, err, incident.EINVALID)
	after, _ := s.Incident(ctx, inc.ID)
	if after.Summary != reread.Summary || after.Title != reread.Title {
		t.Fatalf("aborted update wrote: %+v", after)
	}
	_, err = s.UpdateIncident(ctx, 77, func(*incident.Incident) error { return nil })
	wantCode(t, err, incident.ENOTFOUND)
}

func TestSetSeverity(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	inc := newIncident(t, s)
	e, err := s.SetSeverity(ctx, inc.ID, 1, Origin{At: t0.Add(time.Minute), Author: "ken"})
	if err != nil {
		t.Fatal(err)
	}
	if e.Text != "Severity changed from SEV2 to SEV1" || e.Kind != incident.KindNote {
		t.Fatalf("event = %+v", e)
	}
	got, _ := s.Incident(ctx, inc.ID)
	if got.Severity != 1 {
		t.Fatalf("severity = %v", got.Severity)
	}
	_, err = s.SetSeverity(ctx, inc.ID, 1, Origin{})
	wantCode(t, err, incident.ECONFLICT)
	_, err = s.SetSeverity(ctx, inc.ID, 0, Origin{})
	wantCode(t, err, incident.EINVALID)
}
