package incident

import (
	"fmt"
	"strings"
)

// DocumentNote is an entry of a document that importing it leaves out, or
// imports without some of its values, because the database the document
// was exported from could not read them (the entry's "invalid").
type DocumentNote struct {
	Entry   string // "event 3 (id 17, …)", "role 1 (…)", "incident"
	Message string // what was done, and how to import the entry whole
	Dropped bool   // left out; else imported without the unreadable values
}

func (n DocumentNote) String() string { return n.Entry + ": " + n.Message }

// Unreadable lists, in document order, what Snapshot leaves out or imports
// without some values because the document marks it "invalid": an event
// or role whose time could not be read has none to be imported at and is
// left out, as is any entry that does not hold together without its
// unreadable values; the rest are imported without them. Each note says
// how to bring the entry in whole. Entries without "invalid" are not
// listed: Snapshot takes them as they are or refuses the document.
func (d Document) Unreadable() []DocumentNote {
	var notes documentNotes
	notes.add("incident", d.Incident.Invalid, nil, "")
	var idOf map[string]int64 // built only when an unreadable event needs it
	dropped := d.droppedItems()
	for i := range d.Events {
		e := &d.Events[i]
		if dropped[e.ActionItem] {
			k := d.itemIndex(e.ActionItem)
			notes = append(notes, DocumentNote{Entry: fmt.Sprintf("event %d (id %d, %s)", i+1, e.ID, Quote(e.Text)), Dropped: true,
				Message: fmt.Sprintf("not imported: it tells of action item %d (%s), which is not imported (see it)", k, Quote(d.ActionItems[k-1].Title))})
			continue
		}
		if len(e.Invalid) == 0 {
			continue
		}
		if idOf == nil {
			idOf = d.actionItemIDs()
		}
		_, err := e.event(i, d.Incident.ID, idOf)
		notes.add(fmt.Sprintf("event %d (id %d, %s)", i+1, e.ID, Quote(e.Text)), e.Invalid, err,
			`give it an "at" (RFC 3339 in UTC, e.g. 2026-11-21T14:05:00Z) and the other values named, drop "invalid", and import again; or log it again with scribe log N --at TIME`)
	}
	for i := range d.Roles {
		r := &d.Roles[i]
		_, err := r.assignment(i, d.Incident.ID)
		notes.add(fmt.Sprintf("role %d (%s %s)", i+1, Quote(r.Role), Quote(r.Person)), r.Invalid, err,
			`give it a "from" (RFC 3339 in UTC), drop "invalid", and import again; or assign the role again with scribe role N ROLE NAME --at TIME`)
	}
	for i := range d.ActionItems {
		a := &d.ActionItems[i]
		if n, ok := a.dueNote(i); ok {
			notes = append(notes, n)
		}
		_, err := a.item(i, d.Incident.ID)
		notes.add(fmt.Sprintf("action item %d (%s)", i+1, Quote(a.Title)), a.Invalid, err,
			`set the values named, drop "invalid", and import again; or add the item again with scribe action add N TITLE`)
	}
	for i := range d.Retro {
		n := &d.Retro[i]
		err := (&RetroNote{Section: RetroSection(n.Section), Text: n.Text}).Validate()
		notes.add(fmt.Sprintf("retro note %d", i+1), n.Invalid, err,
			`set the values named, drop "invalid", and import again; or add the note again with scribe retro N SECTION TEXT`)
	}
	const fix = `set the values named, drop "invalid", and import again`
	for i, c := range d.Checklist {
		if u := c.Invalid; len(u) > 0 { // checked as checklistSnapshot checks one without "invalid"
			c.Invalid = nil
			one := Document{Checklist: []DocChecklistItem{c}}
			err := one.checklistSnapshot(&Snapshot{Incident: Incident{ID: d.Incident.ID, Severity: Severity(d.Incident.Severity)}})
			notes.add(fmt.Sprintf("checklist item %d (%s)", i+1, Quote(c.Text)), u, err, fix)
		}
	}
	for i, r := range d.Reminders {
		if u := r.Invalid; len(u) > 0 { // checked as remindersSnapshot checks one without "invalid"
			r.Invalid = nil
			one := Document{Reminders: []DocReminder{r}}
			err := one.remindersSnapshot(&Snapshot{Incident: Incident{ID: d.Incident.ID}})
			notes.add(fmt.Sprintf("reminder %d (%s)", i+1, Quote(r.Text)), u, err, fix)
		}
	}
	return notes
}

// documentNotes gathers Unreadable's notes.
type documentNotes []DocumentNote

// add notes an entry with unreadable values u: left out when err says it
// does not hold together without them (fix says how to bring it in),
// imported without them otherwise. Nothing is noted when u is empty.
func (ns *documentNotes) add(entry string, u Unreadable, err error, fix string) {
	if len(u) == 0 {
		return
	}
	n := DocumentNote{Entry: entry}
	if err != nil {
		n.Dropped = true
		n.Message = fmt.Sprintf("not imported (%s): the database it was exported from could not read %s; %s",
			ErrorMessage(err), values(u), fix)
	} else {
		n.Message = fmt.Sprintf("imported without %s, which the database it was exported from could not read (%s)", columns(u), values(u))
	}
	*ns = append(*ns, n)
}

// actionItemIDs maps the document's action item uuids to their ids, as
// Snapshot links events to items.
func (d Document) actionItemIDs() map[string]int64 {
	idOf := make(map[string]int64, len(d.ActionItems))
	for _, a := range d.ActionItems {
		if a.UUID != "" {
			idOf[a.UUID] = a.ID
		}
	}
	return idOf
}

// columns names the unreadable values: "occurred_at and logged_at".
func columns(u Unreadable) string {
	names := make([]string, len(u))
	for i, v := range u {
		names[i] = v.Column
	}
	if len(names) == 1 {
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// values quotes them with what the database holds.
func values(u Unreadable) string {
	parts := make([]string, len(u))
	for i, v := range u {
		parts[i] = v.String()
	}
	return strings.Join(parts, "; ")
}
