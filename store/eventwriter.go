package store

import (
	"context"
	"database/sql/driver"
	"fmt"
	"strconv"
	"strings"
	"time"

	"scribe/incident"
)

// eventBatch is how many events one INSERT of an import writes. Each
// statement run costs a trip through the driver and cgo whatever its size;
// the saving levels off past a few hundred rows. 256 full rows bind 256
// times fullRows.width() values (13 today), far below SQLite's limit of
// 32,766 parameters (TestEventBatchFitsParameterLimit).
const eventBatch = 256

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
	seq     int64        // the import transaction's sequence number
	toClose []driver.Stmt
	// perRow lists, for each row shape, the columns its rows bind, and
	// checks the columns that say whether an event fits a lean or note row:
	// worked out once, not per event.
	perRow [noteRows + 1][]*eventColumn
	checks []*batchColumn
}

// rowShape is how a batch's rows are bound (see batchColumn): every
// value (full), or the few a text import's events differ in (lean, note).
type rowShape int

const (
	fullRows rowShape = iota
	leanRows
	noteRows
)

// bound reports whether rows of shape r bind column c per row.
func (r rowShape) bound(c *eventColumn) bool {
	b := c.batch
	switch {
	case b.every != "":
		return false
	case r == fullRows:
		return true
	case b.lean != "":
		return false
	case r == noteRows:
		return b.note == ""
	}
	return true
}

// expr is column c's SQL in row k of a batch of shape r, when not bound.
func (r rowShape) expr(c *eventColumn, k int) string {
	b := c.batch
	switch {
	case b.every != "":
		return strings.ReplaceAll(b.every, "{row}", strconv.Itoa(k))
	case b.lean != "":
		return b.lean
	}
	return b.note
}

// width is how many values a row of shape r binds.
func (r rowShape) width() int {
	n := 0
	for i := range eventTable {
		if r.bound(&eventTable[i]) {
			n++
		}
	}
	return n
}

// stmtShape names a prepared INSERT: its row shape and number of rows.
type stmtShape struct {
	rows  rowShape
	count int
}

// newEventWriter prepares to insert on dc, the driver connection.
func newEventWriter(dc any, now time.Time, seq int64) (*eventWriter, error) {
	conn, ok := dc.(driver.ConnPrepareContext)
	if !ok {
		return nil, fmt.Errorf("the SQLite driver connection (%T) cannot prepare statements", dc)
	}
	w := &eventWriter{
		conn: conn, now: now, nowText: formatTime(now), seq: seq, stmts: map[stmtShape]driver.StmtExecContext{},
		batch: make([]incident.Event, 0, eventBatch),
		args:  make([]driver.NamedValue, len(batchParams)+eventBatch*fullRows.width()),
	}
	for i := range w.args {
		w.args[i].Ordinal = i + 1
	}
	for r := range w.perRow {
		for i := range eventTable {
			if c := &eventTable[i]; rowShape(r).bound(c) {
				w.perRow[r] = append(w.perRow[r], c)
			}
		}
	}
	for i := range eventTable {
		if b := &eventTable[i].batch; b.fits != nil || b.noteFits != nil {
			w.checks = append(w.checks, b)
		}
	}
	return w, nil
}

// statement returns the INSERT of shape, preparing it the first time.
func (w *eventWriter) statement(ctx context.Context, shape stmtShape) (driver.StmtExecContext, error) {
	if st, ok := w.stmts[shape]; ok {
		return st, nil
	}
	var q strings.Builder
	q.WriteString("INSERT INTO events (" + eventColumnNames() + ") VALUES ")
	p := len(batchParams) // the values bound so far
	for k := 0; k < shape.count; k++ {
		if k > 0 {
			q.WriteString(", ")
		}
		q.WriteString("(")
		for i := range eventTable {
			if i > 0 {
				q.WriteString(", ")
			}
			if c := &eventTable[i]; shape.rows.bound(c) {
				p++
				fmt.Fprintf(&q, "?%d", p)
			} else {
				q.WriteString(shape.rows.expr(c, k))
			}
		}
		q.WriteString(")")
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

// fits reports whether e can be a row of shape r in a batch whose first
// event is head.
func (w *eventWriter) fits(r rowShape, e, head *incident.Event) bool {
	for _, b := range w.checks {
		if b.fits != nil && !b.fits(e, head, w.now) {
			return false
		}
		if r == noteRows && b.noteFits != nil && !b.noteFits(e) {
			return false
		}
	}
	return true
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
		for shape.rows != fullRows && !w.fits(shape.rows, &w.batch[i], head) {
			shape.rows--
		}
	}
	for i, param := range batchParams {
		w.args[i].Value = param(head, w.nowText, w.seq)
	}
	n := len(batchParams)
	for k := range w.batch {
		e := &w.batch[k]
		for _, c := range w.perRow[shape.rows] {
			w.args[n].Value = c.value(e, w.seq)
			n++
		}
	}
	st, err := w.statement(ctx, shape)
	if err != nil {
		return err
	}
	if _, err := st.ExecContext(context.WithoutCancel(ctx), w.args[:n]); err != nil {
		return fmt.Errorf("insert events %d-%d: %w", first, last, err)
	}
	w.done, w.batch = last, w.batch[:0]
	return nil
}

// close releases the prepared statements.
func (w *eventWriter) close() {
	for _, st := range w.toClose {
		st.Close()
	}
}
