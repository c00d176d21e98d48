// Package outbox lets scribe write to a team database (PostgreSQL) that is
// sometimes out of reach: the VPN dropped, the server restarts, the laptop
// is on a train. A write that cannot reach the database is kept in a local
// outbox (store.Outbox, a SQLite file under $XDG_STATE_HOME/scribe/) and
// delivered later, exactly once and in order: every write is an
// incident.Operation with its own UUID, which the database applies once
// however often it is sent (store.Apply).
//
// Team is what the CLI and the TUI write through in team mode. A write it
// could only queue fails with a *QueuedError (errors.Is(err, ErrQueued)),
// so that `scribe log` can exit 75 (EX_TEMPFAIL); one the database refused
// for a reason of its own (an invalid value, a missing incident) is
// returned as the database's error and never queued.
package outbox

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"
	"time"

	"scribe/incident"
	"scribe/store"
)

// ErrQueued is what errors.Is finds in the error of a write that was
// queued instead of delivered (the domain's incident.ErrQueued, so that the
// TUI can tell without importing this package).
var ErrQueued = incident.ErrQueued

// QueuedError is the error of a write that was queued because the team
// database could not be reached.
type QueuedError struct {
	Location string // host:port/database
	Pending  int    // operations waiting for it, this one included
	Cause    error  // why it could not be reached
}

func (e *QueuedError) Error() string {
	why := strings.TrimPrefix(reason(e.Cause), "team database "+e.Location+": ")
	return fmt.Sprintf("queued: the team database %s cannot be reached (%s); %d waiting, sent once it can be",
		e.Location, why, e.Pending)
}

// Is makes errors.Is(err, ErrQueued) true.
func (e *QueuedError) Is(target error) bool { return target == ErrQueued }

// Unwrap is the cause.
func (e *QueuedError) Unwrap() error { return e.Cause }

// reason is why the database could not be reached, in a few words.
func reason(err error) string {
	if err == nil {
		return "not reached yet"
	}
	return err.Error()
}

// quiet is how long writes go straight to the outbox after the database
// could not be reached, instead of each waiting for the connect timeout;
// Deliver tries again whenever it is called.
const quiet = 3 * time.Second

// How long one exchange with the team database may take once connected.
// A server that stops answering on a connection already open (a VPN gone
// without a reset, a frozen server) is otherwise waited for until TCP gives
// up, a quarter of an hour: the TUI would show a line "saving", in no
// outbox, and never say offline. Past answerTimeout a write is queued (if
// it committed after all, its UUID makes the later delivery a no-op) and a
// read fails as out of reach. Reading a whole incident, or all that changed
// after a long absence, gets readTimeout; opening (connect, then the schema
// check, perhaps behind another first user's migration) openTimeout.
const (
	answerTimeout = 3 * time.Second
	readTimeout   = 30 * time.Second
	openTimeout   = 10 * time.Second
)

// Team is a team database and its outbox.
type Team struct {
	dsn      string // with the password, if it has one: kept in memory only
	target   string // the outbox's key: the URL without its password
	location string
	queue    *store.Outbox
	// Now is the clock; tests replace it.
	Now func() time.Time

	opened Delivery // what Open delivered

	// KeepInFlight keeps each write in the outbox while it is sent, so
	// that a run killed meanwhile (the database slow, or no longer
	// answering, for up to answerTimeout) loses nothing: the next run sends
	// it. The TUI sets it: its user saw the line taken. `scribe log` does
	// not: a script that saw it die sends the line again, and a kept copy
	// would then arrive too; it costs two outbox writes per line.
	KeepInFlight bool

	mu         sync.Mutex
	db         *store.Store // nil while it could not be reached
	lastErr    error        // why it could not be reached last time
	retryAfter time.Time    // writes queue without trying until then

	// refusals are the writes the database refused on delivery since the
	// TUI last asked (TakeRefusals).
	refusals []string

	// What was read last, shown while the database cannot be reached.
	version int64
	list    []incident.Incident
	snap    incident.Snapshot
}

// Open connects to the team database dsn (a postgres:// URL) with its
// outbox at outboxPath, and delivers what waits there. A database out of
// reach is not an error: Team then queues. Any other failure is (a wrong
// password, a missing database, a URL that is not PostgreSQL's).
func Open(ctx context.Context, dsn, outboxPath string) (*Team, error) {
	if !store.IsPostgres(dsn) {
		return nil, incident.Errorf(incident.EINVALID, "%s is not a team database: give a postgres:// URL", store.Redact(dsn))
	}
	q, err := store.OpenOutbox(ctx, outboxPath)
	if err != nil {
		return nil, err
	}
	t := &Team{dsn: dsn, target: store.Redact(dsn), location: store.Describe(dsn), queue: q, Now: time.Now}
	t.mu.Lock()
	err = t.connectLocked(ctx)
	t.mu.Unlock()
	if err != nil && !store.Unreachable(err) {
		q.Close()
		return nil, err
	}
	if t.Online() {
		// What a run killed while offline left behind goes first.
		if t.opened, err = t.deliverWaiting(ctx); err != nil && !store.Unreachable(err) {
			q.Close()
			t.db.Close()
			return nil, err
		}
	}
	return t, nil
}

// Opened is what Open delivered of the outbox.
func (t *Team) Opened() Delivery { return t.opened }

// Close closes the database and the outbox.
func (t *Team) Close() error {
	t.mu.Lock()
	defer t.mu.Unlock()
	var err error
	if t.db != nil {
		err = t.db.Close()
		t.db = nil
	}
	return errors.Join(err, t.queue.Close())
}

// Location is the database as the TUI's header names it: host:port/db.
func (t *Team) Location() string { return t.location }

// Online reports whether the database was reached at the last attempt.
func (t *Team) Online() bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.db != nil && t.lastErr == nil
}

// LastError is why the database could not be reached at the last attempt
// (nil when it was).
func (t *Team) LastError() error {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.lastErr
}

// Store is the connected team database, for reads; its error says the
// database cannot be reached.
func (t *Team) Store(ctx context.Context) (*store.Store, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.db == nil {
		if err := t.connectLocked(ctx); err != nil {
			return nil, err
		}
	}
	return t.db, nil
}

// connectLocked opens the database if it is not open.
func (t *Team) connectLocked(ctx context.Context) error {
	if t.db != nil {
		return nil
	}
	octx, cancel := context.WithTimeout(ctx, openTimeout)
	db, err := store.Open(octx, t.dsn)
	cancel()
	if err != nil {
		t.offlineLocked(err)
		return err
	}
	t.db, t.lastErr, t.retryAfter = db, nil, time.Time{}
	return nil
}

// offlineLocked notes that the database could not be reached.
//
// Only a new failure starts the quiet spell: the reads during it hand back
// the last failure without trying, and reporting that one again must not
// push the next attempt further off (a screen polling twice a second would
// never try again).
func (t *Team) offlineLocked(err error) {
	if !store.Unreachable(err) {
		return
	}
	if err == t.lastErr && t.Now().Before(t.retryAfter) {
		return
	}
	t.lastErr, t.retryAfter = err, t.Now().Add(quiet)
}

// NewOperation starts an operation of kind on the incident: a new UUIDv7,
// and the time it is typed.
func NewOperation(kind incident.OpKind, inc incident.Ref, o incident.Origin, now time.Time) incident.Operation {
	return incident.Operation{ID: store.NewID(), Kind: kind, Incident: inc, At: o.At, Logged: now.UTC(), Author: o.Author, Source: o.Source}
}

// Apply applies op to the team database, or queues it when the database
// cannot be reached (or operations made before it still wait: they go
// first). A queued op fails with a *QueuedError and an Outcome that shows
// what it will write (its event, without a number yet).
//
// With KeepInFlight, op is in the outbox before it is sent, and leaves it
// once the database has it or refused it. Sent twice, it is applied once.
func (t *Team) Apply(ctx context.Context, op incident.Operation) (incident.Outcome, error) {
	if err := op.Validate(); err != nil {
		return incident.Outcome{}, err
	}
	if op.Logged.IsZero() {
		// A replay later keeps the time it was typed.
		op.Logged = t.Now().UTC()
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.KeepInFlight {
		if err := t.queue.Add(ctx, t.target, op); err != nil {
			return incident.Outcome{}, err
		}
	}
	if t.Now().Before(t.retryAfter) {
		return t.queueLocked(ctx, op)
	}
	if err := t.connectLocked(ctx); err != nil {
		if store.Unreachable(err) {
			return t.queueLocked(ctx, op)
		}
		if t.KeepInFlight {
			err = errors.Join(err, t.queue.Withdraw(ctx, op.ID))
		}
		return incident.Outcome{}, err
	}
	_, out, err := t.deliverLocked(ctx, op, nil)
	if err != nil && store.Unreachable(err) {
		// Perhaps it committed and the answer was lost: sent again
		// later, it is applied once either way.
		return t.queueLocked(ctx, op)
	}
	return out, err
}

// queueLocked queues op (it may be there already, kept while in flight),
// notes why it waits, and says so.
func (t *Team) queueLocked(ctx context.Context, op incident.Operation) (incident.Outcome, error) {
	if err := t.queue.Add(ctx, t.target, op); err != nil {
		return incident.Outcome{}, err
	}
	if err := t.queue.Waits(ctx, op.ID, reason(t.lastErr)); err != nil {
		return incident.Outcome{}, err
	}
	n, err := t.queue.Count(ctx, t.target)
	if err != nil {
		return incident.Outcome{}, err
	}
	return store.Preview(op), &QueuedError{Location: t.location, Pending: n, Cause: t.lastErr}
}

// Delivery is what Deliver did.
type Delivery struct {
	Delivered int // applied (or found applied before)
	Refused   int // refused by the database, set aside (see Refused)
	Pending   int // still waiting
	// Refusals says, of each write refused in this delivery, which it was
	// and why, for the user: a count alone sends them to the outbox file.
	Refusals []string
}

// describe names a queued write for a message: its kind, its incident,
// when it was typed, and the line it logs.
func describe(op incident.Operation) string {
	on := fmt.Sprintf("incident #%d", op.Incident.ID)
	if op.Incident.ID == 0 {
		on = "an incident declared offline"
	}
	s := fmt.Sprintf("%s on %s typed %s", op.Kind, on, op.Logged.Local().Format("Jan 2 15:04"))
	if op.Event != nil && op.Event.Text != "" {
		text := []rune(op.Event.Text)
		if len(text) > 60 {
			text = append(text[:59], '…')
		}
		s += fmt.Sprintf(" (%q)", string(text))
	}
	return s
}

// Deliver sends the queued operations, oldest first, until the queue is
// empty or the database cannot be reached (its error then). One the
// database refuses is set aside with its error, and the rest go on: they
// may not depend on it, and a queue stuck behind it would lose them all.
func (t *Team) Deliver(ctx context.Context) (Delivery, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if err := t.connectLocked(ctx); err != nil {
		d := Delivery{}
		d.Pending, _ = t.queue.Count(ctx, t.target)
		return d, err
	}
	d, _, err := t.deliverLocked(ctx, incident.Operation{}, nil)
	return d, err
}

// inFlight is how long a write another run on this machine keeps in the
// outbox while it sends it may take (see Apply): Open and Flush leave such
// a write to that run, rather than send it too and report it as "queued
// earlier". A run killed in the middle leaves it for whichever run comes
// after that time, or writes, first.
const inFlight = openTimeout + answerTimeout

// settled reports whether e is a write that waits (queued while the
// database could not be reached, or left by a run that ended) rather than
// one another run is sending now.
func (t *Team) settled(e store.OutboxEntry) bool {
	return e.Attempts > 0 || e.LastError != "" || t.Now().Sub(e.QueuedAt) >= inFlight
}

// deliverWaiting is Deliver for a run that opens: it sends the writes that
// wait, in order, and stops at the first one another run may be sending.
func (t *Team) deliverWaiting(ctx context.Context) (Delivery, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if err := t.connectLocked(ctx); err != nil {
		return Delivery{}, err
	}
	d, _, err := t.deliverLocked(ctx, incident.Operation{}, t.settled)
	return d, err
}

// deliverLocked sends what waits, in order. own, when it has an ID, is the
// caller's write, queued last: its outcome is returned, and a refusal of it
// is its error (the user is told now) rather than set aside. Another run on
// this machine may have sent it meanwhile: then it is sent again, which
// finds it applied and returns the same outcome.
//
// ready, when not nil, says which entries may be sent: delivery stops at
// the first that may not, so that order holds.
func (t *Team) deliverLocked(ctx context.Context, own incident.Operation, ready func(store.OutboxEntry) bool) (Delivery, incident.Outcome, error) {
	var (
		d      Delivery
		out    incident.Outcome
		ownErr error
		seen   bool
	)
	entries, err := t.queue.Pending(ctx, t.target)
	if err != nil {
		return d, out, err
	}
	for i, e := range entries {
		if ready != nil && !ready(e) {
			d.Pending = len(entries) - i
			break
		}
		mine := own.ID != "" && e.Operation.ID == own.ID
		seen = seen || mine
		actx, cancel := context.WithTimeout(ctx, answerTimeout)
		o, err := t.db.Apply(actx, e.Operation)
		cancel()
		switch {
		case err == nil:
			if err := t.queue.Delivered(ctx, e.Seq); err != nil {
				return d, out, err
			}
			d.Delivered++
			if mine {
				out = o
			}
		case store.Unreachable(err):
			t.offlineLocked(err)
			t.queue.Failed(ctx, e.Seq, err.Error())
			d.Pending = len(entries) - i
			return d, out, err
		case mine:
			if err := t.queue.Delivered(ctx, e.Seq); err != nil {
				return d, out, err
			}
			ownErr = err
		default:
			if err := t.queue.Refuse(ctx, e.Seq, incident.ErrorMessage(err)); err != nil {
				return d, out, err
			}
			d.Refused++
			d.Refusals = append(d.Refusals, describe(e.Operation)+": "+incident.ErrorMessage(err))
			t.refusals = append(t.refusals, d.Refusals[len(d.Refusals)-1])
		}
	}
	if own.ID != "" && !seen {
		// Not kept while in flight (or sent meanwhile by another run).
		actx, cancel := context.WithTimeout(ctx, answerTimeout)
		out, ownErr = t.db.Apply(actx, own)
		cancel()
		if ownErr != nil && store.Unreachable(ownErr) {
			t.offlineLocked(ownErr)
			return d, out, ownErr
		}
	}
	t.lastErr, t.retryAfter = nil, time.Time{}
	return d, out, ownErr
}

// TakeRefusals returns the writes the database refused on delivery since
// the last call, each with why, and forgets them: the TUI shows them once
// (its lines marked pending vanish then, and must not do so silently).
func (t *Team) TakeRefusals() []string {
	t.mu.Lock()
	defer t.mu.Unlock()
	r := t.refusals
	t.refusals = nil
	return r
}

// PendingOperations lists the operations waiting for the database,
// oldest first.
func (t *Team) PendingOperations(ctx context.Context) ([]incident.Operation, error) {
	entries, err := t.queue.Pending(ctx, t.target)
	if err != nil {
		return nil, err
	}
	out := make([]incident.Operation, len(entries))
	for i, e := range entries {
		out[i] = e.Operation
	}
	return out, nil
}

// PendingCount is how many operations wait: the TUI's "offline · N
// pending".
func (t *Team) PendingCount(ctx context.Context) (int, error) {
	return t.queue.Count(ctx, t.target)
}

// Refused lists the operations the database refused when they were
// delivered, with why.
func (t *Team) Refused(ctx context.Context) ([]store.OutboxEntry, error) {
	return t.queue.Refused(ctx, t.target)
}

// Flush delivers what the outbox at outboxPath holds for the team database
// dsn, through db (already open on it), for the commands that open the
// database without writing through a Team: the next scribe command after a
// run killed while offline sends what it queued. A missing outbox holds
// nothing.
func Flush(ctx context.Context, db *store.Store, dsn, outboxPath string) (Delivery, error) {
	if _, err := os.Stat(outboxPath); err != nil {
		return Delivery{}, nil
	}
	q, err := store.OpenOutbox(ctx, outboxPath)
	if err != nil {
		return Delivery{}, err
	}
	defer q.Close()
	t := &Team{dsn: dsn, target: store.Redact(dsn), location: store.Describe(dsn), queue: q, Now: time.Now, db: db}
	t.mu.Lock()
	defer t.mu.Unlock()
	d, _, err := t.deliverLocked(ctx, incident.Operation{}, t.settled)
	return d, err
}
