package incident_test

import (
	"strings"
	"testing"

	"scribe/incident"
)

// A due date no calendar has does not keep its item out of an import: the
// item comes in without it, and Unreadable says which and why.
func TestDocumentBadDue(t *testing.T) {
	for _, due := range []string{"2030-13-45", "soon", "0001-01-01"} {
		data := `{"schema_version": 1, "incident": {"title": "T", "severity": 2, "timezone": "UTC"},
			"action_items": [{"title": "Rotate the certificate", "owner": "Ana", "due": "` + due + `", "state": "open"},
			{"title": "Second", "due": "2030-01-02"}]}`
		doc, err := incident.ParseDocument([]byte(data))
		if err != nil {
			t.Fatalf("due %q: %v", due, err)
		}
		snap, err := doc.Snapshot()
		if err != nil {
			t.Fatal(err)
		}
		if len(snap.ActionItems) != 2 || snap.ActionItems[0].Due != "" || snap.ActionItems[0].Owner != "Ana" || snap.ActionItems[1].Due != "2030-01-02" {
			t.Errorf("due %q: items %+v, want both, the first without its due date", due, snap.ActionItems)
		}
		notes := doc.Unreadable()
		if len(notes) != 1 || notes[0].Dropped || !strings.HasPrefix(notes[0].Entry, `action item 1 ("Rotate the certificate")`) ||
			!strings.Contains(notes[0].Message, "imported without its due date") || !strings.Contains(notes[0].Message, due) {
			t.Errorf("due %q: notes %+v, want one saying item 1 came in without its due date", due, notes)
		}
	}
}

// An item left out (it does not hold together without a value the database
// could not read) takes its "Action item: …" event along: the timeline
// never tells of an item the incident does not have.
func TestDocumentDroppedItemTakesItsEvent(t *testing.T) {
	data := `{"schema_version": 1, "incident": {"title": "T", "severity": 2, "timezone": "UTC"},
		"events": [
			{"at": "2026-11-21T14:00:00Z", "kind": "note", "text": "paged"},
			{"at": "2026-11-21T14:05:00Z", "kind": "action-item", "text": "Action item: ", "action_item": "u1"},
			{"at": "2026-11-21T14:06:00Z", "kind": "action-item", "text": "Action item: Keep me", "action_item": "u2"}],
		"action_items": [
			{"uuid": "u1", "title": "", "state": "open", "invalid": [{"column": "title", "raw": "\ufffd", "problem": "is not text"}]},
			{"uuid": "u2", "title": "Keep me", "state": "open"}]}`
	doc, err := incident.ParseDocument([]byte(data))
	if err != nil {
		t.Fatal(err)
	}
	snap, err := doc.Snapshot()
	if err != nil {
		t.Fatal(err)
	}
	if len(snap.ActionItems) != 1 || snap.ActionItems[0].Title != "Keep me" {
		t.Fatalf("items %+v, want only the second", snap.ActionItems)
	}
	var texts []string
	for _, e := range snap.Events {
		texts = append(texts, e.Text)
	}
	if strings.Join(texts, "|") != "paged|Action item: Keep me" {
		t.Errorf("events %q, want the note and the kept item's event", texts)
	}
	notes := doc.Unreadable()
	var said []string
	for _, n := range notes {
		said = append(said, n.String())
	}
	all := strings.Join(said, "\n")
	if len(notes) != 2 || !notes[0].Dropped || !strings.HasPrefix(notes[0].Entry, "event 2 ") || !strings.Contains(all, "it tells of action item 1") ||
		!notes[1].Dropped || !strings.HasPrefix(notes[1].Entry, "action item 1") {
		t.Errorf("notes:\n%s\nwant event 2 and action item 1 named as not imported", all)
	}
}
