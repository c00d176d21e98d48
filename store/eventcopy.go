package store

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"

	"scribe/incident"
)

// copyBatch is how many events one COPY of an import sends: enough that
// the round trips do not matter, few enough that the rows waiting stay
// small.
const copyBatch = 10000

// copyWriter inserts an import's events into PostgreSQL with COPY, on the
// connection (and inside the transaction) of the import, with every column
// of eventTable. It lives inside one (*sql.Conn).Raw call.
type copyWriter struct {
	conn *pgx.Conn
	cols []string
	rows [][]any
	seq  int64
	done int
}

func newCopyWriter(dc any, seq int64) (*copyWriter, error) {
	sc, ok := dc.(*stdlib.Conn)
	if !ok {
		return nil, fmt.Errorf("the PostgreSQL driver connection (%T) is not pgx's", dc)
	}
	w := &copyWriter{conn: sc.Conn(), seq: seq, rows: make([][]any, 0, copyBatch)}
	for _, c := range eventTable {
		w.cols = append(w.cols, c.name)
	}
	return w, nil
}

func (w *copyWriter) add(ctx context.Context, e *incident.Event) error {
	row := make([]any, len(eventTable))
	for i, c := range eventTable {
		row[i] = c.value(e, w.seq)
	}
	w.rows = append(w.rows, row)
	if len(w.rows) < copyBatch {
		return nil
	}
	return w.flush(ctx)
}

func (w *copyWriter) flush(ctx context.Context) error {
	if len(w.rows) == 0 {
		return nil
	}
	first, last := w.done+1, w.done+len(w.rows)
	if _, err := w.conn.CopyFrom(ctx, pgx.Identifier{pgSchema, "events"}, w.cols, pgx.CopyFromRows(w.rows)); err != nil {
		return fmt.Errorf("insert events %d-%d: %w", first, last, err)
	}
	w.done, w.rows = last, w.rows[:0]
	return nil
}

func (w *copyWriter) close() {}
