package export

import (
	"fmt"
	"math"
	"time"

	"scribe/incident"
)

// The SVG of the HTML page: the phases as bands on a time axis, the
// milestones as lines, the key events as numbered marks that the list
// under the drawing explains. Every coordinate is computed here; the
// template only places them, and html/template escapes every label.

// svgWidth is the drawing's width in user units; CSS scales it to the page.
const svgWidth = 1000.0

// Vertical layout, in user units.
const (
	svgLabelRow0 = 14.0 // baseline of the first row of milestone labels
	svgLabelStep = 15.0 // between label rows
	svgLabelRows = 3
	svgBandTop   = 58.0
	svgBandH     = 34.0
	svgMarkLane0 = 110.0 // centre of the first lane of event marks
	svgMarkStep  = 20.0
	svgMarkLanes = 2
	svgAxisY     = 142.0
	svgHeight    = 182.0
	svgMarkR     = 8.0
	svgMarginX   = 24.0
)

// htmlTimeline is the drawing.
type htmlTimeline struct {
	Width, Height float64
	BandTop       float64
	BandH         float64
	BandLabelY    float64 // baseline of the labels inside bands
	AxisY         float64
	TickY         float64 // where tick marks end, under the axis
	TickLabelY    float64
	TickDateY     float64
	Bands         []htmlBand
	Milestones    []htmlMilestone
	Marks         []htmlMark
	Ticks         []htmlTick
	Kinds         []phaseKind // the kinds of band drawn, for the legend
	StatusMarks   bool        // some marks are status changes, for the legend
	PinnedMarks   bool        // some marks are pinned events
	Summary       string      // what the drawing shows, for screen readers
}

type htmlBand struct {
	X, W      float64
	Class     string
	Label     string // "" when the band is too narrow to hold it
	LabelX    float64
	Title     string // "Impact, undetected: 17m (09:41–09:58)"
	OpenRight bool
}

type htmlMilestone struct {
	X      float64
	LabelY float64
	Label  string // "Detected 09:58"
	Anchor string // "start" or "end"
	LabelX float64
}

type htmlMark struct {
	X, Y  float64
	N     int
	Class string
	Title string
	// Last is the number of the last key event folded into this mark (0
	// when it marks one event): "4–9" is drawn as a pill from Left, W wide.
	Last    int
	Left, W float64
}

// Label is the number, or numbers, the mark shows.
func (m htmlMark) Label() string {
	if m.Last > m.N {
		return fmt.Sprintf("%d–%d", m.N, m.Last)
	}
	return fmt.Sprint(m.N)
}

type htmlTick struct {
	X     float64
	Label string
	Date  string // set where the day changes, and on the first tick
}

// newHTMLTimeline lays out the drawing, or returns nil when there is
// nothing to place on an axis (no milestone and no key event).
func newHTMLTimeline(ms incident.Milestones, events []keyEvent, loc *time.Location) *htmlTimeline {
	pts := milestonePoints(ms)
	if len(pts) == 0 && len(events) == 0 {
		return nil
	}
	var first, last time.Time
	see := func(t time.Time) {
		if first.IsZero() || t.Before(first) {
			first = t
		}
		if last.IsZero() || t.After(last) {
			last = t
		}
	}
	for _, p := range pts {
		see(p.T)
	}
	for _, e := range events {
		see(e.At)
	}
	if !last.After(first) {
		first, last = first.Add(-5*time.Minute), last.Add(5*time.Minute)
	}
	span := last.Sub(first)
	// A little room on both sides, so marks at the ends are not cut.
	pad := span / 40
	from, to := first.Add(-pad), last.Add(pad)
	tl := &htmlTimeline{Width: svgWidth, Height: svgHeight, BandTop: svgBandTop, BandH: svgBandH, BandLabelY: svgBandTop + svgBandH/2 + 4,
		AxisY: svgAxisY, TickY: svgAxisY + 5, TickLabelY: svgAxisY + 17, TickDateY: svgAxisY + 32}
	x := func(t time.Time) float64 {
		return round1(svgMarginX + (svgWidth-2*svgMarginX)*float64(t.Sub(from))/float64(to.Sub(from)))
	}
	tl.bands(ms, last, loc, x)
	tl.milestones(pts, loc, x)
	tl.marks(events, loc, x)
	tl.Ticks = axisTicks(from, to, loc, x)
	tl.Summary = timelineSummary(pts, len(events), loc)
	return tl
}

func (tl *htmlTimeline) bands(ms incident.Milestones, last time.Time, loc *time.Location, x func(time.Time) float64) {
	seen := map[phaseKind]bool{}
	for _, b := range phaseBands(ms, last) {
		x0, x1 := x(b.From), x(b.To)
		hb := htmlBand{X: x0, W: round1(x1 - x0), Class: string(b.Kind), OpenRight: b.Open}
		dur := incident.FormatDuration(b.To.Sub(b.From))
		hb.Title = fmt.Sprintf("%s: %s (%s–%s)", b.Name, dur, clock(b.From.In(loc)), clock(b.To.In(loc)))
		if b.Open {
			hb.Title = fmt.Sprintf("%s: since %s, ongoing", b.Name, clock(b.From.In(loc)))
		}
		label := b.Name + " · " + dur
		if b.Open {
			label = b.Name + " · ongoing"
		}
		if textWidth(label)+12 <= hb.W {
			hb.Label, hb.LabelX = label, round1(x0+6)
		} else if textWidth(dur)+8 <= hb.W {
			hb.Label, hb.LabelX = dur, round1(x0+4)
		}
		tl.Bands = append(tl.Bands, hb)
		if !seen[b.Kind] {
			seen[b.Kind] = true
		}
	}
	for _, k := range []phaseKind{phaseImpact, phaseResponse, phaseRecovery} {
		if seen[k] {
			tl.Kinds = append(tl.Kinds, k)
		}
	}
}

// milestones places each milestone's line and label, putting labels that
// would overlap on the next row.
func (tl *htmlTimeline) milestones(pts []milestonePoint, loc *time.Location, x func(time.Time) float64) {
	var rows rowPacker
	rows.init(svgLabelRows)
	for _, p := range pts {
		m := htmlMilestone{X: x(p.T), Label: p.M.Label() + " " + clock(p.T.In(loc)), Anchor: "start"}
		w := textWidth(m.Label)
		left, right := m.X+3, m.X+3+w
		if right > svgWidth-4 {
			// Near the right edge the label runs leftwards from its line.
			m.Anchor, left, right = "end", m.X-3-w, m.X-3
		}
		m.LabelX = round1(m.X + 3)
		if m.Anchor == "end" {
			m.LabelX = round1(m.X - 3)
		}
		m.LabelY = svgLabelRow0 + svgLabelStep*float64(rows.place(left, right))
		tl.Milestones = append(tl.Milestones, m)
	}
}

// marks places the key events as numbered circles on two lanes. Where
// both lanes are taken, the event joins the mark drawn last ("4–9"), which
// widens into a pill: a circle drawn over another would hide its number,
// and the list under the drawing would name events the drawing lacks.
func (tl *htmlTimeline) marks(events []keyEvent, loc *time.Location, x func(time.Time) float64) {
	var lanes rowPacker
	lanes.init(svgMarkLanes)
	for _, e := range events {
		cx := x(e.At)
		tl.StatusMarks = tl.StatusMarks || e.Kind == "status"
		tl.PinnedMarks = tl.PinnedMarks || e.Kind == "pinned"
		title := fmt.Sprintf("%d. %s %s", e.N, clock(e.At.In(loc)), e.Text)
		lane, free := lanes.fit(cx-svgMarkR-1, cx+svgMarkR+1)
		if !free && len(tl.Marks) > 0 {
			m := &tl.Marks[len(tl.Marks)-1]
			m.Last, m.Title = e.N, m.Title+"\n"+title
			m.W = math.Max(2*svgMarkR, textWidth(m.Label())*0.8+8)
			m.Left = round1(m.X - m.W/2)
			lanes.ends[lane] = math.Max(lanes.ends[lane], m.X+m.W/2+1)
			continue
		}
		lanes.ends[lane] = cx + svgMarkR + 1
		tl.Marks = append(tl.Marks, htmlMark{X: cx, Y: svgMarkLane0 + svgMarkStep*float64(lane), N: e.N, Class: e.Kind, Title: title})
	}
}

// rowPacker puts intervals on the first row where they do not overlap
// what is already there, or on the row that frees up first.
type rowPacker struct{ ends []float64 }

func (r *rowPacker) init(n int) {
	r.ends = make([]float64, n)
	for i := range r.ends {
		r.ends[i] = math.Inf(-1)
	}
}

// fit finds a row where [left, right] overlaps nothing, without taking
// it; when there is none, free is false and row is the one that frees up
// first.
func (r *rowPacker) fit(left, right float64) (row int, free bool) {
	best := 0
	for i, end := range r.ends {
		if end+4 <= left {
			return i, true
		}
		if end < r.ends[best] {
			best = i
		}
	}
	return best, false
}

func (r *rowPacker) place(left, right float64) int {
	best := 0
	for i, end := range r.ends {
		if end+4 <= left {
			r.ends[i] = right
			return i
		}
		if end < r.ends[best] {
			best = i
		}
	}
	r.ends[best] = right
	return best
}

// textWidth estimates a label's width at 12px in user units; generous,
// so that labels overlap less, never more, than estimated.
func textWidth(s string) float64 { return 7 * float64(len([]rune(s))) }

// tickSteps are the axis steps a reader expects, smallest first.
func tickSteps() []time.Duration {
	const day = 24 * time.Hour
	return []time.Duration{
		time.Minute, 2 * time.Minute, 5 * time.Minute, 10 * time.Minute, 15 * time.Minute, 30 * time.Minute,
		time.Hour, 2 * time.Hour, 3 * time.Hour, 6 * time.Hour, 12 * time.Hour, day, 2 * day, 7 * day, 14 * day, 28 * day,
	}
}

// axisTicks labels the axis every step, about eight times across; the date
// is shown on the first tick and wherever the day changes.
func axisTicks(from, to time.Time, loc *time.Location, x func(time.Time) float64) []htmlTick {
	span := to.Sub(from)
	steps := tickSteps()
	step := steps[len(steps)-1]
	for _, s := range steps {
		if span/s <= 8 {
			step = s
			break
		}
	}
	// Ticks fall on round times in the display zone: midnight-aligned
	// days, whole hours, minutes divisible by the step.
	lf := from.In(loc)
	t := time.Date(lf.Year(), lf.Month(), lf.Day(), 0, 0, 0, 0, loc)
	if step < 24*time.Hour {
		for t.Before(from) {
			t = t.Add(step)
		}
	} else {
		days := int(step / (24 * time.Hour))
		for t.Before(from) {
			t = t.AddDate(0, 0, days)
		}
	}
	var out []htmlTick
	var lastDay string
	for ; !t.After(to) && len(out) < 40; t = nextTick(t, step) {
		lt := t.In(loc)
		tick := htmlTick{X: x(t), Label: clock(lt)}
		if day := lt.Format("Mon 2 Jan"); day != lastDay {
			tick.Date, lastDay = day, day
		}
		if step >= 24*time.Hour {
			tick.Label, tick.Date = lt.Format("Mon 2 Jan"), ""
		}
		out = append(out, tick)
	}
	return out
}

func nextTick(t time.Time, step time.Duration) time.Time {
	if step >= 24*time.Hour {
		return t.AddDate(0, 0, int(step/(24*time.Hour)))
	}
	return t.Add(step)
}

// timelineSummary is the drawing in words.
func timelineSummary(pts []milestonePoint, events int, loc *time.Location) string {
	s := "Incident phases on a time axis"
	if len(pts) > 0 {
		s += ": "
		for i, p := range pts {
			if i > 0 {
				s += ", "
			}
			s += p.M.Label() + " " + clock(p.T.In(loc))
		}
	}
	if events > 0 {
		s += "; " + incident.Count(events, "key event") + " marked"
	}
	return s
}

// round1 keeps coordinates short: a tenth of a unit is below what a screen
// or a printer shows.
func round1(v float64) float64 { return math.Round(v*10) / 10 }
