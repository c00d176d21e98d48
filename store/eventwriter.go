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
const eventBatch = 256

// eventInsertColumns are the columns an import writes. A batch is written
// with one of two row shapes. What every row of a batch shares is bound
// once per statement: the first row's id (?1; the others count up from
// it), the incident (?2), the import's time (?3, for created_at and
// updated_at), and, for the plain shapes, the author (?4) and source (?5).
// A full row binds eventRowWidth values of its own, in fullRow's order; a
// plain row (a note or status line of a text import: logged at the
// import's time, by the batch's author, nothing else set) binds only
// plainRowWidth, in plainRow's order, and a note row (a plain row of kind
// note with no state) noteRowWidth. Binding is a cgo call per value, and
// was most of a 100,000-line import's time in the store.
const (
	eventInsertColumns = `id, incident_id, occurred_at, logged_at, kind, text, author, pinned, source,
	role, person, state, milestone, action_item_id, deleted_at, created_at, updated_at`
	eventBatchArgs = 5
	eventRowWidth  = 13
	plainRowWidth  = 4
	noteRowWidth   = 2
)

// eventWriter inserts an import's events in batches through the driver
// connection of the import's transaction, without database/sql in between:
// for 100,000 events its per-call locking and per-argument checks cost
// more than SQLite's own work. It lives inside one (*sql.Conn).Raw call.
type eventWriter struct {
	conn    driver.ConnPrepareContext
	batch   []incident.Event    // the events waiting, at most eventBatch
	args    []driver.NamedValue // a batch's values; ordinals are set once
	stmts   map[stmtShape]driver.StmtExecContext
	done    int // events written so far
	now     time.Time
	nowText driver.Value // the import's time, rendered and boxed once
	toClose []driver.Stmt
}

// rowShape is how a batch's rows are bound: every value (full), or the
// few a text import's events differ in (plain, note).
type rowShape int

const (
	fullRows rowShape = iota
	plainRows
	noteRows
)

// width is how many values a row of the shape binds.
func (r rowShape) width() int {
	switch r {
	case plainRows:
		return plainRowWidth
	case noteRows:
		return noteRowWidth
	}
	return eventRowWidth
}

// stmtShape names a prepared INSERT: its row shape and number of rows.
type stmtShape struct {
	rows  rowShape
	count int
}

// newEventWriter prepares to insert on dc, the driver connection.
func newEventWriter(dc any, now time.Time) (*eventWriter, error) {
	conn, ok := dc.(driver.ConnPrepareContext)
	if !ok {
		return nil, fmt.Errorf("the SQLite driver connection (%T) cannot prepare statements", dc)
	}
	w := &eventWriter{
		conn: conn, now: now, nowText: formatTime(now), stmts: map[stmtShape]driver.StmtExecContext{},
		batch: make([]incident.Event, 0, eventBatch),
		args:  make([]driver.NamedValue, eventBatchArgs+eventBatch*eventRowWidth),
	}
	for i := range w.args {
		w.args[i].Ordinal = i + 1
	}
	return w, nil
}

// statement returns the INSERT of shape, preparing it the first time.
func (w *eventWriter) statement(ctx context.Context, shape stmtShape) (driver.StmtExecContext, error) {
	if st, ok := w.stmts[shape]; ok {
		return st, nil
	}
	var q strings.Builder
	q.WriteString("INSERT INTO events (" + eventInsertColumns + ") VALUES ")
	width := shape.rows.width()
	for k := 0; k < shape.count; k++ {
		if k > 0 {
			q.WriteString(", ")
		}
		p := eventBatchArgs + k*width // the row's first value is ?p+1
		// After id and incident_id: occurred_at, logged_at, kind, text,
		// author, pinned, source, role, person, state, milestone,
		// action_item_id, deleted_at.
		switch shape.rows {
		case plainRows:
			fmt.Fprintf(&q, "(?1 + %d, ?2, ?%d, ?3, ?%d, ?%d, ?4, 0, ?5, '', '', ?%d, '', NULL, NULL", k, p+1, p+2, p+3, p+4)
		case noteRows:
			fmt.Fprintf(&q, "(?1 + %d, ?2, ?%d, ?3, '%s', ?%d, ?4, 0, ?5, '', '', '', '', NULL, NULL", k, p+1, incident.KindNote, p+2)
		default:
			fmt.Fprintf(&q, "(?1 + %d, ?2", k)
			for j := 0; j < width; j++ {
				fmt.Fprintf(&q, ", ?%d", p+j+1)
			}
		}
		q.WriteString(", ?3, ?3)")
	}
	st, err := w.conn.PrepareContext(ctx, q.String())
	if err != nil {
		return nil, fmt.Errorf("prepare the insert of %d events: %w", shape.count, err)
	}
	w.toClose = append(w.toClose, st)
	exec, ok := st.(driver.StmtExecContext)
	if !ok {
		return nil, fmt.Errorf("the SQLite driver statement (%T) cannot run with a context", st)
	}
	w.stmts[shape] = exec
	return exec, nil
}

// add queues e, whose ID and IncidentID are set and which is valid, and
// writes the batch once it is full. The events of a batch have consecutive
// IDs and one IncidentID.
func (w *eventWriter) add(ctx context.Context, e *incident.Event) error {
	w.batch = append(w.batch, *e)
	if len(w.batch) < eventBatch {
		return nil
	}
	return w.flush(ctx)
}

// plain reports whether e can be written as a plain row of a batch whose
// first event is first.
func (w *eventWriter) plain(e, first *incident.Event) bool {
	return e.Author == first.Author && e.Source == first.Source && !e.Pinned && e.Role == "" && e.Person == "" &&
		e.Milestone == "" && e.ActionItemID == 0 && e.DeletedAt.IsZero() && e.LoggedAt.Equal(w.now)
}

// flush writes the queued events. Cancellation is checked here, once a
// batch: a context that can be cancelled makes the driver watch it from a
// new goroutine on every statement run, so the statements get one that
// cannot.
func (w *eventWriter) flush(ctx context.Context) error {
	if len(w.batch) == 0 {
		return nil
	}
	first, last := w.done+1, w.done+len(w.batch)
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("insert events %d-%d: %w", first, last, err)
	}
	head := &w.batch[0]
	shape := stmtShape{rows: noteRows, count: len(w.batch)}
	for i := range w.batch {
		e := &w.batch[i]
		if !w.plain(e, head) {
			shape.rows = fullRows
			break
		}
		if e.Kind != incident.KindNote || e.State != "" {
			shape.rows = plainRows
		}
	}
	w.args[0].Value, w.args[1].Value, w.args[2].Value = head.ID, head.IncidentID, w.nowText
	w.args[3].Value, w.args[4].Value = head.Author, string(head.Source)
	width := shape.rows.width()
	for k := range w.batch {
		v, e := w.args[eventBatchArgs+k*width:eventBatchArgs+(k+1)*width], &w.batch[k]
		switch shape.rows {
		case noteRows:
			v[0].Value, v[1].Value = formatTime(e.OccurredAt), e.Text
		case plainRows:
			v[0].Value, v[1].Value, v[2].Value, v[3].Value = formatTime(e.OccurredAt), string(e.Kind), e.Text, string(e.State)
		default:
			w.fullRow(v, e)
		}
	}
	st, err := w.statement(ctx, shape)
	if err != nil {
		return err
	}
	if _, err := st.ExecContext(context.WithoutCancel(ctx), w.args[:eventBatchArgs+len(w.batch)*width]); err != nil {
		return fmt.Errorf("insert events %d-%d: %w", first, last, err)
	}
	w.done, w.batch = last, w.batch[:0]
	return nil
}

func (w *eventWriter) fullRow(v []driver.NamedValue, e *incident.Event) {
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
}

// close releases the prepared statements.
func (w *eventWriter) close() {
	for _, st := range w.toClose {
		st.Close()
	}
}
