package store

import (
	"context"
	"encoding/json"
	"path/filepath"
	"testing"
	"time"

	"scribe/incident"
)

// document is the incident as export writes it, without the numbers that
// differ between databases, for comparing two copies.
func document(t *testing.T, s *Store, id int64) string {
	t.Helper()
	snap, err := s.Snapshot(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	d := incident.NewDocument(snap)
	d.Incident.ID = 0
	for i := range d.Events {
		d.Events[i].ID = 0
	}
	for i := range d.ActionItems {
		d.ActionItems[i].ID = 0
	}
	b, err := json.MarshalIndent(d, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// A local incident pushed to the team database arrives whole; a second
// push adds nothing; a later one adds only what is new and fills in what
// the team copy has empty, leaving what the team changed.
func TestPushIsWholeIdempotentAndIncremental(t *testing.T) {
	ctx := context.Background()
	local := openAt(t, filepath.Join(t.TempDir(), "local.db"))
	team := openTest(t)
	// The team database has incidents of its own: numbers differ.
	newIncident(t, team)

	inc := newIncident(t, local)
	at := func(m int) Origin {
		return Origin{At: t0.Add(time.Duration(m) * time.Minute), Author: "ida", Source: incident.SourceTUI}
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	_, err := local.AssignRole(ctx, inc.ID, "ic", "Rosa M.", at(1))
	must(err)
	_, err = local.SetMilestone(ctx, inc.ID, incident.MilestoneDetected, at(-2))
	must(err)
	_, err = local.SetStatus(ctx, inc.ID, incident.Identified, "Bad config in the deploy", at(3))
	must(err)
	pinned := incident.Event{IncidentID: inc.ID, Kind: incident.KindObservation, Text: "Errors only on new pods", Pinned: true, Author: "ken", OccurredAt: t0.Add(4 * time.Minute)}
	must(local.LogEvent(ctx, &pinned))
	gone := incident.Event{IncidentID: inc.ID, Kind: incident.KindNote, Text: "typo line"}
	must(local.LogEvent(ctx, &gone))
	must(local.DeleteEvent(ctx, gone.ID))
	item := incident.ActionItem{IncidentID: inc.ID, Title: "Canary deploys", Owner: "ken", Priority: incident.P1, Due: "2026-12-04"}
	must(local.AddActionItem(ctx, &item, at(5)))
	dropped := incident.ActionItem{IncidentID: inc.ID, Title: "Wrong item"}
	must(local.AddActionItem(ctx, &dropped, at(6)))
	must(local.DeleteActionItem(ctx, dropped.ID))
	note := incident.RetroNote{IncidentID: inc.ID, Section: incident.RetroWentWell, Text: "Rollback took two minutes"}
	must(local.AddRetroNote(ctx, &note))
	_, err = local.UpdateIncident(ctx, inc.ID, func(i *incident.Incident) error {
		i.Summary, i.Services = "4% of checkouts failed", []string{"checkout"}
		return nil
	})
	must(err)

	res, err := Push(ctx, local, inc.ID, team)
	must(err)
	if !res.Created || res.IncidentID == 0 || res.Events != 8 || res.Roles != 1 || res.Items != 2 || res.Notes != 1 {
		t.Fatalf("first push: %+v", res)
	}
	if got, want := document(t, team, res.IncidentID), document(t, local, inc.ID); got != want {
		t.Fatalf("the pushed incident differs:\nteam  %s\nlocal %s", got, want)
	}
	// Deleted rows travel as deleted.
	if c, err := team.Changes(ctx, res.IncidentID, 0); err != nil || len(c.Events) != 8 {
		t.Fatalf("team events, deleted ones included: %d, %v", len(c.Events), err)
	}

	again, err := Push(ctx, local, inc.ID, team)
	must(err)
	if again.Created || again.IncidentID != res.IncidentID || again.Events+again.Roles+again.Items+again.Notes+again.Filled != 0 {
		t.Fatalf("second push added something: %+v", again)
	}

	// The team changes the summary; locally the work goes on.
	_, err = team.UpdateIncident(ctx, res.IncidentID, func(i *incident.Incident) error { i.Summary = "Team's summary"; return nil })
	must(err)
	_, err = local.AssignRole(ctx, inc.ID, "ic", "Ida F.", at(10))
	must(err)
	late := incident.Event{IncidentID: inc.ID, Kind: incident.KindAction, Text: "Rolled back", OccurredAt: t0.Add(11 * time.Minute)}
	must(local.LogEvent(ctx, &late))
	_, err = local.UpdateIncident(ctx, inc.ID, func(i *incident.Incident) error {
		i.Summary, i.Impact = "Local summary", "Checkout for EU users"
		return nil
	})
	must(err)
	third, err := Push(ctx, local, inc.ID, team)
	must(err)
	// A hand-off (role event and assignment), the line; the impact and the
	// end of Rosa's assignment are filled in.
	if third.Events != 2 || third.Roles != 1 || third.Items != 0 || third.Notes != 0 || third.Filled != 2 {
		t.Fatalf("third push: %+v", third)
	}
	snap, err := team.Snapshot(ctx, res.IncidentID)
	must(err)
	if snap.Incident.Summary != "Team's summary" || snap.Incident.Impact != "Checkout for EU users" {
		t.Fatalf("narrative after the third push: %q / %q", snap.Incident.Summary, snap.Incident.Impact)
	}
	active := 0
	for _, r := range snap.Roles {
		if r.Active() {
			active++
			if r.Person != "Ida F." {
				t.Fatalf("active commander is %s", r.Person)
			}
		}
	}
	if active != 1 || len(snap.Roles) != 2 {
		t.Fatalf("roles after the hand-off was pushed: %+v", snap.Roles)
	}
	_, err = Push(ctx, local, 404, team)
	wantCode(t, err, incident.ENOTFOUND)
}

// A later push brings severity and status changes made locally since the
// last one: the team copy's severity and state follow its timeline, as
// they do after an undo, rather than keep values its own latest events
// contradict ("SEV1" in the heading under a "SEV1 → SEV2" line). A change
// the team made after the pushed one stays the last word.
func TestPushedSeverityAndStatusFollowTheTimeline(t *testing.T) {
	ctx := context.Background()
	local := openAt(t, filepath.Join(t.TempDir(), "local.db"))
	team := openTest(t)
	clock := testClock() // one clock: which change came last is compared
	local.Now, team.Now = clock, clock
	inc := newIncident(t, local)
	o := Origin{Author: "ida", Source: incident.SourceCLI}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	_, err := local.SetStatus(ctx, inc.ID, incident.Identified, "Bad config", o)
	must(err)
	res, err := Push(ctx, local, inc.ID, team)
	must(err)

	_, err = local.SetSeverity(ctx, inc.ID, 1, "EU checkout down", o)
	must(err)
	_, err = local.SetStatus(ctx, inc.ID, incident.Resolved, "Rolled back", o)
	must(err)
	_, err = Push(ctx, local, inc.ID, team)
	must(err)
	snap, err := team.Snapshot(ctx, res.IncidentID)
	must(err)
	if snap.Incident.Severity != 1 || snap.Incident.State != incident.Resolved {
		t.Fatalf("after pushing SEV1 and resolved: %s, %s", snap.Incident.Severity, snap.Incident.State)
	}
	if got, want := document(t, team, res.IncidentID), document(t, local, inc.ID); got != want {
		t.Fatalf("the copies differ:\nteam  %s\nlocal %s", got, want)
	}

	// Locally lowered, then the team raises it later: the team's is last.
	_, err = local.SetSeverity(ctx, inc.ID, 3, "Only admin pages", o)
	must(err)
	_, err = team.SetSeverity(ctx, res.IncidentID, 2, "Still spreading", o)
	must(err)
	_, err = Push(ctx, local, inc.ID, team)
	must(err)
	snap, err = team.Snapshot(ctx, res.IncidentID)
	must(err)
	if snap.Incident.Severity != 2 {
		t.Fatalf("the team's later change was overridden by an earlier pushed one: %s", snap.Incident.Severity)
	}
}
