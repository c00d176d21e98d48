package outbox

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"scribe/incident"
)

// TestTeamRunbook: declared and escalated through the team store, an
// incident gets its checklists; a reminder set while the team database is
// cut off is queued, shown as pending, and delivered once; ticking a step
// needs the database and says so.
func TestTeamRunbook(t *testing.T) {
	ctx := context.Background()
	dsn, k := teamDB(t)
	team := openTeam(t, dsn, filepath.Join(t.TempDir(), "outbox.db"))
	inc := incident.Incident{Title: "Replica lag", Severity: 3, Timezone: "UTC"}
	o := incident.Origin{Author: "ida", Source: incident.SourceTUI}
	if err := team.DeclareIncident(ctx, &inc, []string{"Name an incident commander"}, o); err != nil {
		t.Fatal(err)
	}
	if _, err := team.Escalate(ctx, inc.ID, 1, "", []string{"Page the DBA on-call", "Tell the CEO"}, o); err != nil {
		t.Fatal(err)
	}
	db, err := team.Store(ctx)
	if err != nil {
		t.Fatal(err)
	}
	items, err := db.Checklist(ctx, inc.ID)
	if err != nil || len(items) != 3 || items[0].Severity != 3 || items[2].Text != "Tell the CEO" {
		t.Fatalf("checklist through the team store: %+v, %v", items, err)
	}

	k.Cut()
	r, err := incident.ParseReminder("15m check replica lag @ana", time.Now())
	if err != nil {
		t.Fatal(err)
	}
	r.IncidentID = inc.ID
	err = team.AddReminder(ctx, &r, o)
	if !errors.Is(err, ErrQueued) || r.UUID == "" || r.Text != "check replica lag @ana" {
		t.Fatalf("offline reminder: %+v, %v", r, err)
	}
	snap, err := team.Snapshot(ctx, inc.ID)
	pending := false
	for _, e := range snap.Events {
		pending = pending || (e.ID < 0 && e.Kind == incident.KindReminder && strings.Contains(e.Text, "check replica lag"))
	}
	if err != nil || !pending {
		t.Errorf("the queued reminder is not shown pending: %v\n%+v", err, snap.Events)
	}
	if _, _, err := team.SetChecklistItem(ctx, items[0].ID, incident.ChecklistDone, o); err == nil || !strings.Contains(err.Error(), "corrections wait for it") {
		t.Errorf("a tick while cut off: %v", err)
	}

	k.Restore()
	if d, err := team.Deliver(ctx); err != nil || d.Delivered != 1 {
		t.Fatalf("Deliver: %+v, %v", d, err)
	}
	rs, err := db.Reminders(ctx, inc.ID)
	if err != nil || len(rs) != 1 || rs[0].UUID != r.UUID || rs[0].By != "ida" {
		t.Fatalf("reminders after delivery: %+v, %v", rs, err)
	}
	if _, _, err := team.SetChecklistItem(ctx, items[0].ID, incident.ChecklistDone, o); err != nil {
		t.Fatal(err)
	}
	if _, err := team.CloseReminder(ctx, rs[0].ID, incident.ReminderDone, o); err != nil {
		t.Fatal(err)
	}
}
