package outbox

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"scribe/incident"
	"scribe/store"
	"scribe/store/pgtest"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

// teamDB is a fresh team database reached through a link, with a password
// in its URL when the server has one.
func teamDB(t *testing.T) (dsn string, k *pgtest.Link) {
	t.Helper()
	k, dsn = pgtest.NewLink(t, pgtest.Database(t))
	return dsn, k
}

func openTeam(t *testing.T, dsn, box string) *Team {
	t.Helper()
	team, err := Open(context.Background(), dsn, box)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { team.Close() })
	return team
}

func note(t *testing.T, team *Team, inc int64, text string) (incident.Outcome, error) {
	t.Helper()
	op := NewOperation(incident.OpLogEvent, incident.Ref{ID: inc}, incident.Origin{Author: "ida", Source: incident.SourceCLI}, time.Now())
	op.Event = &incident.Event{Kind: incident.KindNote, Text: text}
	return team.Apply(context.Background(), op)
}

// texts lists the incident's note texts in the order the database numbered
// them, which is the order they were applied in.
func texts(t *testing.T, team *Team, inc int64) []string {
	t.Helper()
	db, err := team.Store(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	c, err := db.Changes(context.Background(), inc, 0)
	if err != nil {
		t.Fatal(err)
	}
	evs := c.Events
	slices.SortFunc(evs, func(a, b incident.Event) int { return cmp.Compare(a.ID, b.ID) })
	var out []string
	for _, e := range evs {
		if e.Kind == incident.KindNote || e.Kind == incident.KindStatus || e.Kind == incident.KindRole {
			out = append(out, e.Text)
		}
	}
	return out
}

func newTeamIncident(t *testing.T, team *Team) int64 {
	t.Helper()
	op := NewOperation(incident.OpCreateIncident, incident.Ref{UUID: store.NewID()}, incident.Origin{Author: "ida"}, time.Now())
	op.New = &incident.Incident{Title: "Checkout errors", Severity: 2, Timezone: "UTC"}
	out, err := team.Apply(context.Background(), op)
	if err != nil {
		t.Fatal(err)
	}
	return out.IncidentID
}

// The database goes away mid-incident: every write is queued (and says
// so), nothing is lost, and when it is back everything arrives once, in
// the order it was typed, whoever delivers it.
func TestQueuedWhileDownDeliveredOnceInOrder(t *testing.T) {
	ctx := context.Background()
	dsn, k := teamDB(t)
	box := filepath.Join(t.TempDir(), "state", "outbox.db")
	team := openTeam(t, dsn, box)
	inc := newTeamIncident(t, team)
	if _, err := note(t, team, inc, "online 1"); err != nil {
		t.Fatal(err)
	}

	k.Cut()
	var queued []incident.Operation
	for _, text := range []string{"offline 1", "offline 2"} {
		out, err := note(t, team, inc, text)
		var qe *QueuedError
		if !errors.As(err, &qe) || !errors.Is(err, ErrQueued) || out.Event.Text != text || out.Event.UUID == "" {
			t.Fatalf("offline write: %+v, %v", out, err)
		}
	}
	st := NewOperation(incident.OpSetStatus, incident.Ref{ID: inc}, incident.Origin{Author: "ida"}, time.Now())
	st.State, st.Message = incident.Monitoring, "Rolled back"
	if _, err := team.Apply(ctx, st); !errors.Is(err, ErrQueued) {
		t.Fatalf("offline status: %v", err)
	}
	role := NewOperation(incident.OpAssignRole, incident.Ref{ID: inc}, incident.Origin{Author: "ida"}, time.Now())
	role.Role, role.Person = "comms", "Ken A."
	if _, err := team.Apply(ctx, role); !errors.Is(err, ErrQueued) {
		t.Fatalf("offline role: %v", err)
	}
	if team.Online() {
		t.Fatal("Online while cut off")
	}
	if n, err := team.PendingCount(ctx); err != nil || n != 4 {
		t.Fatalf("pending = %d, %v", n, err)
	}
	queued, err := team.PendingOperations(ctx)
	if err != nil || len(queued) != 4 || queued[0].Event.Text != "offline 1" {
		t.Fatalf("pending operations: %+v, %v", queued, err)
	}
	if d, err := team.Deliver(ctx); err == nil || !store.Unreachable(err) || d.Pending != 4 {
		t.Fatalf("Deliver while cut off: %+v, %v", d, err)
	}

	k.Restore()
	d, err := team.Deliver(ctx)
	if err != nil || d.Delivered != 4 || d.Refused != 0 {
		t.Fatalf("Deliver: %+v, %v", d, err)
	}
	// A second process that still had them (a crash between applying and
	// dequeuing) sends them again: nothing doubles.
	db, err := team.Store(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, op := range queued {
		if out, err := db.Apply(ctx, op); err != nil || !out.Replayed {
			t.Fatalf("second delivery of %s: %+v, %v", op.Kind, out, err)
		}
	}
	want := []string{"online 1", "offline 1", "offline 2", "Rolled back", "Ken A. is comms lead"}
	got := texts(t, team, inc)
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("timeline after delivery:\n got %q\nwant %q", got, want)
	}
	snap, err := db.Snapshot(ctx, inc)
	if err != nil || snap.Incident.State != incident.Monitoring {
		t.Fatalf("state after the queued status: %v, %v", snap.Incident.State, err)
	}
	if n, _ := team.PendingCount(ctx); n != 0 || !team.Online() {
		t.Fatalf("after delivery: %d pending, online %v", n, team.Online())
	}
}

// A run killed while offline leaves its writes in the outbox; the next
// run that reaches the database delivers them first.
func TestNextRunDeliversWhatAKilledRunQueued(t *testing.T) {
	ctx := context.Background()
	dsn, k := teamDB(t)
	box := filepath.Join(t.TempDir(), "outbox.db")
	first, err := Open(ctx, dsn, box)
	if err != nil {
		t.Fatal(err)
	}
	inc := newTeamIncident(t, first)
	k.Cut()
	for _, text := range []string{"typed offline 1", "typed offline 2"} {
		if _, err := note(t, first, inc, text); !errors.Is(err, ErrQueued) {
			t.Fatalf("offline write: %v", err)
		}
	}
	// No Close, no Deliver: the process is gone.
	k.Restore()
	second := openTeam(t, dsn, box)
	if n, err := second.PendingCount(ctx); err != nil || n != 0 {
		t.Fatalf("pending after the next run opened: %d, %v", n, err)
	}
	if _, err := note(t, second, inc, "online again"); err != nil {
		t.Fatal(err)
	}
	want := "typed offline 1|typed offline 2|online again"
	if got := strings.Join(texts(t, second, inc), "|"); got != want {
		t.Fatalf("timeline %q, want %q", got, want)
	}
	first.Close()
}

// A new write never overtakes what waits: it goes after the queue.
func TestNewWriteGoesAfterTheQueue(t *testing.T) {
	dsn, k := teamDB(t)
	team := openTeam(t, dsn, filepath.Join(t.TempDir(), "outbox.db"))
	inc := newTeamIncident(t, team)
	k.Cut()
	if _, err := note(t, team, inc, "first, queued"); !errors.Is(err, ErrQueued) {
		t.Fatalf("offline write: %v", err)
	}
	// Within the quiet spell after a failure, writes queue without trying.
	if _, err := note(t, team, inc, "second, queued without trying"); !errors.Is(err, ErrQueued) {
		t.Fatalf("write in the quiet spell: %v", err)
	}
	k.Restore()
	team.Now = func() time.Time { return time.Now().Add(time.Minute) } // past the quiet spell
	if _, err := note(t, team, inc, "third, direct"); err != nil {
		t.Fatalf("write once the database is back: %v", err)
	}
	want := "first, queued|second, queued without trying|third, direct"
	if got := strings.Join(texts(t, team, inc), "|"); got != want {
		t.Fatalf("timeline %q, want %q", got, want)
	}
}

// A write the database refuses for a reason of its own is the caller's
// error and is not queued; a queued one it refuses later is set aside with
// its reason, and the ones after it still arrive.
func TestRefusedWritesAreNotQueued(t *testing.T) {
	ctx := context.Background()
	dsn, k := teamDB(t)
	team := openTeam(t, dsn, filepath.Join(t.TempDir(), "outbox.db"))
	inc := newTeamIncident(t, team)
	if _, err := note(t, team, 404, "no such incident"); incident.ErrorCode(err) != incident.ENOTFOUND || errors.Is(err, ErrQueued) {
		t.Fatalf("write to a missing incident: %v", err)
	}
	bad := NewOperation(incident.OpSetSeverity, incident.Ref{ID: inc}, incident.Origin{}, time.Now())
	bad.Severity = 9
	if _, err := team.Apply(ctx, bad); incident.ErrorCode(err) != incident.EINVALID {
		t.Fatalf("invalid severity online: %v", err)
	}
	k.Cut()
	if _, err := team.Apply(ctx, bad); !errors.Is(err, ErrQueued) {
		t.Fatalf("invalid severity offline: %v", err)
	}
	if _, err := note(t, team, inc, "after the bad one"); !errors.Is(err, ErrQueued) {
		t.Fatalf("offline write: %v", err)
	}
	k.Restore()
	d, err := team.Deliver(ctx)
	if err != nil || d.Delivered != 1 || d.Refused != 1 {
		t.Fatalf("Deliver: %+v, %v", d, err)
	}
	// The user is told which write and why, not only how many.
	if len(d.Refusals) != 1 || !strings.Contains(d.Refusals[0], "set-severity") ||
		!strings.Contains(d.Refusals[0], fmt.Sprintf("#%d", inc)) || !strings.Contains(d.Refusals[0], "severity 9") {
		t.Fatalf("Refusals = %q; want the write (kind, incident) and the reason", d.Refusals)
	}
	if r := team.TakeRefusals(); len(r) != 1 || r[0] != d.Refusals[0] {
		t.Fatalf("TakeRefusals = %q, want %q", r, d.Refusals)
	}
	if r := team.TakeRefusals(); len(r) != 0 {
		t.Fatalf("TakeRefusals again = %q, want nothing", r)
	}
	refused, err := team.Refused(ctx)
	if err != nil || len(refused) != 1 || refused[0].Operation.ID != bad.ID || !strings.Contains(refused[0].LastError, "severity") {
		t.Fatalf("refused: %+v, %v", refused, err)
	}
	if got := strings.Join(texts(t, team, inc), "|"); got != "after the bad one" {
		t.Fatalf("timeline %q", got)
	}
}

// A database out of reach from the start: Open works, writes queue.
func TestOpenWhileUnreachable(t *testing.T) {
	dsn, k := teamDB(t)
	k.Cut()
	team := openTeam(t, dsn, filepath.Join(t.TempDir(), "outbox.db"))
	if team.Online() || team.LastError() == nil || !store.Unreachable(team.LastError()) {
		t.Fatalf("Online %v, LastError %v", team.Online(), team.LastError())
	}
	if !strings.HasPrefix(team.Location(), k.Addr()+"/") {
		t.Fatalf("Location = %q", team.Location())
	}
	if _, err := team.Store(context.Background()); !store.Unreachable(err) {
		t.Fatalf("Store while unreachable: %v", err)
	}
	create := NewOperation(incident.OpCreateIncident, incident.Ref{UUID: store.NewID()}, incident.Origin{}, time.Now())
	create.New = &incident.Incident{Title: "Declared offline", Timezone: "UTC"}
	if _, err := team.Apply(context.Background(), create); !errors.Is(err, ErrQueued) {
		t.Fatalf("declaring offline: %v", err)
	}
	log := NewOperation(incident.OpLogEvent, create.Incident, incident.Origin{}, time.Now())
	log.Event = &incident.Event{Kind: incident.KindNote, Text: "first line of an offline incident"}
	if _, err := team.Apply(context.Background(), log); !errors.Is(err, ErrQueued) {
		t.Fatalf("logging offline: %v", err)
	}
	k.Restore()
	if d, err := team.Deliver(context.Background()); err != nil || d.Delivered != 2 {
		t.Fatalf("Deliver: %+v, %v", d, err)
	}
	db, _ := team.Store(context.Background())
	list, err := db.Incidents(context.Background())
	if err != nil || len(list) != 1 || list[0].UUID != create.Incident.UUID {
		t.Fatalf("incidents: %+v, %v", list, err)
	}
}

// The password never reaches the outbox file, and wrong credentials are
// an error, not a queued write.
func TestPasswordStaysOutOfTheOutbox(t *testing.T) {
	ctx := context.Background()
	base := pgtest.LocalDatabase(t)
	k, dsn := pgtest.NewLink(t, base)
	u, _ := url.Parse(dsn)
	pw, _ := u.User.Password()
	dir := t.TempDir()
	box := filepath.Join(dir, "outbox.db")
	team := openTeam(t, dsn, box)
	inc := newTeamIncident(t, team)
	k.Cut()
	if _, err := note(t, team, inc, "queued with a password in the URL"); !errors.Is(err, ErrQueued) || strings.Contains(err.Error(), pw) {
		t.Fatalf("offline write: %v", err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*"))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(b), pw) {
			t.Fatalf("%s holds the password", f)
		}
	}
	if fi, err := os.Stat(box); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("outbox mode: %v, %v", fi, err)
	}
	k.Restore()
	wrong := *u
	wrong.User = url.UserPassword(u.User.Username(), "not-"+pw)
	_, err := Open(ctx, wrong.String(), filepath.Join(dir, "other.db"))
	if err == nil || store.Unreachable(err) || strings.Contains(err.Error(), "not-"+pw) {
		t.Fatalf("wrong password: %v", err)
	}
	if _, err := Open(ctx, "/tmp/local.db", box); incident.ErrorCode(err) != incident.EINVALID {
		t.Fatalf("a file is not a team database: %v", err)
	}
}

// The outbox is a file of its own: a scribe database is not taken for one.
func TestOutboxRefusesAnotherFile(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	db := filepath.Join(dir, "scribe.db")
	s, err := store.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, err := store.OpenOutbox(ctx, db); incident.ErrorCode(err) != incident.EINVALID {
		t.Fatalf("OpenOutbox on a scribe database: %v", err)
	}
	box, err := store.OpenOutbox(ctx, filepath.Join(dir, "outbox.db"))
	if err != nil {
		t.Fatal(err)
	}
	box.Close()
	if _, err := store.Open(ctx, filepath.Join(dir, "outbox.db")); incident.ErrorCode(err) != incident.EINVALID {
		t.Fatalf("Open on an outbox: %v", err)
	}
}

// The Team as the TUI's store: offline it shows the last read incident
// with the lines that wait (negative ids, in time order), keeps the data
// version (no error every poll), refuses corrections with the reason, and
// sends what waits once the database is back.
func TestTeamAsTheTUIsStore(t *testing.T) {
	ctx := context.Background()
	dsn, k := teamDB(t)
	team := openTeam(t, dsn, filepath.Join(t.TempDir(), "outbox.db"))
	inc := newTeamIncident(t, team)
	online := incident.Event{IncidentID: inc, Kind: incident.KindNote, Text: "online", Author: "ida"}
	if err := team.LogEvent(ctx, &online); err != nil || online.ID <= 0 {
		t.Fatalf("online LogEvent: %+v, %v", online, err)
	}
	if _, err := team.Snapshot(ctx, inc); err != nil {
		t.Fatal(err)
	}
	v, err := team.DataVersion(ctx)
	if err != nil {
		t.Fatal(err)
	}

	k.Cut()
	early := incident.Event{IncidentID: inc, Kind: incident.KindNote, Text: "backdated while offline", OccurredAt: time.Now().Add(-time.Hour)}
	if err := team.LogEvent(ctx, &early); !errors.Is(err, incident.ErrQueued) || early.UUID == "" || early.Text != "backdated while offline" {
		t.Fatalf("offline LogEvent: %+v, %v", early, err)
	}
	if _, err := team.SetStatus(ctx, inc, incident.Monitoring, "watching", incident.Origin{}); !errors.Is(err, incident.ErrQueued) {
		t.Fatalf("offline SetStatus: %v", err)
	}
	if got, err := team.DataVersion(ctx); err != nil || got != v {
		t.Fatalf("DataVersion offline = %d, %v; want the last one seen, %d", got, err, v)
	}
	if online, pending := team.TeamState(ctx); online || pending != 2 {
		t.Fatalf("TeamState offline = %v, %d", online, pending)
	}
	snap, err := team.Snapshot(ctx, inc)
	if err != nil {
		t.Fatal(err)
	}
	var pendingTexts []string
	for i, e := range snap.Events {
		if i > 0 && e.OccurredAt.Before(snap.Events[i-1].OccurredAt) {
			t.Fatalf("events out of order at %d: %+v", i, snap.Events)
		}
		if e.ID < 0 {
			pendingTexts = append(pendingTexts, e.Text)
		}
	}
	if strings.Join(pendingTexts, "|") != "backdated while offline|watching" {
		t.Fatalf("pending lines: %q", pendingTexts)
	}
	if err := team.DeleteEvent(ctx, online.ID); err == nil || !store.Unreachable(err) || !strings.Contains(err.Error(), "corrections wait") {
		t.Fatalf("a correction offline: %v", err)
	}
	if err := team.DeleteEvent(ctx, -1); incident.ErrorCode(err) != incident.ECONFLICT {
		t.Fatalf("deleting a pending line: %v", err)
	}
	// An incident never read in this run still opens, to take lines.
	other, err := team.Snapshot(ctx, inc+1)
	if err != nil || other.Incident.ID != inc+1 || !strings.Contains(other.Incident.Title, "out of reach") {
		t.Fatalf("unread incident offline: %+v, %v", other.Incident, err)
	}

	k.Restore()
	team.Now = func() time.Time { return time.Now().Add(time.Minute) } // past the quiet spell
	if online, pending := team.TeamState(ctx); !online || pending != 0 {
		t.Fatalf("TeamState after the database came back = %v, %d", online, pending)
	}
	snap, err = team.Snapshot(ctx, inc)
	if err != nil || snap.Incident.State != incident.Monitoring {
		t.Fatalf("after delivery: state %v, %v", snap.Incident.State, err)
	}
	for _, e := range snap.Events {
		if e.ID < 0 {
			t.Fatalf("a line still pending after delivery: %+v", e)
		}
	}
}

// A reader with nothing queued (a second TUI that only watched while the
// database was away) stops saying offline once the database answers again,
// without having to write first.
func TestReaderComesBackOnline(t *testing.T) {
	ctx := context.Background()
	dsn, k := teamDB(t)
	team := openTeam(t, dsn, filepath.Join(t.TempDir(), "outbox.db"))
	inc := newTeamIncident(t, team)
	if _, err := team.Snapshot(ctx, inc); err != nil {
		t.Fatal(err)
	}
	k.Cut()
	if _, err := team.DataVersion(ctx); err != nil {
		t.Fatalf("DataVersion offline: %v", err)
	}
	if online, pending := team.TeamState(ctx); online || pending != 0 {
		t.Fatalf("TeamState while cut = %v, %d; want offline, 0", online, pending)
	}
	k.Restore()
	team.Now = func() time.Time { return time.Now().Add(time.Minute) } // past the quiet spell
	if _, err := team.DataVersion(ctx); err != nil {
		t.Fatalf("DataVersion after the database came back: %v", err)
	}
	if online, pending := team.TeamState(ctx); !online || pending != 0 {
		t.Fatalf("TeamState after the database came back = %v, %d; want online, 0", online, pending)
	}
}

// A TUI opened while the database is down (nothing read yet) polls the
// version and the snapshot every half second; none of those reads may
// start the quiet spell over, or the screen would say offline for ever
// after the database came back, and keep what it queued.
func TestOpenedOfflinePollerComesBackOnline(t *testing.T) {
	ctx := context.Background()
	dsn, k := teamDB(t)
	setup := openTeam(t, dsn, filepath.Join(t.TempDir(), "setup.db"))
	inc := newTeamIncident(t, setup)
	k.Cut()
	team := openTeam(t, dsn, filepath.Join(t.TempDir(), "outbox.db"))
	now := time.Now()
	team.Now = func() time.Time { return now }
	if _, err := note(t, team, inc, "typed before anything was read"); !errors.Is(err, ErrQueued) {
		t.Fatalf("offline line: %v", err)
	}
	poll := func() (bool, int) {
		now = now.Add(500 * time.Millisecond)
		if _, err := team.DataVersion(ctx); err != nil {
			t.Fatalf("DataVersion: %v", err)
		}
		if _, err := team.Snapshot(ctx, inc); err != nil {
			t.Fatalf("Snapshot: %v", err)
		}
		return team.TeamState(ctx)
	}
	for range 4 {
		if online, _ := poll(); online {
			t.Fatal("online while the link is cut")
		}
	}
	k.Restore()
	online, pending := false, -1
	for i := 0; i < 20 && !(online && pending == 0); i++ { // ten seconds of polls
		online, pending = poll()
	}
	if !online || pending != 0 {
		t.Fatalf("after the database came back and 10 s of polls: online %v, %d pending", online, pending)
	}
	snap, err := team.Snapshot(ctx, inc)
	if err != nil || snap.Incident.Title != "Checkout errors" {
		t.Fatalf("snapshot after coming back: %q, %v", snap.Incident.Title, err)
	}
	if got := texts(t, team, inc); !slices.Equal(got, []string{"typed before anything was read"}) {
		t.Fatalf("delivered %q", got)
	}
}

// A database that stops answering on a connection already open (the VPN
// gone without a reset, a frozen server) is out of reach like one that
// refuses: a write queues, and the TUI's poll says offline, instead of
// both waiting until TCP gives up a quarter of an hour later, the line
// "saving" and in no outbox meanwhile. Once the database answers again,
// the line arrives once.
func TestFrozenDatabaseQueues(t *testing.T) {
	ctx := context.Background()
	dsn, k := teamDB(t)
	team := openTeam(t, dsn, filepath.Join(t.TempDir(), "outbox.db"))
	inc := newTeamIncident(t, team)
	if _, err := team.DataVersion(ctx); err != nil {
		t.Fatal(err)
	}
	k.Freeze()
	within := func(what string, bound time.Duration, fn func()) {
		t.Helper()
		done := make(chan struct{})
		go func() { defer close(done); fn() }()
		select {
		case <-done:
		case <-time.After(bound):
			k.Cut() // lets the stuck call end, and the test with it
			<-done
			t.Fatalf("%s still waiting for a frozen database after %s", what, bound)
		}
	}
	within("a write", 30*time.Second, func() {
		if _, err := note(t, team, inc, "typed while the link hangs"); !errors.Is(err, ErrQueued) {
			t.Errorf("write to a frozen database: %v, want it queued", err)
		}
	})
	// The screen reloads to show the line as pending: during the quiet
	// spell that follows the failure, from what it read last, without
	// asking the database again (which would take readTimeout).
	dials := k.Dials()
	within("the reload after the write", 10*time.Second, func() {
		snap, err := team.Snapshot(ctx, inc)
		if k.Dials() != dials {
			t.Errorf("the reload during the quiet spell connected to the database again")
		}
		if err != nil {
			t.Errorf("Snapshot: %v", err)
			return
		}
		if n := len(snap.Events); n == 0 || snap.Events[n-1].ID >= 0 || snap.Events[n-1].Text != "typed while the link hangs" {
			t.Errorf("the pending line is not last in the reload: %+v", snap.Events)
		}
	})
	within("the poll", 30*time.Second, func() {
		team.Now = func() time.Time { return time.Now().Add(time.Minute) } // past the quiet spell
		if _, err := team.DataVersion(ctx); err != nil {
			t.Errorf("DataVersion: %v", err)
		}
		if online, pending := team.TeamState(ctx); online || pending != 1 {
			t.Errorf("TeamState while frozen = %v, %d; want offline, 1", online, pending)
		}
	})
	k.Cut()
	k.Restore()
	if d, err := team.Deliver(ctx); err != nil || d.Delivered != 1 {
		t.Fatalf("Deliver: %+v, %v", d, err)
	}
	if got := texts(t, team, inc); !slices.Equal(got, []string{"typed while the link hangs"}) {
		t.Fatalf("delivered %q", got)
	}
}

// A write is in the outbox before it is sent: a run killed while the
// database takes its time (or has stopped answering and the write waits
// for answerTimeout) leaves it there for the next run, instead of losing
// a line the user saw accepted. Once sent it is gone from the outbox, and
// a write the database refuses is not kept either.
func TestWriteIsKeptWhileInFlight(t *testing.T) {
	ctx := context.Background()
	dsn, k := teamDB(t)
	box := filepath.Join(t.TempDir(), "outbox.db")
	team := openTeam(t, dsn, box)
	team.KeepInFlight = true
	inc := newTeamIncident(t, team)
	if _, err := note(t, team, inc, "sent at once"); err != nil {
		t.Fatal(err)
	}
	other, err := store.OpenOutbox(ctx, box) // what a next run would find
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	target := store.Redact(dsn)
	if n, err := other.Count(ctx, target); err != nil || n != 0 {
		t.Fatalf("outbox after a delivered write: %d, %v", n, err)
	}
	bad := NewOperation(incident.OpSetSeverity, incident.Ref{ID: inc + 100}, incident.Origin{}, time.Now())
	bad.Severity = 2
	if _, err := team.Apply(ctx, bad); err == nil || errors.Is(err, ErrQueued) {
		t.Fatalf("a write to a missing incident: %v", err)
	}
	if n, err := other.Count(ctx, target); err != nil || n != 0 {
		t.Fatalf("outbox after a refused write: %d, %v", n, err)
	}
	if r, err := other.Refused(ctx, target); err != nil || len(r) != 0 {
		t.Fatalf("a refused write was set aside as if delivered later: %d, %v", len(r), err)
	}

	k.Freeze()
	done := make(chan error, 1)
	go func() {
		_, err := note(t, team, inc, "in flight when the run was killed")
		done <- err
	}()
	inFlight := false
	for found := false; !found; {
		select {
		case err := <-done:
			done <- err
			found = true
		default:
		}
		if ops, err := other.Pending(ctx, target); err == nil && len(ops) == 1 {
			inFlight = !found
			found = true
		}
		time.Sleep(10 * time.Millisecond)
	}
	if !inFlight {
		t.Fatal("the write was not in the outbox while it was being sent")
	}
	if err := <-done; !errors.Is(err, ErrQueued) {
		t.Fatalf("write to a frozen database: %v", err)
	}
}

// A run that opens sends what waits in the outbox, but not a write another
// run on the machine is sending now (kept there while in flight): that one
// is neither sent twice at once nor reported as "queued earlier". Order
// holds: delivery stops at it. A write in flight for longer than any run
// takes is one a killed run left, and is sent.
func TestOpenLeavesAnotherRunsWriteInFlight(t *testing.T) {
	ctx := context.Background()
	dsn, _ := teamDB(t)
	box := filepath.Join(t.TempDir(), "outbox.db")
	setup := openTeam(t, dsn, box)
	inc := newTeamIncident(t, setup)
	setup.Close()
	q, err := store.OpenOutbox(ctx, box)
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	target := store.Redact(dsn)
	add := func(text string, waits bool) {
		t.Helper()
		op := NewOperation(incident.OpLogEvent, incident.Ref{ID: inc}, incident.Origin{Author: "ida"}, time.Now())
		op.Event = &incident.Event{Kind: incident.KindNote, Text: text}
		if err := q.Add(ctx, target, op); err != nil {
			t.Fatal(err)
		}
		if waits {
			if err := q.Waits(ctx, op.ID, "connect: connection refused"); err != nil {
				t.Fatal(err)
			}
		}
	}
	add("queued while offline", true)
	add("being sent by another run", false)
	add("queued after it", true)
	team := openTeam(t, dsn, box)
	if d := team.Opened(); d.Delivered != 1 || d.Pending != 2 {
		t.Fatalf("Open delivered %+v; want the first only, two left", d)
	}
	if got := texts(t, team, inc); !slices.Equal(got, []string{"queued while offline"}) {
		t.Fatalf("after Open: %q", got)
	}
	team.Close()
	later, err := Open(ctx, dsn, box)
	if err != nil {
		t.Fatal(err)
	}
	defer later.Close()
	later.Now = func() time.Time { return time.Now().Add(inFlight) }
	if d, err := later.deliverWaiting(ctx); err != nil || d.Delivered != 2 {
		t.Fatalf("a run past the in-flight time delivered %+v, %v; want the two left", d, err)
	}
	want := []string{"queued while offline", "being sent by another run", "queued after it"}
	if got := texts(t, later, inc); !slices.Equal(got, want) {
		t.Fatalf("delivered %q, want %q", got, want)
	}
}
