package tui

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"scribe/incident"
)

// timeline is the Timeline pane: the incident's events, newest at the
// bottom. It keeps the events in a slice and draws only the rows that fit,
// walking from a top index, so a keystroke costs the same in a 100-event
// incident as in a 100,000-event one (bubbles' list paginates over every
// item on each frame, which is why it is not used here).
type timeline struct {
	c      *common
	h      host
	keys   timelineKeys
	all    []incident.Event // live events ordered by OccurredAt, then ID
	events []incident.Event // all, or the ones matching query
	query  string           // lower-cased filter text; "" shows everything
	zone   *time.Location
	sel    int  // selected index; -1 means none, and the newest rows are shown
	top    int  // index of the first visible event
	whole  bool // the selected event is shown whole, with who wrote it when
	width  int
	height int

	wrapCache wrapCache
}

// timelineKeys are the Timeline's bindings; the row keys are on only while
// a row is selected.
type timelineKeys struct {
	Up, Down, PageUp, PageDown, Home, End key.Binding
	Show, Edit, Pin, Delete, Undo, Escape key.Binding
}

func newTimeline(c *common, h host) *timeline {
	k := c.keys
	t := &timeline{c: c, h: h, sel: -1, zone: time.UTC, keys: timelineKeys{
		Up: rebind(k.Up, "select"), Down: k.Down, PageUp: k.PageUp, PageDown: k.PageDown,
		Home: rebind(k.Home, "first event"), End: rebind(k.End, "last event"),
		Show:   rebind(k.Show, "show whole"),
		Edit:   rebind(k.Edit, "edit"),
		Pin:    rebind(k.Pin, "pin"),
		Delete: rebind(k.Delete, "delete"),
		Undo:   rebind(k.Undo, "undo"),
		Escape: rebind(k.Escape, "unselect"),
	}}
	t.syncKeys()
	return t
}

func (t *timeline) Title() string {
	if t.query != "" {
		return "Timeline (" + clip(t.query) + ")"
	}
	return "Timeline"
}

func (t *timeline) ShortHelp() []key.Binding {
	k := &t.keys
	return []key.Binding{k.Edit, k.Pin, k.Delete, k.Show, k.Undo, k.Escape, k.Up}
}

func (t *timeline) FullHelp() [][]key.Binding {
	k := &t.keys
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Home, k.End},
		{k.Show, k.Edit, k.Pin, k.Delete, k.Undo, k.Escape},
	}
}

// syncKeys turns the row keys on while a row is selected.
func (t *timeline) syncKeys() {
	k := &t.keys
	selected := t.sel >= 0
	for _, b := range []*key.Binding{&k.Show, &k.Edit, &k.Pin, &k.Delete, &k.Undo, &k.Escape, &k.Down} {
		b.SetEnabled(selected)
	}
	any := len(t.events) > 0
	for _, b := range []*key.Binding{&k.Up, &k.PageUp, &k.PageDown, &k.Home, &k.End} {
		b.SetEnabled(any)
	}
	if selected {
		k.Up.SetHelp("↑", "select earlier")
	} else {
		k.Up.SetHelp("↑", "select")
	}
}

func (t *timeline) Update(msg tea.Msg) tea.Cmd {
	m, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	defer t.syncKeys()
	k := &t.keys
	switch {
	case key.Matches(m, k.Up):
		t.Move(-1)
	case key.Matches(m, k.Down):
		t.Move(1)
	case key.Matches(m, k.PageUp):
		t.Move(-t.PageSize())
	case key.Matches(m, k.PageDown):
		t.Move(t.PageSize())
	case key.Matches(m, k.Home):
		t.Home()
	case key.Matches(m, k.End):
		t.End()
	case key.Matches(m, k.Escape):
		// Folded and unselected at once: after Esc, letters are text.
		t.setWhole(false)
		t.Clear()
	case key.Matches(m, k.Undo):
		return t.h.undoLast()
	default:
		return t.rowKey(m)
	}
	return nil
}

// rowKey acts on the selected event.
func (t *timeline) rowKey(m tea.KeyPressMsg) tea.Cmd {
	ev, ok := t.Selected()
	if !ok {
		return nil
	}
	k := &t.keys
	if pendingLine(ev) && (key.Matches(m, k.Edit) || key.Matches(m, k.Pin) || key.Matches(m, k.Delete)) {
		return t.h.info(notYet)
	}
	switch {
	case key.Matches(m, k.Show):
		t.setWhole(!t.whole)
	case key.Matches(m, k.Edit):
		t.edit(ev)
	case key.Matches(m, k.Pin):
		return t.h.write("", pinWrite(ev))
	case key.Matches(m, k.Delete):
		// The selection goes: a second d must never delete the row that
		// slid into its place without the user choosing it.
		t.Clear()
		return t.h.write("", deleteWrite(ev))
	}
	return nil
}

func (t *timeline) setWhole(on bool) {
	t.whole = on
	t.ensureVisible()
}

func (t *timeline) SetSize(w, h int) {
	t.width, t.height = w, h
	t.ensureVisible()
}

// SetData shows a (re)loaded incident, keeping the selected event and the
// scroll position by event identity, so that a refresh caused by another
// process moves nothing under the user's eyes.
//
// The timeline keeps its own copy: Upsert and Remove change it in place,
// while the snapshot it came from may be read by a running command (the
// preview).
func (t *timeline) SetData(d paneData) {
	t.keepPlace(func() {
		t.all, t.zone = slices.Clone(d.snap.Events), d.zone
		t.refilter()
	})
}

// indexOf finds an event by id, falling back to the nearest valid index to
// fallback when it is gone.
func (t *timeline) indexOf(id int64, fallback int) int {
	for i := range t.events {
		if t.events[i].ID == id {
			return i
		}
	}
	if len(t.events) == 0 {
		return -1
	}
	return min(max(fallback, 0), len(t.events)-1)
}

// Upsert puts one event in its place (after a write returned), replacing
// the copy with the same id if a reload already brought it. The selection
// and the top row stay on the same events. It reports whether the event
// is shown (the filter may hide it).
func (t *timeline) Upsert(ev incident.Event) bool {
	t.keepPlace(func() {
		t.all = withoutEvent(t.all, ev.ID)
		if !ev.Deleted() {
			i := sort.Search(len(t.all), func(i int) bool {
				e := t.all[i]
				return e.OccurredAt.After(ev.OccurredAt) || e.OccurredAt.Equal(ev.OccurredAt) && e.ID > ev.ID
			})
			t.all = slices.Insert(t.all, i, ev)
		}
		t.refilter()
	})
	return ev.Deleted() || t.query == "" || t.matches(ev)
}

// Remove drops an event (after a delete returned).
func (t *timeline) Remove(id int64) {
	t.keepPlace(func() {
		t.all = withoutEvent(t.all, id)
		t.refilter()
	})
}

func withoutEvent(evs []incident.Event, id int64) []incident.Event {
	for i := range evs {
		if evs[i].ID == id {
			return slices.Delete(evs, i, i+1)
		}
	}
	return evs
}

// Filter shows only the events whose text, kind or people contain q (any
// case); "" shows them all again. It costs one pass over the timeline, once.
func (t *timeline) Filter(q string) {
	t.keepPlace(func() {
		t.query = strings.ToLower(strings.TrimSpace(q))
		t.refilter()
	})
}

func (t *timeline) refilter() {
	if t.query == "" {
		t.events = t.all
		return
	}
	t.events = nil
	for _, e := range t.all {
		if t.matches(e) {
			t.events = append(t.events, e)
		}
	}
}

func (t *timeline) matches(e incident.Event) bool {
	for _, s := range []string{e.Text, string(e.Kind), e.Person, e.Author, string(e.State), string(e.Milestone)} {
		if strings.Contains(strings.ToLower(s), t.query) {
			return true
		}
	}
	return false
}

// keepPlace runs change on the events and then finds the selected and top
// events again by id; a selected event that is gone leaves the selection on
// its neighbour.
func (t *timeline) keepPlace(change func()) {
	defer t.syncKeys()
	var selID, topID int64
	if t.sel >= 0 && t.sel < len(t.events) {
		selID = t.events[t.sel].ID
	}
	if t.top < len(t.events) {
		topID = t.events[t.top].ID
	}
	change()
	if t.sel >= 0 {
		t.sel = t.indexOf(selID, t.sel)
	}
	if topID != 0 {
		t.top = t.indexOf(topID, t.top)
	}
	t.ensureVisible()
}

// Selected returns the selected event.
func (t *timeline) Selected() (incident.Event, bool) {
	if t.sel < 0 || t.sel >= len(t.events) {
		return incident.Event{}, false
	}
	return t.events[t.sel], true
}

func (t *timeline) Move(delta int) {
	if len(t.events) == 0 {
		return
	}
	t.whole = false
	if t.sel < 0 {
		// The first ↑ selects the newest event.
		t.sel = len(t.events)
		if delta > 0 {
			return
		}
	}
	t.sel = min(max(t.sel+delta, 0), len(t.events)-1)
	t.ensureVisible()
}

func (t *timeline) PageSize() int { return max(t.height-2, 1) }

func (t *timeline) Home() {
	if len(t.events) > 0 {
		t.sel, t.whole = 0, false
		t.ensureVisible()
	}
}

func (t *timeline) End() {
	if len(t.events) > 0 {
		t.sel, t.whole = len(t.events)-1, false
		t.ensureVisible()
	}
}

// Clear drops the selection and returns to following the newest events.
func (t *timeline) Clear() {
	t.sel, t.whole = -1, false
	t.ensureVisible()
	t.syncKeys()
}

// reopen corrects event t again, unless it is gone or not yet in the
// team database.
func (t *timeline) reopen(f fixTarget, snap *incident.Snapshot) bool {
	if f.Kind != fixEvent {
		return false
	}
	for _, e := range snap.Events {
		if e.ID == f.ID && !e.Deleted() && !pendingLine(e) {
			t.edit(e)
			return true
		}
	}
	return false
}

// edit puts the selected event into the input as "WHEN text" for
// correction; the time is written with its date when it is not today.
func (t *timeline) edit(ev incident.Event) {
	at := ev.OccurredAt.In(t.zone)
	now := t.h.now().In(t.zone)
	layout := "15:04"
	if y, m, d := at.Date(); y != now.Year() || m != now.Month() || d != now.Day() {
		layout = "2006-01-02 15:04"
	} else if back, err := incident.ParseWhen(at.Format(layout), now, t.zone); err != nil || !back.Equal(at.Truncate(time.Minute)) {
		// The clock alone would read back as another instant (this
		// morning's 02:00 at 15:30 is tomorrow's, the nearest, and
		// refused): the date goes in front, so a correction of the text
		// alone saves.
		layout = "2006-01-02 15:04"
	}
	t.h.correct(correction{
		prompt: "edit › ",
		text:   at.Format(layout) + " " + Sanitize(ev.Text),
		hint:   "WHEN text: the time grammar of logging",
		save:   func(line string) (tea.Cmd, error) { return t.saveEdit(ev, line) },
		target: fixTarget{Kind: fixEvent, ID: ev.ID},
	})
}

// saveEdit saves a correction typed as "[WHEN] text". A time left as it
// was prefilled keeps the event's exact time (seconds included); a time
// ahead of now is refused, and one on another day is confirmed with its
// date.
func (t *timeline) saveEdit(orig incident.Event, line string) (tea.Cmd, error) {
	now, zone := t.h.now(), t.zone
	at := orig.OccurredAt
	t0, text, err := leadingTime(strings.TrimSpace(line), now, zone)
	if err != nil {
		return nil, err
	}
	if !t0.IsZero() && !t0.Equal(orig.OccurredAt.Truncate(time.Minute)) {
		at = t0
	}
	if text == "" && !orig.Kind.Structured() {
		return nil, incident.Errorf(incident.EINVALID, "the text is empty: to remove the event press esc, select it and press d")
	}
	return t.h.write(line, func(ctx context.Context, st Store) (change, error) {
		ev, err := st.EditEvent(ctx, orig.ID, func(e *incident.Event) error {
			e.OccurredAt, e.Text = at, text
			return nil
		})
		if err != nil {
			return change{}, err
		}
		return change{what: "event corrected: " + when(ev.OccurredAt, now, zone), event: &ev, undo: undoEdit(orig)}, nil
	}), nil
}

// pinWrite pins or unpins an event.
func pinWrite(orig incident.Event) writeFunc {
	return func(ctx context.Context, st Store) (change, error) {
		ev, err := st.EditEvent(ctx, orig.ID, func(e *incident.Event) error {
			e.Pinned = !orig.Pinned
			return nil
		})
		if err != nil {
			return change{}, err
		}
		what := "pinned"
		if !ev.Pinned {
			what = "unpinned"
		}
		return change{what: what, event: &ev, undo: undoEdit(orig)}, nil
	}
}

// deleteWrite soft-deletes an event; undo brings it back.
func deleteWrite(orig incident.Event) writeFunc {
	return func(ctx context.Context, st Store) (change, error) {
		if err := st.DeleteEvent(ctx, orig.ID); err != nil {
			return change{}, err
		}
		what := fmt.Sprintf("deleted %q · ctrl+z or /undo brings it back", clip(eventText(orig)))
		return change{what: what, removed: orig.ID, undo: undoDelete(orig)}, nil
	}
}
