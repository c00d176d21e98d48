package store

import (
	"context"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"net"
	"sync/atomic"
	"time"

	"github.com/lib/pq"
)

// pgConnector opens the team database's connections for database/sql:
// lib/pq's, each dialed by its own pgDialer and wrapped in a pgConn.
type pgConnector struct {
	cfg pq.Config
}

func (c *pgConnector) Driver() driver.Driver { return pq.Driver{} }

// Connect opens one connection; ctx ending interrupts it at once, as
// lib/pq itself only stops dialing then.
func (c *pgConnector) Connect(ctx context.Context) (driver.Conn, error) {
	d := &pgDialer{}
	pc, err := pq.NewConnectorConfig(c.cfg)
	if err != nil {
		return nil, err
	}
	pc.Dialer(d)
	stop := context.AfterFunc(ctx, d.interrupt)
	dc, err := pc.Connect(ctx)
	if !stop() {
		if err == nil {
			dc.Close()
		}
		return nil, interrupted(ctx, err)
	}
	if err != nil {
		return nil, err
	}
	return &pgConn{dc: dc, socket: d.socket()}, nil
}

// interrupted is err, from a call its context ended, said as the
// context's end (which pgReason and Unreachable tell) with err's text.
func interrupted(ctx context.Context, err error) error {
	if err == nil {
		return ctx.Err()
	}
	return fmt.Errorf("%w: %w", ctx.Err(), err)
}

// pgConn is a lib/pq connection whose calls end when their context does.
// lib/pq answers a context's end by asking the server, over a second
// connection, to cancel the query, and waits for the server's answer: a
// database behind a VPN gone without a reset never gives one, and the
// call would wait until TCP gives up, a quarter of an hour later. pgConn
// instead sets the socket's deadline to the past (as pgx did), which ends
// the call with a timeout, and leaves the connection for database/sql to
// discard. It passes lib/pq a context that never ends.
type pgConn struct {
	dc     driver.Conn
	socket net.Conn
	broken atomic.Bool // a call was interrupted: the socket is done
}

// call is one call's watch over its context.
type call struct {
	ctx  context.Context
	stop func() bool
	done chan struct{} // closed once the interruption is complete
	hit  atomic.Bool
}

// watch starts watching ctx for a call on c; end the call with end.
func (c *pgConn) watch(ctx context.Context) *call {
	w := &call{ctx: ctx}
	if ctx.Done() == nil {
		return w
	}
	w.done = make(chan struct{})
	w.stop = context.AfterFunc(ctx, func() {
		defer close(w.done)
		c.broken.Store(true)
		w.hit.Store(true)
		if c.socket != nil {
			c.socket.SetDeadline(time.Unix(1, 0))
		}
	})
	return w
}

// end stops watching, and says err as the context's end when that
// interrupted the call.
func (w *call) end(err error) error {
	if w.stop != nil {
		if !w.stop() {
			<-w.done
		}
		w.stop = nil
	}
	return w.explain(err)
}

// explain says err as the context's end when that interrupted the call.
func (w *call) explain(err error) error {
	if err == nil || !w.hit.Load() || errors.Is(err, io.EOF) {
		return err
	}
	return interrupted(w.ctx, err)
}

func (c *pgConn) Prepare(query string) (driver.Stmt, error) {
	return c.PrepareContext(context.Background(), query)
}

func (c *pgConn) PrepareContext(ctx context.Context, query string) (driver.Stmt, error) {
	w := c.watch(ctx)
	st, err := c.dc.(driver.ConnPrepareContext).PrepareContext(context.Background(), query)
	if err = w.end(err); err != nil {
		return nil, err
	}
	return &pgStmt{st: st, c: c}, nil
}

func (c *pgConn) Close() error { return c.dc.Close() }

func (c *pgConn) Begin() (driver.Tx, error) {
	return c.BeginTx(context.Background(), driver.TxOptions{})
}

func (c *pgConn) BeginTx(ctx context.Context, opts driver.TxOptions) (driver.Tx, error) {
	w := c.watch(ctx)
	tx, err := c.dc.(driver.ConnBeginTx).BeginTx(context.Background(), opts)
	if err = w.end(err); err != nil {
		return nil, err
	}
	return &pgTx{tx: tx, c: c, ctx: ctx}, nil
}

func (c *pgConn) ExecContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Result, error) {
	w := c.watch(ctx)
	r, err := c.dc.(driver.ExecerContext).ExecContext(context.Background(), query, args)
	return r, w.end(err)
}

func (c *pgConn) QueryContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Rows, error) {
	w := c.watch(ctx)
	rows, err := c.dc.(driver.QueryerContext).QueryContext(context.Background(), query, args)
	if err != nil {
		return nil, w.end(err)
	}
	return &pgRows{Rows: rows, w: w}, nil
}

func (c *pgConn) Ping(ctx context.Context) error {
	w := c.watch(ctx)
	return w.end(c.dc.(driver.Pinger).Ping(context.Background()))
}

func (c *pgConn) ResetSession(ctx context.Context) error {
	if c.broken.Load() {
		return driver.ErrBadConn
	}
	return c.dc.(driver.SessionResetter).ResetSession(ctx)
}

func (c *pgConn) IsValid() bool {
	return !c.broken.Load() && c.dc.(driver.Validator).IsValid()
}

func (c *pgConn) CheckNamedValue(nv *driver.NamedValue) error {
	return c.dc.(driver.NamedValueChecker).CheckNamedValue(nv)
}

// copyIn sends rows to the COPY … FROM STDIN query, in the transaction
// open on c.
func (c *pgConn) copyIn(ctx context.Context, query string, rows [][]driver.Value) (err error) {
	w := c.watch(ctx)
	defer func() { err = w.end(err) }()
	st, err := c.dc.Prepare(query)
	if err != nil {
		return err
	}
	// lib/pq's COPY statement takes its rows through Exec (nil: the end).
	in, ok := st.(interface {
		Exec([]driver.Value) (driver.Result, error)
	})
	if !ok {
		st.Close()
		return fmt.Errorf("lib/pq's COPY statement (%T) takes no rows", st)
	}
	for _, r := range rows {
		if _, err := in.Exec(r); err != nil {
			st.Close()
			return err
		}
	}
	if _, err := in.Exec(nil); err != nil {
		st.Close()
		return err
	}
	return st.Close()
}

// pgTx is a transaction on a pgConn: its commit and rollback end with the
// context it began with, as database/sql's own calls do.
type pgTx struct {
	tx  driver.Tx
	c   *pgConn
	ctx context.Context
}

func (t *pgTx) Commit() error {
	w := t.c.watch(t.ctx)
	return w.end(t.tx.Commit())
}

func (t *pgTx) Rollback() error {
	w := t.c.watch(t.ctx)
	return w.end(t.tx.Rollback())
}

// pgStmt is a prepared statement on a pgConn.
type pgStmt struct {
	st driver.Stmt
	c  *pgConn
}

func (s *pgStmt) Close() error  { return s.st.Close() }
func (s *pgStmt) NumInput() int { return s.st.NumInput() }

func (s *pgStmt) Exec(args []driver.Value) (driver.Result, error) {
	return s.ExecContext(context.Background(), named(args))
}

func (s *pgStmt) Query(args []driver.Value) (driver.Rows, error) {
	return s.QueryContext(context.Background(), named(args))
}

func (s *pgStmt) ExecContext(ctx context.Context, args []driver.NamedValue) (driver.Result, error) {
	w := s.c.watch(ctx)
	r, err := s.st.(driver.StmtExecContext).ExecContext(context.Background(), args)
	return r, w.end(err)
}

func (s *pgStmt) QueryContext(ctx context.Context, args []driver.NamedValue) (driver.Rows, error) {
	w := s.c.watch(ctx)
	rows, err := s.st.(driver.StmtQueryContext).QueryContext(context.Background(), args)
	if err != nil {
		return nil, w.end(err)
	}
	return &pgRows{Rows: rows, w: w}, nil
}

// named is args as database/sql's newer interfaces take them.
func named(args []driver.Value) []driver.NamedValue {
	out := make([]driver.NamedValue, len(args))
	for i, a := range args {
		out[i] = driver.NamedValue{Ordinal: i + 1, Value: a}
	}
	return out
}

// pgRows are a query's rows, read under its call's watch until closed.
type pgRows struct {
	driver.Rows
	w *call
}

func (r *pgRows) Next(dest []driver.Value) error {
	return r.w.explain(r.Rows.Next(dest))
}

func (r *pgRows) Close() error {
	return r.w.end(r.Rows.Close())
}
