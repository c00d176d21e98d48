package tui

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"

	"scribe/incident"
)

// A timeline row is "15:04  ▲ milestone text — author": the clock, a gap,
// the kind's marker, the kind's label (from narrowWidth columns up), then
// the text, which a selected row wraps under itself.
const (
	clockCols   = 5  // "15:04"
	markCols    = 4  // two spaces, the marker, a space
	labelCols   = 10 // the kind label padded to 9, and a space
	narrowWidth = 60 // below this many columns, rows drop the kind label
)

// labels reports whether rows show the kind label.
func (t *timeline) labels() bool { return t.width >= narrowWidth }

// textWidth is the width of the text column.
func (t *timeline) textWidth() int {
	prefix := clockCols + markCols
	if t.labels() {
		prefix += labelCols
	}
	return max(t.width-prefix, 1)
}

// wrapCache holds the selected event's wrapped text.
type wrapCache struct {
	id     int64
	width  int
	height int
	whole  bool
	text   string
	lines  []string
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

// fitsFrom reports whether events top..last fit the pane, the first always
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
// selecting a long line shows all of it: up to a third of the pane, or the
// whole pane (with who wrote it, when and from where) after enter. It is
// cached: ensureVisible asks for it on every move.
func (t *timeline) selectedWrap() []string {
	ev := t.events[t.sel]
	text := eventText(ev) + t.byline(ev) + unreadableNote(ev.Invalid)
	w := t.textWidth()
	c := &t.wrapCache
	if c.id == ev.ID && c.width == w && c.text == text && c.height == t.height && c.whole == t.whole {
		return c.lines
	}
	lines := strings.Split(ansi.Wrap(text, w, " "), "\n")
	limit := max(t.height/3, 1)
	if t.whole {
		lines = append(lines, t.details(ev))
		limit = max(t.height-1, 1)
	}
	if len(lines) > limit {
		lines = lines[:limit]
		lines[limit-1] = fit(lines[limit-1]+" …", w)
	}
	*c = wrapCache{id: ev.ID, width: w, height: t.height, whole: t.whole, text: text, lines: lines}
	return lines
}

// details is the line under an event shown whole.
func (t *timeline) details(ev incident.Event) string {
	parts := []string{"#" + fmt.Sprint(ev.ID)}
	if ev.Author != "" {
		parts = append(parts, "by "+Sanitize(ev.Author))
	}
	if !ev.LoggedAt.IsZero() {
		parts = append(parts, "typed "+ev.LoggedAt.In(t.zone).Format("Mon 2 Jan 15:04:05"))
	}
	if ev.Source != "" {
		parts = append(parts, "from "+Sanitize(string(ev.Source)))
	}
	if ev.Pinned {
		parts = append(parts, "pinned")
	}
	return "(" + strings.Join(parts, " · ") + " · esc closes)"
}

// author is who wrote a line someone else wrote; "" for the user's own.
func (t *timeline) author(ev incident.Event) string {
	if ev.Author == "" || ev.Author == t.c.opts.Author {
		return ""
	}
	return Sanitize(ev.Author)
}

// byline names the author of a line someone else wrote.
func (t *timeline) byline(ev incident.Event) string {
	if a := t.author(ev); a != "" {
		return " — " + a
	}
	return ""
}

// selectedRows draws the selected event, reversed, over as many rows as its
// text needs.
func (t *timeline) selectedRows() []string {
	ev := t.events[t.sel]
	p := &t.c.styles.row
	mark, label, _ := rowMarker(ev)
	if ev.Pinned {
		mark = "★"
	}
	if pendingLine(ev) {
		mark = "⋯"
	}
	if len(ev.Invalid) > 0 {
		mark = "⚠"
	}
	prefix := t.clock(ev) + "  " + mark + " "
	if t.labels() {
		prefix += padRight(label, labelCols-1) + " "
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
	if at.IsZero() {
		return t.c.styles.row.date.Render(fit(unreadableDay, t.width))
	}
	return t.c.styles.row.date.Render(fit(at.In(t.zone).Format("Mon 2 Jan 2006 (MST)"), t.width))
}

// An event whose stored time scribe cannot read (a year-10000 value an
// older scribe wrote, a time typed into the file by hand) reads as the
// zero time: it is drawn under unreadableDay at unreadableClock, marked ⚠,
// and selecting it shows what the database holds, never 31 December of
// year 0 in local mean time.
const (
	unreadableDay   = "Time unreadable"
	unreadableClock = "--:--"
)

// clock is the row's time of day.
func (t *timeline) clock(ev incident.Event) string {
	if ev.OccurredAt.IsZero() {
		return unreadableClock
	}
	return ev.OccurredAt.In(t.zone).Format("15:04")
}

// unreadableNote says what of a row could not be read, with the raw
// values; "" for a row read whole.
func unreadableNote(u incident.Unreadable) string {
	if len(u) == 0 {
		return ""
	}
	parts := make([]string, len(u))
	for i, v := range u {
		parts[i] = v.String()
	}
	return "  ⚠ unreadable: " + Sanitize(strings.Join(parts, "; "))
}

// row renders "time  marker kind  text — author", cut to the pane's width;
// the author stays in view however long the text. It writes into one
// builder: the timeline draws a screenful of rows every frame.
func (t *timeline) row(ev incident.Event) string {
	p := &t.c.styles.row
	mark, label, paintAs := rowMarker(ev)
	kind := p.kind[paintAs]
	markPaint := kind
	if ev.Pinned {
		mark, markPaint = "★", p.pinned
	}
	if pendingLine(ev) {
		// Not in the team database yet: kept in the outbox.
		mark, markPaint = "⋯", p.time
	}
	if len(ev.Invalid) > 0 {
		mark, markPaint = "⚠", p.time
	}
	var b strings.Builder
	b.Grow(t.width + 96)
	p.time.write(&b, t.clock(ev))
	b.WriteString("  ")
	markPaint.write(&b, mark)
	b.WriteByte(' ')
	if t.labels() {
		kind.write(&b, padRight(label, labelCols-1))
		b.WriteByte(' ')
	}
	room := t.textWidth()
	author := t.author(ev)
	by := 0
	if author != "" {
		by = cells(author) + 3 // " — "
		if by >= room/2 {
			author, by = "", 0
		}
	}
	body := fit(eventText(ev), room-by)
	switch {
	case paintAs.Structured():
		kind.write(&b, body)
	case ev.Pinned:
		p.bold.write(&b, body)
	default:
		b.WriteString(body)
	}
	if author != "" {
		b.WriteString(p.time.open)
		b.WriteString(" — ")
		b.WriteString(author)
		b.WriteString(p.time.close)
	}
	return b.String()
}

// rowMarker is the marker and label a row shows, and the kind whose colour
// it takes.
func rowMarker(ev incident.Event) (mark, label string, paintAs incident.Kind) {
	mark, label = marker(ev.Kind)
	return mark, label, ev.Kind
}

// eventText is how a timeline row reads an event, sanitized.
func eventText(ev incident.Event) string {
	switch ev.Kind {
	case incident.KindStatus:
		return Sanitize(incident.StatusText(ev))
	case incident.KindSeverity:
		return Sanitize(severityText(ev))
	case incident.KindRole:
		if strings.TrimSpace(ev.Text) == "" {
			return Sanitize(ev.Person) + " is " + Sanitize(incident.RoleTitle(ev.Role))
		}
	}
	return Sanitize(ev.Text)
}

// severityText is a severity event in a row's few words: "SEV3 → SEV2 —
// reason"; a correction made after the incident was resolved says so (the
// row's time is the incident's beginning, where corrections are dated).
func severityText(ev incident.Event) string {
	s := ev.Severity.String()
	if ev.PreviousSeverity.Valid() {
		s = ev.PreviousSeverity.String() + " → " + s
	}
	if ev.Corrected() {
		s += ", corrected after the incident was resolved"
	}
	if reason := strings.TrimSpace(ev.Text); reason != "" {
		s += " — " + reason
	}
	return s
}
