package cli

// Team mode: a --db/SCRIBE_DB that is
// a postgres:// URL names the team database. Commands open it as any store
// (its errors are one line without the password), and deliver first what an
// earlier run left in the outbox; `scribe log` writes through the outbox, so
// that a line typed while the database is out of reach is kept and sent
// later, and says so with exit status 75.

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"scribe/incident"
	"scribe/outbox"
	"scribe/store"
)

// exitQueued is the status of a write that was only queued (EX_TEMPFAIL):
// kept locally, sent when the team database can be reached.
const exitQueued = 75

// outboxPath is where team mode keeps writes the team database has not
// had yet: $XDG_STATE_HOME/scribe/outbox.db (~/.local/state/scribe/).
func (a *App) outboxPath() (string, error) {
	dir := a.Getenv("XDG_STATE_HOME")
	if dir == "" {
		home := a.Getenv("HOME")
		if home == "" {
			h, err := os.UserHomeDir()
			if err != nil {
				return "", fmt.Errorf("cannot find the outbox: neither XDG_STATE_HOME nor HOME is set")
			}
			home = h
		}
		dir = filepath.Join(home, ".local", "state")
	}
	return filepath.Join(dir, "scribe", "outbox.db"), nil
}

// openTeamStore opens the team database dsn and delivers what the outbox
// holds for it; a delivery cut short is left for the next run.
func (a *App) openTeamStore(ctx context.Context, dsn string) (*store.Store, error) {
	st, err := store.Open(ctx, dsn)
	if err != nil {
		return nil, err
	}
	st.Now = a.Now
	box, err := a.outboxPath()
	if err != nil {
		return st, nil
	}
	d, err := outbox.Flush(ctx, st, dsn, box)
	if err != nil && !store.Unreachable(err) {
		fmt.Fprintf(a.Stderr, "scribe: the outbox %s: %s\n", box, incident.PlainText(err.Error()))
	}
	a.deliveryNote(d)
	return st, nil
}

// openTeam opens the team database dsn through this machine's outbox,
// saying on stderr what the outbox delivered on the way in.
func (a *App) openTeam(ctx context.Context, dsn string) (*outbox.Team, error) {
	box, err := a.outboxPath()
	if err != nil {
		return nil, err
	}
	team, err := outbox.Open(ctx, dsn, box)
	if err != nil {
		return nil, err
	}
	a.deliveryNote(team.Opened())
	return team, nil
}

// queuedExit gives a write that the outbox only queued its exit status,
// exitQueued; any other error is returned as it is.
func queuedExit(err error) error {
	var queued *outbox.QueuedError
	if errors.As(err, &queued) {
		return exitError{err, exitQueued}
	}
	return err
}

// deliveryNote says on stderr what a delivery of the outbox did.
func (a *App) deliveryNote(d outbox.Delivery) {
	if d.Delivered > 0 {
		fmt.Fprintf(a.Stderr, "scribe: sent %s queued earlier to the team database\n", incident.Count(d.Delivered, "write"))
	}
	if d.Refused > 0 {
		fmt.Fprintf(a.Stderr, "scribe: the team database refused %s queued earlier; kept in the outbox's refused list\n", incident.Count(d.Refused, "write"))
	}
	for _, r := range d.Refusals {
		fmt.Fprintf(a.Stderr, "scribe:   refused: %s\n", incident.PlainText(r))
	}
}

// runLogTeam is `scribe log` against a team database: through the outbox.
func (a *App) runLogTeam(ctx context.Context, o *logOptions, origin incident.Origin, dsn string) error {
	team, err := a.openTeam(ctx, dsn)
	if err != nil {
		return err
	}
	defer team.Close()
	// The incident's zone reads --at; out of reach, the machine's zone
	// does, and stderr says so.
	inc := incident.Incident{ID: o.IncidentID, Timezone: "Local"}
	if o.At.set {
		if st, err := team.Store(ctx); err == nil {
			if inc, err = st.Incident(ctx, o.IncidentID); err != nil {
				return err
			}
		} else if store.Unreachable(err) {
			fmt.Fprintf(a.Stderr, "scribe: the team database is out of reach: --at is read in this machine's zone (%s)\n", a.Now().Location())
			inc.Timezone = a.Now().Location().String()
		} else {
			return err
		}
		if origin.At, err = a.when(o.At, inc); err != nil {
			return err
		}
	}
	op := outbox.NewOperation(incident.OpLogEvent, incident.Ref{ID: o.IncidentID}, origin, a.Now())
	if !o.At.set {
		op.At = op.Logged
	}
	op.Event = &incident.Event{Kind: o.Kind, Text: o.Text, Pinned: o.Pin}
	out, err := team.Apply(ctx, op)
	if err != nil {
		return queuedExit(err)
	}
	if err := a.printSavedID("event", out.Event.ID); err != nil {
		return err
	}
	if o.At.set {
		a.dayNote(fmt.Sprintf("event %d filed", out.Event.ID), out.Event.OccurredAt, inc)
	}
	return nil
}

// runTeamTUI runs the TUI on the team database through the outbox: lines
// typed while it is out of reach are kept and sent later, and the header
// says which database, and "offline · N pending" when it cannot be reached.
func (a *App) runTeamTUI(ctx context.Context, dsn string, incidentID int64) error {
	team, err := a.openTeam(ctx, dsn)
	if err != nil {
		return err
	}
	defer team.Close()
	// A line shown as taken is in the outbox until the database has it: a
	// TUI killed while the database is slow or gone loses nothing.
	team.KeepInFlight = true
	if incidentID != 0 && team.Online() {
		// Fail before taking over the terminal when the number is wrong.
		st, err := team.Store(ctx)
		if err != nil {
			return err
		}
		if _, err := st.Incident(ctx, incidentID); err != nil {
			return err
		}
	}
	if !team.Online() && incidentID == 0 {
		return fmt.Errorf("%w: the incident list needs it; scribe open N logs lines offline (they are sent when it can be reached)", team.LastError())
	}
	return a.runProgram(ctx, team, incidentID, a.tuiDrafts(dsn), a.fileFromTUI(team.Store))
}
