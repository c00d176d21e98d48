package incident

import "fmt"

// A JSON document can hold a due date no calendar has ("2030-13-45",
// stored by hand or by an older scribe). Like a value the database could
// not read, it does not keep the item out: the item imports without it,
// and Unreadable says so. An item that is left out takes the "Action item:
// …" events that tell of it along, so that the timeline never speaks of an
// item the incident does not have.

// importDue is the item's due date as it imports: "" when it is no date.
func (a *DocActionItem) importDue() string {
	if CheckDue(a.Due) != nil {
		return ""
	}
	return a.Due
}

// dueNote is the note for an item whose due date is no date, "" when it
// has none or a good one.
func (a *DocActionItem) dueNote(i int) (DocumentNote, bool) {
	err := CheckDue(a.Due)
	if err == nil {
		return DocumentNote{}, false
	}
	return DocumentNote{
		Entry: fmt.Sprintf("action item %d (%s)", i+1, Quote(a.Title)),
		Message: fmt.Sprintf("imported without its due date (%s); set one with scribe action edit ID --due YYYY-MM-DD",
			ErrorMessage(err)),
	}, true
}

// droppedItems are the uuids of the action items Snapshot leaves out (see
// actionItemsSnapshot), nil when it keeps them all.
func (d Document) droppedItems() map[string]bool {
	var out map[string]bool
	for i := range d.ActionItems {
		a := &d.ActionItems[i]
		if len(a.Invalid) == 0 || a.UUID == "" {
			continue
		}
		if _, err := a.item(i, d.Incident.ID); err != nil {
			if out == nil {
				out = map[string]bool{}
			}
			out[a.UUID] = true
		}
	}
	return out
}

// itemIndex is the 1-based place of the document's action item uuid, 0
// when it has none.
func (d Document) itemIndex(uuid string) int {
	for i := range d.ActionItems {
		if d.ActionItems[i].UUID == uuid {
			return i + 1
		}
	}
	return 0
}
