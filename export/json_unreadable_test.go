package export

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"scribe/incident"
)

// unreadable is what the store reads from a database holding values it
// cannot read: zero times and Invalid lists, on the incident, an event, a
// role, an action item and a retro note of snap.
func unreadable(snap incident.Snapshot) incident.Snapshot {
	bad := func(column, raw string) incident.Unreadable {
		return incident.Unreadable{{Column: column, Raw: raw, Problem: "is not a time"}}
	}
	snap.Incident.Invalid = append(bad("declared_at", "10000-01-01T07:59:00Z"), incident.UnreadableValue{Column: "services", Raw: awkwardStrings[3], Problem: "is not a list of names"})
	snap.Events[0].OccurredAt = time.Time{}
	snap.Events[0].Invalid = bad("occurred_at", "10000-01-01T07:59:00Z")
	snap.Events[1].LoggedAt = time.Time{}
	snap.Events[1].Invalid = bad("logged_at", awkwardStrings[7])
	snap.Roles[0].From = time.Time{}
	snap.Roles[0].Invalid = bad("from_at", "garbage")
	snap.ActionItems[0].Invalid = bad("created_at", "x")
	snap.Retro[1].Invalid = bad("created_at", "zz")
	snap.Checklist = append(snap.Checklist, incident.ChecklistItem{UUID: "c-1", Text: "Page the owner", Severity: 2,
		State: incident.ChecklistDone, By: "Ana", Invalid: bad("at", "yesterday")})
	snap.Reminders = append(snap.Reminders, incident.Reminder{UUID: "r-1", Text: "Check the replica", State: incident.ReminderOpen,
		Invalid: bad("due_at", "soon")})
	return snap
}

// An unreadable time is never written as year 1: the entry leaves it out
// and lists it under "invalid" with the raw value, byte for byte as
// encoding/json writes the document; import leaves out the event and the
// role that have no time, imports the rest without the unreadable values,
// and says so entry by entry.
func TestJSONCarriesUnreadableValues(t *testing.T) {
	for name, snap := range map[string]incident.Snapshot{"awkward": unreadable(awkwardIncident()), "search-outage": unreadable(searchOutage())} {
		want, err := referenceJSON(snap)
		if err != nil {
			t.Fatal(err)
		}
		var got bytes.Buffer
		if err := JSON(&got, snap); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want) {
			t.Fatalf("%s: JSON differs from encoding/json %s", name, firstDifference(got.Bytes(), want))
		}
	}
	snap := unreadable(searchOutage())
	var got bytes.Buffer
	if err := JSON(&got, snap); err != nil {
		t.Fatal(err)
	}
	out := got.String()
	if strings.Contains(out, "0001-01-01") {
		t.Errorf("the document invents year 1 for an unreadable time:\n%s", out)
	}
	if !strings.Contains(out, `"column": "occurred_at",`+"\n"+`          "raw": "10000-01-01T07:59:00Z"`) {
		t.Errorf("the event's unreadable time is not carried:\n%s", out[:min(len(out), 3000)])
	}

	doc, err := incident.ParseDocument(got.Bytes())
	if err != nil {
		t.Fatalf("import refuses the document: %v", err)
	}
	back, err := doc.Snapshot()
	if err != nil {
		t.Fatal(err)
	}
	if len(back.Events) != len(snap.Events)-1 || len(back.Roles) != len(snap.Roles)-1 ||
		len(back.ActionItems) != len(snap.ActionItems) || len(back.Retro) != len(snap.Retro) {
		t.Errorf("imported %d events, %d roles, %d items, %d notes; want one event and one role fewer than %d, %d, %d, %d",
			len(back.Events), len(back.Roles), len(back.ActionItems), len(back.Retro),
			len(snap.Events), len(snap.Roles), len(snap.ActionItems), len(snap.Retro))
	}
	for _, e := range back.Events {
		if e.OccurredAt.IsZero() || e.ID == snap.Events[0].ID {
			t.Errorf("the event without a time was imported: %+v", e)
		}
	}
	notes := doc.Unreadable()
	var lines []string
	for _, n := range notes {
		lines = append(lines, n.String())
	}
	text := strings.Join(lines, "\n")
	for _, want := range []string{
		"incident: imported without declared_at and services",
		`event 1 (id 1, `,
		`): not imported (event has no time): the database it was exported from could not read occurred_at "10000-01-01T07:59:00Z" is not a time; give it an "at"`,
		"event 2 (id 2, ",
		`role 1 ("commander" `,
		`action item 1 (`,
		"retro note 2: imported without created_at",
		`checklist item 1 ("Page the owner"): imported without at`,
		`reminder 1 ("Check the replica"): not imported (`,
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the import's notes lack %q:\n%s", want, text)
		}
	}
	if len(back.Checklist) != 1 || len(back.Reminders) != 0 {
		t.Errorf("imported %d checklist items and %d reminders, want 1 and 0", len(back.Checklist), len(back.Reminders))
	}
	if len(notes) != 8 || !notes[1].Dropped || notes[2].Dropped || !notes[3].Dropped || notes[4].Dropped {
		t.Errorf("notes (dropped or not) = %+v", notes)
	}
}
