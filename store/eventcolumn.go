package store

import (
	"database/sql/driver"
	"fmt"
	"strings"
	"time"

	"scribe/incident"
)

// eventColumn is one column of the events table: what it stores for an
// event, how a stored value is read back, whether an edit may change it,
// and how an import's batch statements write it. eventTable lists every
// column once; every SELECT, INSERT and UPDATE of events in this package is
// built from it, so a new column is added there and nowhere else.
type eventColumn struct {
	name string
	// value is what the column stores for e, written in the transaction
	// whose changes are stamped seq.
	value func(e *incident.Event, seq int64) driver.Value
	// read sets e's field from the stored value v. A value this scribe
	// would not have written is noted in bad and leaves the field zero;
	// the error is for a row that cannot be identified at all. nil: the
	// column is not read back.
	read func(e *incident.Event, v driver.Value, bad *badRow) error
	// asked is set for the columns the timeline query filters on: it does
	// not read them back, since it knows their values (every value fetched
	// is a few cgo calls, times 100,000 rows).
	asked bool
	// generated is set for the id, which the database chooses when one
	// event is inserted (an import chooses its own).
	generated bool
	// edit says what EditEvent does with the column.
	edit editRule
	// batch says how an import batch writes it (see eventWriter).
	batch batchColumn
}

// editRule is what EditEvent may do to a column.
type editRule int

const (
	fixed    editRule = iota // set when the event is logged; an edit that changes it is refused
	editable                 // the user's to correct; the old value goes to event_revisions
	stamped                  // the store's bookkeeping, whatever the caller's copy says
)

// batchColumn says how an import batch writes a column. A batch statement
// binds a few values once for all its rows (batchParams, ?1 to ?5), and then
// per row either every column (a full row) or only those a text import's
// events differ in (a lean row: logged at the import's time by the batch's
// first author, nothing structured), or fewer still (a note row: a lean row
// of kind note and no state). Binding is a cgo call per value, and was most
// of a 100,000-line import's time in the store.
type batchColumn struct {
	// every is the column's SQL in every row, built from the values bound
	// once; {row} is the row's index in the batch. "" = bound per row.
	every string
	// lean is its SQL in lean and note rows, fits whether e can be written
	// as one as far as this column goes; "" = bound per row.
	lean string
	fits func(e, head *incident.Event, now time.Time) bool
	// note is its SQL in note rows, noteFits whether e can be one; "" =
	// as in lean rows.
	note     string
	noteFits func(e *incident.Event) bool
}

// batchParams are the values a batch statement binds once, as ?1, ?2, …:
// the first row's id (the others count up from it), the incident, the
// import's time, the first row's author and source, and the sequence
// number of the import's transaction.
var batchParams = [...]func(head *incident.Event, now driver.Value, seq int64) driver.Value{
	func(h *incident.Event, _ driver.Value, _ int64) driver.Value { return h.ID },
	func(h *incident.Event, _ driver.Value, _ int64) driver.Value { return h.IncidentID },
	func(_ *incident.Event, now driver.Value, _ int64) driver.Value { return now },
	func(h *incident.Event, _ driver.Value, _ int64) driver.Value { return h.Author },
	func(h *incident.Event, _ driver.Value, _ int64) driver.Value { return string(h.Source) },
	func(_ *incident.Event, _ driver.Value, seq int64) driver.Value { return seq },
}

// eventTable is the events table, in the order of every statement built
// from it. It is never written to.
var eventTable = []eventColumn{
	{name: "id", generated: true, edit: stamped, batch: batchColumn{every: "?1 + {row}"},
		value: func(e *incident.Event, _ int64) driver.Value { return nullID(e.ID) },
		read: func(e *incident.Event, v driver.Value, _ *badRow) error {
			id, ok := v.(int64)
			if !ok {
				return fmt.Errorf("read event: id is %T, not an integer", v)
			}
			e.ID = id
			return nil
		}},
	{name: "uuid",
		value: func(e *incident.Event, _ int64) driver.Value { return e.UUID },
		read: func(e *incident.Event, v driver.Value, bad *badRow) error {
			if v != nil {
				e.UUID = textValue("uuid", v, bad)
			}
			return nil
		}},
	// seq is the incident's sequence number when the row last changed (see
	// Changes); it is not read back.
	{name: "seq", edit: stamped, batch: batchColumn{every: "?6"},
		value: func(_ *incident.Event, seq int64) driver.Value { return seq }},
	{name: "incident_id", asked: true, batch: batchColumn{every: "?2"},
		value: func(e *incident.Event, _ int64) driver.Value { return e.IncidentID },
		read: func(e *incident.Event, v driver.Value, _ *badRow) error {
			id, ok := v.(int64)
			if !ok {
				return fmt.Errorf("read event #%d: incident_id is %T, not an integer", e.ID, v)
			}
			e.IncidentID = id
			return nil
		}},
	{name: "occurred_at", edit: editable,
		value: func(e *incident.Event, _ int64) driver.Value { return formatTime(e.OccurredAt) },
		read: func(e *incident.Event, v driver.Value, bad *badRow) error {
			e.OccurredAt = userTime("occurred_at", v, bad)
			return nil
		}},
	{name: "logged_at", batch: batchColumn{lean: "?3",
		fits: func(e, _ *incident.Event, now time.Time) bool { return e.LoggedAt.Equal(now) }},
		value: func(e *incident.Event, _ int64) driver.Value { return formatTime(e.LoggedAt) },
		read: func(e *incident.Event, v driver.Value, bad *badRow) error {
			e.LoggedAt = userTime("logged_at", v, bad)
			return nil
		}},
	{name: "kind", edit: editable, batch: batchColumn{note: "'" + string(incident.KindNote) + "'",
		noteFits: func(e *incident.Event) bool { return e.Kind == incident.KindNote }},
		value: func(e *incident.Event, _ int64) driver.Value { return string(e.Kind) },
		read: func(e *incident.Event, v driver.Value, bad *badRow) error {
			e.Kind = incident.Kind(textValue("kind", v, bad))
			return nil
		}},
	{name: "text", edit: editable,
		value: func(e *incident.Event, _ int64) driver.Value { return e.Text },
		read: func(e *incident.Event, v driver.Value, bad *badRow) error {
			e.Text = textValue("text", v, bad)
			return nil
		}},
	{name: "author", batch: batchColumn{lean: "?4",
		fits: func(e, head *incident.Event, _ time.Time) bool { return e.Author == head.Author }},
		value: func(e *incident.Event, _ int64) driver.Value { return e.Author },
		read: func(e *incident.Event, v driver.Value, bad *badRow) error {
			e.Author = textValue("author", v, bad)
			return nil
		}},
	{name: "pinned", edit: editable, batch: batchColumn{lean: "FALSE",
		fits: func(e, _ *incident.Event, _ time.Time) bool { return !e.Pinned }},
		value: func(e *incident.Event, _ int64) driver.Value { return e.Pinned },
		read: func(e *incident.Event, v driver.Value, bad *badRow) error {
			e.Pinned = boolValue("pinned", v, bad)
			return nil
		}},
	{name: "source", batch: batchColumn{lean: "?5",
		fits: func(e, head *incident.Event, _ time.Time) bool { return e.Source == head.Source }},
		value: func(e *incident.Event, _ int64) driver.Value { return string(e.Source) },
		read: func(e *incident.Event, v driver.Value, bad *badRow) error {
			e.Source = incident.Source(textValue("source", v, bad))
			return nil
		}},
	{name: "role", batch: batchColumn{lean: "''",
		fits: func(e, _ *incident.Event, _ time.Time) bool { return e.Role == "" }},
		value: func(e *incident.Event, _ int64) driver.Value { return e.Role },
		read: func(e *incident.Event, v driver.Value, bad *badRow) error {
			e.Role = textValue("role", v, bad)
			return nil
		}},
	{name: "person", batch: batchColumn{lean: "''",
		fits: func(e, _ *incident.Event, _ time.Time) bool { return e.Person == "" }},
		value: func(e *incident.Event, _ int64) driver.Value { return e.Person },
		read: func(e *incident.Event, v driver.Value, bad *badRow) error {
			e.Person = textValue("person", v, bad)
			return nil
		}},
	{name: "state", batch: batchColumn{note: "''",
		noteFits: func(e *incident.Event) bool { return e.State == "" }},
		value: func(e *incident.Event, _ int64) driver.Value { return string(e.State) },
		read: func(e *incident.Event, v driver.Value, bad *badRow) error {
			e.State = incident.State(textValue("state", v, bad))
			return nil
		}},
	{name: "milestone", batch: batchColumn{lean: "''",
		fits: func(e, _ *incident.Event, _ time.Time) bool { return e.Milestone == "" }},
		value: func(e *incident.Event, _ int64) driver.Value { return string(e.Milestone) },
		read: func(e *incident.Event, v driver.Value, bad *badRow) error {
			e.Milestone = incident.Milestone(textValue("milestone", v, bad))
			return nil
		}},
	{name: "action_item_id", batch: batchColumn{lean: "NULL",
		fits: func(e, _ *incident.Event, _ time.Time) bool { return e.ActionItemID == 0 }},
		value: func(e *incident.Event, _ int64) driver.Value { return nullID(e.ActionItemID) },
		read: func(e *incident.Event, v driver.Value, bad *badRow) error {
			switch v := v.(type) {
			case int64:
				e.ActionItemID = v
			case nil:
			default:
				bad.add("action_item_id", v, "is not an integer")
			}
			return nil
		}},
	{name: "severity", batch: batchColumn{lean: "0",
		fits: func(e, _ *incident.Event, _ time.Time) bool { return e.Severity == 0 }},
		value: func(e *incident.Event, _ int64) driver.Value { return int64(e.Severity) },
		read: func(e *incident.Event, v driver.Value, bad *badRow) error {
			e.Severity = severityValue("severity", v, bad)
			return nil
		}},
	{name: "previous_severity", batch: batchColumn{lean: "0",
		fits: func(e, _ *incident.Event, _ time.Time) bool { return e.PreviousSeverity == 0 }},
		value: func(e *incident.Event, _ int64) driver.Value { return int64(e.PreviousSeverity) },
		read: func(e *incident.Event, v driver.Value, bad *badRow) error {
			e.PreviousSeverity = severityValue("previous_severity", v, bad)
			return nil
		}},
	{name: "deleted_at", asked: true, edit: stamped, batch: batchColumn{lean: "NULL",
		fits: func(e, _ *incident.Event, _ time.Time) bool { return e.DeletedAt.IsZero() }},
		value: func(e *incident.Event, _ int64) driver.Value { return nullTime(e.DeletedAt) },
		read: func(e *incident.Event, v driver.Value, bad *badRow) error {
			e.DeletedAt = userTime("deleted_at", v, bad)
			return nil
		}},
	// A row is created when it is first updated; created_at is not read back.
	{name: "created_at", edit: stamped, batch: batchColumn{every: "?3"},
		value: func(e *incident.Event, _ int64) driver.Value { return formatTime(e.UpdatedAt) }},
	{name: "updated_at", edit: stamped, batch: batchColumn{every: "?3"},
		value: func(e *incident.Event, _ int64) driver.Value { return formatTime(e.UpdatedAt) },
		read: func(e *incident.Event, v driver.Value, bad *badRow) error {
			e.UpdatedAt = userTime("updated_at", v, bad)
			return nil
		}},
}

// The statements built from eventTable, once.
var (
	eventRead      = eventReaders(false)
	eventSelect    = columnList(eventRead)
	timelineRead   = eventReaders(true)
	timelineSelect = columnList(timelineRead)
	eventInsert    = eventInsertStatement()
	eventEdit      = eventEditStatement()
)

// eventColumnNames lists every column, for an import's INSERT.
func eventColumnNames() string {
	names := make([]string, len(eventTable))
	for i, c := range eventTable {
		names[i] = c.name
	}
	return strings.Join(names, ", ")
}

// eventInsertStatement inserts one event, in eventArgs' order, and returns
// the id the database chose; nothing when its UUID is taken.
func eventInsertStatement() string {
	var names []string
	for _, c := range eventTable {
		if !c.generated {
			names = append(names, c.name)
		}
	}
	return "INSERT INTO events (" + strings.Join(names, ", ") + ") VALUES (" +
		strings.TrimSuffix(strings.Repeat("?, ", len(names)), ", ") + ") ON CONFLICT (uuid) DO NOTHING RETURNING id"
}

// eventReaders are the columns read back, in decodeEvent's order; for the
// timeline query, without the ones it asked for.
func eventReaders(timeline bool) []*eventColumn {
	var out []*eventColumn
	for i := range eventTable {
		if c := &eventTable[i]; c.read != nil && !(timeline && c.asked) {
			out = append(out, c)
		}
	}
	return out
}

// columnList is a SELECT's list of cols.
func columnList(cols []*eventColumn) string {
	names := make([]string, len(cols))
	for i, c := range cols {
		names[i] = c.name
	}
	return strings.Join(names, ", ")
}

// eventEditStatement writes an edit: the editable columns, seq and
// updated_at, in eventEditArgs' order.
func eventEditStatement() string {
	var set []string
	for _, c := range eventTable {
		if edits(&c) {
			set = append(set, c.name+" = ?")
		}
	}
	return "UPDATE events SET " + strings.Join(set, ", ") + " WHERE id = ?"
}

// edits reports whether an edit writes column c.
func edits(c *eventColumn) bool {
	return c.edit == editable || c.name == "updated_at" || c.name == "seq"
}

// eventEditArgs are eventEdit's values for e, written at seq.
func eventEditArgs(e *incident.Event, seq int64) []any {
	var args []any
	for _, c := range eventTable {
		if edits(&c) {
			args = append(args, c.value(e, seq))
		}
	}
	return append(args, e.ID)
}

// eventArgs are eventInsert's values for e, written at seq.
func eventArgs(e *incident.Event, seq int64) []any {
	args := make([]any, 0, len(eventTable))
	for _, c := range eventTable {
		if !c.generated {
			args = append(args, c.value(e, seq))
		}
	}
	return args
}

// eventChanges names the columns whose values differ between old and e,
// by what an edit may do to them.
func eventChanges(old, e *incident.Event) (edited, refused []string) {
	for _, c := range eventTable {
		if c.edit == stamped || c.value(old, 0) == c.value(e, 0) {
			continue
		}
		if c.edit == editable {
			edited = append(edited, c.name)
		} else {
			refused = append(refused, c.name)
		}
	}
	return edited, refused
}

// decodeEvent reads a row of cols (eventRead or timelineRead) into e,
// which it zeroes first. bad is scratch space, reused from row to row:
// decoding 100,000 rows allocates nothing per row of its own.
func decodeEvent(cols []*eventColumn, row []driver.Value, e *incident.Event, bad *badRow) error {
	*e, *bad = incident.Event{}, (*bad)[:0]
	if len(row) != len(cols) {
		return fmt.Errorf("read event: %d columns, want %d", len(row), len(cols))
	}
	for i, c := range cols {
		if err := c.read(e, row[i], bad); err != nil {
			return err
		}
	}
	e.Invalid = bad.values()
	return nil
}

// textValue reads a TEXT column as the driver hands it over.
func textValue(column string, v driver.Value, bad *badRow) string {
	switch v := v.(type) {
	case string:
		return v
	case []byte:
		return string(v)
	}
	bad.add(column, v, "is not text")
	return ""
}

// boolValue reads a flag: SQLite stores an integer, PostgreSQL a boolean.
func boolValue(column string, v driver.Value, bad *badRow) bool {
	switch v := v.(type) {
	case int64:
		return v != 0
	case bool:
		return v
	}
	bad.add(column, v, "is not a flag")
	return false
}

// severityValue reads a severity column: 0 (none) or 1 to 5.
func severityValue(column string, v driver.Value, bad *badRow) incident.Severity {
	n, ok := v.(int64)
	if !ok || (n != 0 && !incident.Severity(n).Valid()) {
		bad.add(column, v, "is not a severity (0, or 1 to 5)")
		return 0
	}
	return incident.Severity(n)
}

// nullID stores a zero id as NULL.
func nullID(id int64) driver.Value {
	if id == 0 {
		return nil
	}
	return id
}
