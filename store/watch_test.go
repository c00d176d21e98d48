package store

import (
	"context"
	"testing"

	"scribe/incident"
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
