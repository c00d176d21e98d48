package store

import (
	"context"
	"fmt"
	"testing"
	"time"

	"scribe/incident"
	"scribe/store/pgtest"
)

func TestDataVersionSeesOtherStoresCommits(t *testing.T) {
	ctx := context.Background()
	path := testDB(t)
	tui := openAt(t, path)
	cli := openAt(t, path)
	inc := newIncident(t, cli)
	v1, err := tui.DataVersion(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := tui.DataVersion(ctx); v != v1 {
		t.Fatalf("data version moved from %d to %d with no commit", v1, v)
	}
	e := incident.Event{IncidentID: inc.ID, Kind: incident.KindNote, Text: "from another process"}
	if err := cli.LogEvent(ctx, &e); err != nil {
		t.Fatal(err)
	}
	v2, err := tui.DataVersion(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if v2 == v1 {
		t.Fatalf("data version stayed %d after another store committed", v1)
	}
	// The store's own writes go through other connections, so they count too.
	if _, err := tui.SetStatus(ctx, inc.ID, incident.Identified, "", Origin{}); err != nil {
		t.Fatal(err)
	}
	if v3, _ := tui.DataVersion(ctx); v3 == v2 {
		t.Fatalf("data version stayed %d after the store's own commit", v2)
	}
}

// On PostgreSQL a write wakes a watcher through LISTEN/NOTIFY, well before
// the next poll would: of eight writes at uneven intervals, each is seen
// within half a poll interval (polling alone would miss that about half
// the time, each).
func TestPostgresWatchIsWokenByNotify(t *testing.T) {
	dsn := pgtest.Database(t)
	tui, cli := openAt(t, dsn), openAt(t, dsn)
	inc := newIncident(t, cli)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	wake, err := tui.Watch(ctx, inc.ID)
	if err != nil {
		t.Fatal(err)
	}
	time.Sleep(postgresPoll) // the listening connection is up
	for i := range 8 {
		time.Sleep(time.Duration(60+37*i) * time.Millisecond)
		select {
		case <-wake: // a poll's, or the previous write's
		default:
		}
		start := time.Now()
		e := incident.Event{IncidentID: inc.ID, Kind: incident.KindNote, Text: fmt.Sprintf("line %d", i)}
		if err := cli.LogEvent(ctx, &e); err != nil {
			t.Fatal(err)
		}
		select {
		case <-wake:
		case <-time.After(10 * time.Second):
			t.Fatalf("write %d: no wake-up", i)
		}
		if took := time.Since(start); took > postgresPoll/2 {
			t.Fatalf("write %d woke the watcher after %s: by the poll, not a notification", i, took)
		}
	}
}
