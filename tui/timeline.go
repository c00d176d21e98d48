package tui

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"github.com/charmbracelet/x/ansi"

	"scribe/incident"
)

// timeline is the Timeline pane: the incident's events, newest at the
// bottom. It keeps the events in a slice and draws only the rows that fit,
// walking from a top index, so a keystroke costs the same in a 100-event
// incident as in a 100,000-event one (bubbles' list paginates over every
// item on each frame, which is why it is not used here).
type timeline struct {
	c      *common
	all    []incident.Event // live events ordered by OccurredAt, then ID
	events []incident.Event // all, or the ones matching query
	query  string           // lower-cased filter text; "" shows everything
	zone   *time.Location
	sel    int // selected index; -1 means none, and the newest rows are shown
	top    int // index of the first visible event
	width  int
	height int

	wrapCache wrapCache
}

// wrapCache holds the selected event's wrapped text.
type wrapCache struct {
	id     int64
	width  int
	height int
	text   string
	lines  []string
}

func newTimeline(c *common) *timeline {
	return &timeline{c: c, sel: -1, zone: time.UTC}
}

func (t *timeline) SetSize(w, h int) {
	t.width, t.height = w, h
	t.ensureVisible()
}

// SetEvents replaces the events (a reload), keeping the selected event and
// the scroll position by event identity, so that a refresh caused by another
// process moves nothing under the user's eyes.
//
// The timeline keeps its own copy: Upsert and Remove change it in place,
// while the snapshot it came from may be read by a running command (the
// preview).
func (t *timeline) SetEvents(evs []incident.Event, zone *time.Location) {
	t.keepPlace(func() {
		t.all, t.zone = slices.Clone(evs), zone
		t.refilter()
	})
}

// SetZone changes the zone times and dates are shown in.
func (t *timeline) SetZone(zone *time.Location) {
	t.keepPlace(func() { t.zone = zone })
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
// and the top row stay on the same events.
func (t *timeline) Upsert(ev incident.Event) {
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

// Select selects the event with id, if present.
func (t *timeline) Select(id int64) {
	for i := len(t.events) - 1; i >= 0; i-- {
		if t.events[i].ID == id {
			t.sel = i
			t.ensureVisible()
			return
		}
	}
}

func (t *timeline) Move(delta int) {
	if len(t.events) == 0 {
		return
	}
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
		t.sel = 0
		t.ensureVisible()
	}
}

func (t *timeline) End() {
	if len(t.events) > 0 {
		t.sel = len(t.events) - 1
		t.ensureVisible()
	}
}

// Clear drops the selection and returns to following the newest events.
func (t *timeline) Clear() bool {
	had := t.sel >= 0
	t.sel = -1
	t.ensureVisible()
	return had
}

func (t *timeline) HelpKeys(k KeyMap) []key.Binding {
	if t.sel >= 0 {
		return []key.Binding{k.Edit, k.Pin, k.Delete, k.Undo, k.Escape}
	}
	return []key.Binding{k.Submit, k.Up, k.NextPane, k.Help}
}

// dayStarts reports whether event i begins a new day in the display zone.
func (t *timeline) dayStarts(i int) bool {
	if i == 0 {
		return true
	}
	y1, m1, d1 := t.events[i-1].OccurredAt.In(t.zone).Date()
	y2, m2, d2 := t.events[i].OccurredAt.In(t.zone).Date()
	return y1 != y2 || m1 != m2 || d1 != d2
}

// rowsFrom is how many rows events top..last take, the first always
// preceded by a date line.
func (t *timeline) fitsFrom(top, last int) bool {
	rows := 0
	for i := top; i <= last; i++ {
		rows += t.rowLines(i)
		if i == top || t.dayStarts(i) {
			rows++
		}
		if rows > t.height {
			return false
		}
	}
	return true
}

// fitTop is the smallest top index that shows event last on the bottom
// row; it walks back at most one screen of events.
func (t *timeline) fitTop(last int) int {
	if last < 0 {
		return 0
	}
	rows := 0 // rows taken by events after the candidate top
	top := last
	for i := last; i >= 0; i-- {
		// As the top, event i needs its own rows and a date line.
		if rows+t.rowLines(i)+1 > t.height && i != last {
			break
		}
		top = i
		rows += t.rowLines(i)
		if t.dayStarts(i) {
			rows++
		}
	}
	return top
}

func (t *timeline) ensureVisible() {
	n := len(t.events)
	if t.sel >= n {
		t.sel = n - 1
	}
	if n == 0 || t.height <= 0 {
		t.top = 0
		return
	}
	if t.sel < 0 {
		t.top = t.fitTop(n - 1)
		return
	}
	if t.top > t.sel || t.top >= n {
		t.top = t.sel
	}
	if !t.fitsFrom(t.top, t.sel) {
		t.top = t.fitTop(t.sel)
	}
}

func (t *timeline) View() string {
	if len(t.events) == 0 && t.query != "" {
		return t.c.styles.Muted.Render(fit(fmt.Sprintf("No event matches %q: /filter alone shows them all.", t.query), t.width))
	}
	if len(t.events) == 0 {
		return t.c.styles.Muted.Render(fit("No events yet: type what happened and press Enter. /help lists the commands.", t.width))
	}
	lines := make([]string, 0, t.height)
	for i := t.top; i < len(t.events) && len(lines) < t.height; i++ {
		if i == t.top || t.dayStarts(i) {
			lines = append(lines, t.dateLine(t.events[i].OccurredAt))
			if len(lines) >= t.height {
				break
			}
		}
		if i == t.sel {
			lines = append(lines, t.selectedRows()...)
			continue
		}
		lines = append(lines, t.row(t.events[i]))
	}
	if len(lines) > t.height {
		lines = lines[:t.height]
	}
	return strings.Join(lines, "\n")
}

// rowLines is how many screen rows event i takes: one, or for the selected
// event its whole text wrapped.
func (t *timeline) rowLines(i int) int {
	if i != t.sel {
		return 1
	}
	return len(t.selectedWrap())
}

// selectedWrap wraps the selected event's text to the text column, so that
// selecting a long line shows all of it (up to a third of the pane). It is
// cached: ensureVisible asks for it on every move.
func (t *timeline) selectedWrap() []string {
	ev := t.events[t.sel]
	text := eventText(ev)
	w := t.textWidth()
	c := &t.wrapCache
	if c.id == ev.ID && c.width == w && c.text == text && c.height == t.height {
		return c.lines
	}
	lines := strings.Split(ansi.Wrap(text, w, " "), "\n")
	if limit := max(t.height/3, 1); len(lines) > limit {
		lines = lines[:limit]
		lines[limit-1] = fit(lines[limit-1]+" …", w)
	}
	*c = wrapCache{id: ev.ID, width: w, height: t.height, text: text, lines: lines}
	return lines
}

// textWidth is the width of the text column.
func (t *timeline) textWidth() int {
	if t.width < 60 {
		return max(t.width-9, 1)
	}
	return max(t.width-19, 1)
}

// selectedRows draws the selected event, reversed, over as many rows as its
// text needs.
func (t *timeline) selectedRows() []string {
	ev := t.events[t.sel]
	p := &t.c.styles.row
	mark, label := marker(ev.Kind)
	if ev.Pinned {
		mark = "★"
	}
	prefix := ev.OccurredAt.In(t.zone).Format("15:04") + "  " + mark + " "
	if t.width >= 60 {
		prefix += padRight(label, 9) + " "
	}
	indent := strings.Repeat(" ", t.width-t.textWidth())
	var out []string
	for k, l := range t.selectedWrap() {
		lead := indent
		if k == 0 {
			lead = prefix
		}
		out = append(out, p.selected.Render(padRight(fit(lead+l, t.width), t.width)))
	}
	return out
}

func (t *timeline) dateLine(at time.Time) string {
	return t.c.styles.row.date.Render(fit(at.In(t.zone).Format("Mon 2 Jan 2006 (MST)"), t.width))
}

// row renders "time  marker kind  text", truncated to the pane's width.
func (t *timeline) row(ev incident.Event) string {
	p := &t.c.styles.row
	clock := ev.OccurredAt.In(t.zone).Format("15:04")
	mark, label := marker(ev.Kind)
	if ev.Pinned {
		mark = "★"
	}
	narrow := t.width < 60
	text := eventText(ev)
	kind := p.kind[ev.Kind]
	markPaint := kind
	if ev.Pinned {
		markPaint = p.pinned
	}
	prefix := p.time.Render(clock) + "  " + markPaint.Render(mark) + " "
	width := 5 + 2 + 2
	if !narrow {
		prefix += kind.Render(padRight(label, 9)) + " "
		width += 10
	}
	body := fit(text, t.width-width)
	if ev.Kind.Structured() {
		body = kind.Render(body)
	} else if ev.Pinned {
		body = p.bold.Render(body)
	}
	return prefix + body
}

// eventText is how a timeline row reads an event, sanitized.
func eventText(ev incident.Event) string {
	text := Sanitize(ev.Text)
	switch ev.Kind {
	case incident.KindStatus:
		state := strings.ToUpper(Sanitize(string(ev.State)))
		if strings.TrimSpace(text) == "" {
			return state
		}
		return state + " — " + text
	case incident.KindRole:
		if strings.TrimSpace(text) == "" {
			return Sanitize(ev.Person) + " is " + Sanitize(incident.RoleTitle(ev.Role))
		}
	}
	return text
}
