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
	e, err := s.SetSeverity(ctx, inc.ID, 1, "  checkout fully down  ", Origin{At: t0.Add(time.Minute), Author: "ken", Source: incident.SourceTUI})
	if err != nil {
		t.Fatal(err)
	}
	if e.Kind != incident.KindSeverity || e.Severity != 1 || e.PreviousSeverity != 2 || e.Text != "checkout fully down" ||
		e.State != "" || e.Author != "ken" || !e.OccurredAt.Equal(t0.Add(time.Minute)) {
		t.Fatalf("event = %+v", e)
	}
	if got, err := s.Event(ctx, e.ID); err != nil || got.Kind != incident.KindSeverity || got.Severity != 1 || got.PreviousSeverity != 2 || got.Text != "checkout fully down" {
		t.Fatalf("read back: %+v, %v", got, err)
	}
	got, _ := s.Incident(ctx, inc.ID)
	if got.Severity != 1 {
		t.Fatalf("severity = %v", got.Severity)
	}
	_, err = s.SetSeverity(ctx, inc.ID, 1, "", Origin{})
	wantCode(t, err, incident.ECONFLICT)
	_, err = s.SetSeverity(ctx, inc.ID, 0, "", Origin{})
	wantCode(t, err, incident.EINVALID)
	_, err = s.SetSeverity(ctx, inc.ID, 3, "bad\x00reason", Origin{})
	wantCode(t, err, incident.EINVALID)
	if got, _ := s.Incident(ctx, inc.ID); got.Severity != 1 {
		t.Fatalf("a refused change wrote severity %v", got.Severity)
	}
	// The reason is the event's text: it can be corrected, the severities
	// cannot, nor can the kind.
	if _, err := s.EditEvent(ctx, e.ID, func(ev *incident.Event) error { ev.Text = "checkout and payments down"; return nil }); err != nil {
		t.Fatalf("edit the reason: %v", err)
	}
	_, err = s.EditEvent(ctx, e.ID, func(ev *incident.Event) error { ev.Severity = 4; return nil })
	wantCode(t, err, incident.EINVALID)
	_, err = s.EditEvent(ctx, e.ID, func(ev *incident.Event) error { ev.Kind = incident.KindNote; return nil })
	wantCode(t, err, incident.EINVALID)
	// Nobody logs one as a line.
	fake := incident.Event{IncidentID: inc.ID, Kind: incident.KindSeverity, Severity: 3, Text: "x"}
	wantCode(t, s.LogEvent(ctx, &fake), incident.EINVALID)

	// After resolution a change is a correction, dated at the declaration.
	if _, err := s.SetStatus(ctx, inc.ID, incident.Resolved, "", Origin{At: t0.Add(time.Hour)}); err != nil {
		t.Fatal(err)
	}
	c, err := s.SetSeverity(ctx, inc.ID, 2, "", Origin{At: t0.Add(30 * 24 * time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	if !c.Corrected() || c.PreviousSeverity != 1 || c.Severity != 2 || !c.OccurredAt.Equal(t0) {
		t.Fatalf("correction = %+v", c)
	}
	snap, _ := s.Snapshot(ctx, inc.ID)
	if got := incident.SeverityText(*findKind(t, snap.Events, c.ID), snap.Incident.Location()); got != "Severity corrected from SEV1 to SEV2 on 21 Nov 2026, after the incident was resolved" {
		t.Fatalf("correction reads %q", got)
	}
}

// findKind finds event id among events.
func findKind(t *testing.T, events []incident.Event, id int64) *incident.Event {
	t.Helper()
	for i := range events {
		if events[i].ID == id {
			return &events[i]
		}
	}
	t.Fatalf("event #%d not among %d events", id, len(events))
	return nil
}

// Undoing a severity change puts back the severity before it: the
// severity follows the latest live change, by when it was made (a
// correction dated at the beginning is still the last word), and with
// none left, what the deleted one replaced. Restoring brings it back.
func TestDeletingASeverityEventRestoresTheSeverityBefore(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	inc := newIncident(t, s) // SEV2
	sev := func() incident.Severity {
		t.Helper()
		got, err := s.Incident(ctx, inc.ID)
		if err != nil {
			t.Fatal(err)
		}
		return got.Severity
	}
	one, err := s.SetSeverity(ctx, inc.ID, 1, "", Origin{At: t0.Add(10 * time.Minute)})
	if err != nil {
		t.Fatal(err)
	}
	three, err := s.SetSeverity(ctx, inc.ID, 3, "", Origin{At: t0.Add(20 * time.Minute)})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteEvent(ctx, three.ID); err != nil {
		t.Fatal(err)
	}
	if got := sev(); got != 1 {
		t.Fatalf("after undoing SEV3: %v, want SEV1", got)
	}
	if err := s.DeleteEvent(ctx, one.ID); err != nil {
		t.Fatal(err)
	}
	if got := sev(); got != 2 {
		t.Fatalf("after undoing both: %v, want SEV2 (what the first replaced)", got)
	}
	if err := s.RestoreEvent(ctx, three.ID); err != nil {
		t.Fatal(err)
	}
	if got := sev(); got != 3 {
		t.Fatalf("after restoring SEV3: %v", got)
	}
	// A correction after resolution is dated at the declaration, before
	// the others, but it is the latest change made.
	if err := s.RestoreEvent(ctx, one.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SetStatus(ctx, inc.ID, incident.Resolved, "", Origin{At: t0.Add(time.Hour)}); err != nil {
		t.Fatal(err)
	}
	four, err := s.SetSeverity(ctx, inc.ID, 4, "", Origin{At: t0.Add(48 * time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteEvent(ctx, one.ID); err != nil {
		t.Fatal(err)
	}
	if got := sev(); got != 4 {
		t.Fatalf("deleting an older change moved the severity to %v; the correction %v is the last word", got, four.Severity)
	}
	if err := s.DeleteEvent(ctx, four.ID); err != nil {
		t.Fatal(err)
	}
	if got := sev(); got != 3 {
		t.Fatalf("after undoing the correction: %v, want SEV3", got)
	}
}
