package cli

import (
	"context"
	"fmt"

	"scribe/incident"
	"scribe/outbox"
	"scribe/store"
)

// writer is what the write commands that change one incident need of its
// database: *store.Store, or in team mode *outbox.Team, which keeps in the
// local outbox what cannot reach the team database and sends it later,
// exactly once and in order. Each method is one operation the outbox can
// carry: it names the incident by its number and nothing by a number the
// database has not given yet.
type writer interface {
	Apply(ctx context.Context, op incident.Operation) (incident.Outcome, error)
	SetStatus(ctx context.Context, id int64, st incident.State, message string, o incident.Origin) (incident.Event, error)
	AssignRole(ctx context.Context, id int64, role, person string, o incident.Origin) (incident.Event, error)
	SetMilestone(ctx context.Context, id int64, m incident.Milestone, o incident.Origin) (incident.Event, error)
	ClearMilestone(ctx context.Context, id int64, m incident.Milestone, o incident.Origin) (incident.Event, error)
	SetSeverity(ctx context.Context, id int64, sev incident.Severity, reason string, o incident.Origin) (incident.Event, error)
	Escalate(ctx context.Context, id int64, sev incident.Severity, reason string, checklist []string, o incident.Origin) (incident.Event, error)
	AddActionItem(ctx context.Context, item *incident.ActionItem, o incident.Origin) error
	AddRetroNote(ctx context.Context, n *incident.RetroNote) error
	AddReminder(ctx context.Context, r *incident.Reminder, o incident.Origin) error
}

var (
	_ writer = (*store.Store)(nil)
	_ writer = (*outbox.Team)(nil)
)

// withWriter runs fn with the writer of the database and incident id as
// read (for its zone, which reads --at and --due; 0: not read, the write
// checks that it exists).
//
// With a team database, the writes go through the outbox. While the
// database cannot be reached, the incident is not read: times are read in
// this machine's zone (stderr says so when zoneMatters), and a write that
// could only be queued ends the command with its one-line message on
// stderr, nothing on stdout and exit status 75 (EX_TEMPFAIL), as `scribe
// log` does.
func (a *App) withWriter(ctx context.Context, id int64, zoneMatters bool, fn func(w writer, inc incident.Incident) error) error {
	dsn, err := a.DBPath()
	if err != nil || !store.IsPostgres(dsn) {
		return a.withStore(ctx, func(st *store.Store) error {
			inc := incident.Incident{ID: id}
			if id != 0 {
				if inc, err = st.Incident(ctx, id); err != nil {
					return err
				}
			}
			return fn(st, inc)
		})
	}
	team, err := a.openTeam(ctx, dsn)
	if err != nil {
		return err
	}
	defer team.Close()
	inc := incident.Incident{ID: id, Timezone: a.Now().Location().String()}
	if id != 0 {
		st, err := team.Store(ctx)
		switch {
		case err == nil:
			if inc, err = st.Incident(ctx, id); err != nil {
				return err
			}
		case store.Unreachable(err) && zoneMatters:
			fmt.Fprintf(a.Stderr, "scribe: the team database is out of reach: times are read in this machine's zone (%s)\n", a.Now().Location())
		case !store.Unreachable(err):
			return err
		}
	}
	return queuedExit(fn(team, inc))
}
