package store

import (
	"context"
	"database/sql/driver"
	"fmt"
	"strings"
	"time"

	"scribe/incident"
)

// eventBatch is how many events one INSERT of an import writes. Each
// statement run costs a trip through the driver and cgo whatever its size;
// past a few dozen rows the saving levels off, and 64 rows stay far below
// SQLite's limit on parameters.
const eventBatch = 64

// eventInsertColumns are the columns an import writes. What every row of
// a batch shares is bound once per statement: the first row's id (?1; the
// others count up from it), the incident (?2) and the import's time (?3,
// for created_at and updated_at). eventRowWidth values are bound per row,
// in eventWriter.add's order, from ?4 on.
const (
	eventInsertColumns = `id, incident_id, occurred_at, logged_at, kind, text, author, pinned, source,
	role, person, state, milestone, action_item_id, deleted_at, created_at, updated_at`
	eventBatchArgs = 3
	eventRowWidth  = 13
)

// eventWriter inserts an import's events in batches through the driver
// connection of the import's transaction, without database/sql in between:
// for 100,000 events its per-call locking and per-argument checks cost
// more than SQLite's own work. It lives inside one (*sql.Conn).Raw call.
type eventWriter struct {
	conn driver.ConnPrepareContext
	full driver.StmtExecContext // the eventBatch-row INSERT, prepared once
	args []driver.NamedValue    // a batch's values; ordinals are set once
	rows int                    // events waiting in args
	done int                    // events written so far

	// now is the import's time, rendered and boxed once: created_at and
	// updated_at of every row, and logged_at of most.
	now     time.Time
	nowText driver.Value
	stmts   []driver.Stmt // to close
}

// newEventWriter prepares the batch INSERT on dc, the driver connection.
func newEventWriter(ctx context.Context, dc any, now time.Time) (*eventWriter, error) {
	conn, ok := dc.(driver.ConnPrepareContext)
	if !ok {
		return nil, fmt.Errorf("the SQLite driver connection (%T) cannot prepare statements", dc)
	}
	w := &eventWriter{conn: conn, now: now, nowText: formatTime(now)}
	full, err := w.prepare(ctx, eventBatch)
	if err != nil {
		return nil, err
	}
	w.full = full
	w.args = make([]driver.NamedValue, eventBatchArgs+eventBatch*eventRowWidth)
	for i := range w.args {
		w.args[i].Ordinal = i + 1
	}
	return w, nil
}

// prepare compiles an INSERT of n rows.
func (w *eventWriter) prepare(ctx context.Context, n int) (driver.StmtExecContext, error) {
	var q strings.Builder
	q.WriteString("INSERT INTO events (" + eventInsertColumns + ") VALUES ")
	for k := 0; k < n; k++ {
		if k > 0 {
			q.WriteString(", ")
		}
		fmt.Fprintf(&q, "(?1 + %d, ?2", k)
		for j := 0; j < eventRowWidth; j++ {
			fmt.Fprintf(&q, ", ?%d", eventBatchArgs+k*eventRowWidth+j+1)
		}
		q.WriteString(", ?3, ?3)")
	}
	query := q.String()
	st, err := w.conn.PrepareContext(ctx, query)
	if err != nil {
		return nil, fmt.Errorf("prepare the insert of %d events: %w", n, err)
	}
	w.stmts = append(w.stmts, st)
	exec, ok := st.(driver.StmtExecContext)
	if !ok {
		return nil, fmt.Errorf("the SQLite driver statement (%T) cannot run with a context", st)
	}
	return exec, nil
}

// add queues e, whose ID and IncidentID are set and which is valid, and
// writes the batch once it is full. The events of a batch have consecutive
// IDs and one IncidentID.
func (w *eventWriter) add(ctx context.Context, e *incident.Event) error {
	if w.rows == 0 {
		w.args[0].Value, w.args[1].Value, w.args[2].Value = e.ID, e.IncidentID, w.nowText
	}
	at := eventBatchArgs + w.rows*eventRowWidth
	v := w.args[at : at+eventRowWidth]
	logged := w.nowText
	if !e.LoggedAt.Equal(w.now) {
		logged = formatTime(e.LoggedAt)
	}
	var item, deleted driver.Value
	if e.ActionItemID != 0 {
		item = e.ActionItemID
	}
	if !e.DeletedAt.IsZero() {
		deleted = formatTime(e.DeletedAt)
	}
	v[0].Value, v[1].Value, v[2].Value, v[3].Value = formatTime(e.OccurredAt), logged, string(e.Kind), e.Text
	v[4].Value, v[5].Value, v[6].Value, v[7].Value = e.Author, e.Pinned, string(e.Source), e.Role
	v[8].Value, v[9].Value, v[10].Value = e.Person, string(e.State), string(e.Milestone)
	v[11].Value, v[12].Value = item, deleted
	w.rows++
	if w.rows < eventBatch {
		return nil
	}
	return w.flush(ctx)
}

// flush writes the queued events. Cancellation is checked here, once a
// batch: a context that can be cancelled makes the driver watch it from a
// new goroutine on every statement run, so the statements get one that
// cannot.
func (w *eventWriter) flush(ctx context.Context) error {
	if w.rows == 0 {
		return nil
	}
	first, last := w.done+1, w.done+w.rows
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("insert events %d-%d: %w", first, last, err)
	}
	st := w.full
	if w.rows < eventBatch {
		var err error
		if st, err = w.prepare(ctx, w.rows); err != nil {
			return err
		}
	}
	if _, err := st.ExecContext(context.WithoutCancel(ctx), w.args[:eventBatchArgs+w.rows*eventRowWidth]); err != nil {
		return fmt.Errorf("insert events %d-%d: %w", first, last, err)
	}
	w.done, w.rows = last, 0
	return nil
}

// close releases the prepared statements.
func (w *eventWriter) close() {
	for _, st := range w.stmts {
		st.Close()
	}
}
