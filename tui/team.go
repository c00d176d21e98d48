package tui

// Team mode: the incident screen on a team database.

import (
	"context"
	"fmt"

	"scribe/incident"
)

// teamStore is what a team database's store adds to Store (the outbox's
// Team has it): where the incidents live, whether that database can be
// reached, and how many writes wait for it. With it the header names the
// database and says "offline · N pending"; a write the store could only
// queue fails with incident.ErrQueued and shows as pending, not failed.
type teamStore interface {
	Location() string
	// TeamState sends what waits when it can, and says how it went.
	TeamState(ctx context.Context) (online bool, pending int)
}

// refusalStore is a team store that tells which writes kept while offline
// the database refused when they were sent (the outbox's Team has it):
// their pending lines vanish then, and the screen says why.
type refusalStore interface {
	TakeRefusals() []string
}

// teamState is what the header shows of the team database.
type teamState struct {
	location string
	online   bool
	pending  int
	refused  []string // refused on delivery since the last look, said once
}

// readTeam asks st for its team state; ok is false for a local file.
func readTeam(ctx context.Context, st Store) (teamState, bool) {
	t, ok := st.(teamStore)
	if !ok {
		return teamState{}, false
	}
	online, pending := t.TeamState(ctx)
	ts := teamState{location: t.Location(), online: online, pending: pending}
	if r, ok := st.(refusalStore); ok {
		ts.refused = r.TakeRefusals()
	}
	return ts, true
}

// refusal is what the status line says of writes refused on delivery.
func (t teamState) refusal() error {
	switch len(t.refused) {
	case 0:
		return nil
	case 1:
		return incident.Errorf(incident.ECONFLICT, "the team database refused a write kept while offline: %s", t.refused[0])
	}
	return incident.Errorf(incident.ECONFLICT, "the team database refused %d writes kept while offline; the first: %s", len(t.refused), t.refused[0])
}

// offline is the header's warning, "" while the database is reached and
// nothing waits.
func (t teamState) offline() string {
	switch {
	case t.location == "":
		return "" // a local file: there is no team database to be off

	case !t.online && t.pending > 0:
		return fmt.Sprintf("offline · %d pending", t.pending)
	case !t.online:
		return "offline"
	case t.pending > 0:
		return fmt.Sprintf("%d pending", t.pending)
	}
	return ""
}

// pendingLine reports a line the team database does not have yet: the
// store shows the writes that wait with negative ids.
func pendingLine(ev incident.Event) bool { return ev.ID < 0 }

// notYet is what a correction of a pending line says.
const notYet = "this line is not in the team database yet: it can be corrected once it is"
