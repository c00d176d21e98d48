package store

import (
	"context"
	"database/sql/driver"
	"fmt"
	"strings"

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
	conn  *pgConn
	query string
	rows  [][]driver.Value
	seq   int64
	done  int
}

func newCopyWriter(dc any, seq int64) (*copyWriter, error) {
	conn, ok := dc.(*pgConn)
	if !ok {
		return nil, fmt.Errorf("the PostgreSQL driver connection (%T) is not scribe's", dc)
	}
	cols := make([]string, 0, len(eventTable))
	for _, c := range eventTable {
		cols = append(cols, c.name)
	}
	query := "COPY " + pgSchema + ".events (" + strings.Join(cols, ", ") + ") FROM STDIN"
	return &copyWriter{conn: conn, query: query, seq: seq, rows: make([][]driver.Value, 0, copyBatch)}, nil
}

func (w *copyWriter) add(ctx context.Context, e *incident.Event) error {
	row := make([]driver.Value, len(eventTable))
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
	if err := w.conn.copyIn(ctx, w.query, w.rows); err != nil {
		return fmt.Errorf("insert events %d-%d: %w", first, last, err)
	}
	w.done, w.rows = last, w.rows[:0]
	return nil
}

func (w *copyWriter) close() {}
