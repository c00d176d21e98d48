package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"scribe/incident"
)

// TestImportWholeDocument: a whole postmortem imported with --new becomes a
// whole incident (title, narrative, services, events, action items with
// owner, priority, due and state, retro notes), --dry-run --document prints
// that incident and writes nothing, and no action item becomes an event.
func TestImportWholeDocument(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "scribe.db")
	doc := "../ingest/testdata/documents/sre_template.md"

	r := scribe(t, db, "", nil, "import", "--new", doc, "--dry-run", "--document")
	if r.code != 0 {
		t.Fatalf("dry run: exit %d: %s", r.code, r.stderr)
	}
	preview, err := incident.ParseDocument([]byte(r.stdout))
	if err != nil {
		t.Fatalf("--dry-run --document is not the JSON document: %v\n%s", err, r.stdout)
	}
	if _, err := os.Stat(db); err == nil {
		t.Fatal("a dry run created the database")
	}
	if !strings.Contains(r.stderr, "4 action items") {
		t.Errorf("dry run summary: %s", r.stderr)
	}

	id := mustScribe(t, db, "import", "--new", doc)
	snap := snapshotOf(t, db, id)
	if snap.Incident.Title != "Postmortem: Search results empty for EU customers (2024-05-04)" ||
		!strings.HasPrefix(snap.Incident.Summary, "For 47 minutes") || !strings.HasPrefix(snap.Incident.RootCause, "The shard map generator") ||
		!strings.HasPrefix(snap.Incident.Trigger, "A routine shard rebalance") || !strings.Contains(snap.Incident.Summary, "Detection: The empty-results ratio alert") {
		t.Errorf("incident %+v", snap.Incident)
	}
	if strings.Join(snap.Incident.Services, ",") != "search-api,search-indexer" {
		t.Errorf("services %v", snap.Incident.Services)
	}
	if len(snap.Events) != 5 || len(snap.ActionItems) != 4 || len(snap.Retro) != 4 {
		t.Fatalf("%d events, %d action items, %d retro notes; want 5, 4, 4", len(snap.Events), len(snap.ActionItems), len(snap.Retro))
	}
	a := snap.ActionItems[0]
	if a.Title != "Refuse to publish a shard map missing a region" || a.Owner != "@lena" || a.Priority != "P0" || a.Due != "2024-05-10" || a.State != incident.ItemOpen {
		t.Errorf("first action item %+v", a)
	}
	for _, e := range snap.Events {
		for _, it := range snap.ActionItems {
			if strings.Contains(e.Text, it.Title) {
				t.Errorf("action item %q is an event", it.Title)
			}
		}
	}
	if len(preview.ActionItems) != len(snap.ActionItems) || len(preview.Events) != len(snap.Events) {
		t.Errorf("the dry run showed %d items and %d events, the import wrote %d and %d",
			len(preview.ActionItems), len(preview.Events), len(snap.ActionItems), len(snap.Events))
	}

	// Into an existing incident: events, items and notes are added; the
	// narrative fields it has empty are filled from the document, the ones
	// it has stay its own, and stderr says which.
	other := mustScribe(t, db, "new", "Search outage")
	mustScribe(t, db, "set", other, "summary", "Our own words.")
	r = scribe(t, db, "", nil, "import", other, doc, "--dry-run")
	if r.code != 0 || !strings.Contains(r.stderr, "would fill incident #"+other+"'s impact, root cause, trigger") ||
		!strings.Contains(r.stderr, "would keep incident #"+other+"'s own summary") {
		t.Errorf("dry run into %s: exit %d, %s", other, r.code, r.stderr)
	}
	if s := snapshotOf(t, db, other); s.Incident.RootCause != "" || len(s.ActionItems) != 0 {
		t.Fatalf("a dry run wrote: %+v", s.Incident)
	}
	r = scribe(t, db, "", nil, "import", other, doc)
	if r.code != 0 || !strings.Contains(r.stderr, "filled incident #"+other+"'s impact, root cause, trigger") ||
		!strings.Contains(r.stderr, "services from the document (empty until now)") ||
		!strings.Contains(r.stderr, "kept incident #"+other+"'s own summary (the document's differs") || strings.Contains(r.stderr, "not applied") {
		t.Errorf("import into %s: exit %d, %s", other, r.code, r.stderr)
	}
	s := snapshotOf(t, db, other)
	if s.Incident.Summary != "Our own words." || s.Incident.RootCause != snap.Incident.RootCause ||
		strings.Join(s.Incident.Services, ",") != "search-api,search-indexer" || len(s.ActionItems) != 4 || s.Incident.Title != "Search outage" {
		t.Errorf("into an incident: %+v, %d items", s.Incident, len(s.ActionItems))
	}
}

// TestImportYearNote: a year taken from anything but the entry is said on
// stderr, with --dry-run too; --year silences it.
func TestImportYearNote(t *testing.T) {
	doc := filepath.Join(t.TempDir(), "notes.md")
	if err := os.WriteFile(doc, []byte("# Outage of March 2023\n\n- Mar 5 14:02 alerts fire\n- Mar 5 14:10 rollback\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	r := scribe(t, "", "", nil, "import", "--new", doc, "--dry-run", "--json")
	if r.code != 0 || !strings.Contains(r.stderr, "read as 2023, the year of the title") || !strings.Contains(r.stdout, "2023-03-05T14:02:00Z") {
		t.Errorf("exit %d\n%s\n%s", r.code, r.stdout, r.stderr)
	}
	r = scribe(t, "", "", nil, "import", "--new", doc, "--dry-run", "--json", "--year", "2022")
	if r.code != 0 || strings.Contains(r.stderr, "without a year") || !strings.Contains(r.stdout, "2022-03-05T14:02:00Z") {
		t.Errorf("--year 2022: exit %d\n%s\n%s", r.code, r.stdout, r.stderr)
	}

	// A title that names only the year, imported for real: the events
	// are in that year, across its last midnight.
	dir := t.TempDir()
	db := filepath.Join(dir, "scribe.db")
	doc = filepath.Join(dir, "holiday.md")
	if err := os.WriteFile(doc, []byte("# 2023 holiday traffic outage\n\n## Timeline (UTC)\n\n- Dec 31 23:50 queue backs up\n- Jan 1 00:20 capacity added\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	id := mustScribe(t, db, "import", "--new", doc)
	snap := snapshotOf(t, db, strings.TrimSpace(id))
	var got []string
	for _, e := range snap.Events {
		got = append(got, e.OccurredAt.UTC().Format("2006-01-02T15:04Z"))
	}
	if strings.Join(got, " ") != "2023-12-31T23:50Z 2024-01-01T00:20Z" {
		t.Errorf("a year named alone in the title: events at %v", got)
	}
}
