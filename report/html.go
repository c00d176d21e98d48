package report

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"math"
	"strconv"
	"time"

	"scribe/incident"
)

//go:embed templates/report.html.tmpl
var htmlTemplate string

// HTMLOptions tune the HTML page.
type HTMLOptions struct {
	// Generated, when set, is printed as the time the page was made.
	Generated time.Time
}

// HTML writes the report as one self-contained page: inline CSS, charts
// drawn in SVG, no script, nothing fetched from anywhere. Incident titles
// are the only user text; html/template escapes them.
func HTML(w io.Writer, r Report, opts HTMLOptions) error {
	t, err := template.New("report.html.tmpl").Option("missingkey=error").Parse(htmlTemplate)
	if err != nil {
		return fmt.Errorf("parse report template: %w", err)
	}
	if err := t.Execute(w, newHTMLPage(r, opts)); err != nil {
		return fmt.Errorf("render report: %w", err)
	}
	return nil
}

// htmlPage is what the template reads: every number formatted, every
// chart's geometry computed here so the template only places it.
type htmlPage struct {
	Heading    string
	Zone       string
	Generated  string
	Incidents  int
	Cards      []htmlCard
	Severity   htmlChart
	Months     htmlChart
	Legend     []htmlLegend
	Metrics    []htmlMetric
	MetricAxis []htmlTick
	BySeverity []htmlSeverityRow
	Kinds      []string
	FollowUps  FollowUps
	Completion string // "25% (1 of 4)", "" when there is no rate
	Meter      float64
	Rows       []htmlIncident
	Method     string
	Sparse     bool   // the month chart shows only months with incidents
	Undated    string // the incidents left out because no date of theirs can be read
}

type htmlCard struct{ Label, Value, Note string }

// htmlChart is a bar chart's box and bars, in SVG user units.
type htmlChart struct {
	Width, Height int
	AxisY         float64
	Bars          []htmlBar
	Labels        []htmlText
}

type htmlBar struct {
	X, Y, W, H float64
	Class      string // sev1 … sev5, or bar
	Title      string // the tooltip: "SEV2: 3 incidents"
}

type htmlText struct {
	X, Y   float64
	Text   string
	Anchor string
}

type htmlLegend struct{ Class, Label string }

type htmlMetric struct {
	Name                    string
	Median, P90, Min, Max   string
	Measured, Missing, Out  int
	MedianWidth, P90Width   float64 // percent of the widest p90
	HasValue                bool
	MedianTitle, RangeTitle string
}

type htmlTick struct {
	X     float64 // percent
	Label string
}

type htmlSeverityRow struct {
	Label   string
	Class   string
	Count   int
	Medians []string
}

type htmlIncident struct {
	ID        int64
	Title     string
	Severity  string
	Class     string
	State     string
	Began     string
	Durations []string
}

func newHTMLPage(r Report, opts HTMLOptions) htmlPage {
	p := htmlPage{Heading: r.Heading(), Zone: zoneName(r.Zone), Incidents: r.Incidents, Method: PercentileMethod, FollowUps: r.FollowUps,
		Sparse: r.Sparse, Undated: r.UndatedLine()}
	if !opts.Generated.IsZero() {
		p.Generated = opts.Generated.In(r.Zone).Format("2006-01-02 15:04 MST")
	}
	for _, k := range Kinds() {
		p.Kinds = append(p.Kinds, k.Name)
	}
	p.cards(r)
	p.Severity = severityChart(r)
	p.Months = monthChart(r)
	for s := incident.SevWorst; s <= incident.SevLeast; s++ {
		p.Legend = append(p.Legend, htmlLegend{Class: sevClass(s), Label: s.String()})
	}
	p.metrics(r)
	for _, s := range r.BySeverity {
		if s.Count == 0 {
			continue
		}
		row := htmlSeverityRow{Label: s.Severity.String(), Class: sevClass(s.Severity), Count: s.Count}
		for _, m := range s.Metrics {
			row.Medians = append(row.Medians, durationCell(m, m.Median))
		}
		p.BySeverity = append(p.BySeverity, row)
	}
	if rate, ok := r.FollowUps.CompletionRate(); ok {
		p.Completion = fmt.Sprintf("%s (%d of %d)", percent(rate), r.FollowUps.Done, r.FollowUps.Opened-r.FollowUps.WontDo)
		p.Meter = round1(rate * 100)
	}
	for _, row := range r.Rows {
		hi := htmlIncident{ID: row.ID, Title: incident.PlainText(row.Title), Severity: row.Severity.String(),
			Class: sevClass(row.Severity), State: string(row.State), Began: row.Began.In(r.Zone).Format("2006-01-02 15:04")}
		for _, d := range row.Durations {
			if d == nil {
				hi.Durations = append(hi.Durations, "–")
			} else {
				hi.Durations = append(hi.Durations, incident.FormatDuration(*d))
			}
		}
		p.Rows = append(p.Rows, hi)
	}
	return p
}

func (p *htmlPage) cards(r Report) {
	p.Cards = append(p.Cards, htmlCard{Label: "Incidents", Value: strconv.Itoa(r.Incidents)})
	for _, m := range r.Metrics {
		if m.Kind.Key != "time_to_mitigate" && m.Kind.Key != "time_to_resolve" {
			continue
		}
		c := htmlCard{Label: "Median " + lowerFirst(m.Kind.Name), Value: durationCell(m, m.Median)}
		c.Note = fmt.Sprintf("%d measured", m.Count)
		if n := m.Missing + m.OutOfOrder; n > 0 {
			c.Note += fmt.Sprintf(", %d without the milestones", n)
		}
		p.Cards = append(p.Cards, c)
	}
	f := r.FollowUps
	c := htmlCard{Label: "Follow-ups done", Value: "–", Note: fmt.Sprintf("%d open, %d overdue", f.Open, f.Overdue)}
	if rate, ok := f.CompletionRate(); ok {
		c.Value = percent(rate)
	}
	p.Cards = append(p.Cards, c)
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return string(s[0]|0x20) + s[1:]
}

func sevClass(s incident.Severity) string {
	if !s.Valid() {
		return "sev5"
	}
	return "sev" + strconv.Itoa(int(s))
}

// severityChart is horizontal bars, one per severity.
func severityChart(r Report) htmlChart {
	const rowH, left, width = 28.0, 56.0, 480.0
	c := htmlChart{Width: int(width), Height: int(rowH*float64(len(r.BySeverity)) + 8)}
	most := 0
	for _, s := range r.BySeverity {
		most = max(most, s.Count)
	}
	span := width - left - 40
	for i, s := range r.BySeverity {
		y := 4 + rowH*float64(i)
		w := 0.0
		if most > 0 {
			w = span * float64(s.Count) / float64(most)
		}
		c.Labels = append(c.Labels, htmlText{X: 0, Y: y + 18, Text: s.Severity.String(), Anchor: "start"})
		c.Bars = append(c.Bars, htmlBar{X: left, Y: y + 4, W: round1(w), H: rowH - 10, Class: sevClass(s.Severity),
			Title: fmt.Sprintf("%s: %s", s.Severity, incident.Count(s.Count, "incident"))})
		c.Labels = append(c.Labels, htmlText{X: round1(left + w + 6), Y: y + 18, Text: strconv.Itoa(s.Count), Anchor: "start"})
	}
	return c
}

// monthChart is one column per month, stacked by severity.
func monthChart(r Report) htmlChart {
	const height, top, bottom, colMax = 200.0, 16.0, 36.0, 48.0
	n := len(r.ByMonth)
	width := 480.0
	if n > 0 {
		width = max(width, float64(n)*24+20)
	}
	c := htmlChart{Width: int(width), Height: int(height), AxisY: height - bottom}
	if n == 0 {
		return c
	}
	most := 0
	for _, m := range r.ByMonth {
		most = max(most, m.Count)
	}
	step := (width - 20) / float64(n)
	colW := min(colMax, step*0.7)
	plot := height - top - bottom
	labelEvery := max(1, n/12)
	for i, m := range r.ByMonth {
		x := 10 + step*float64(i) + (step-colW)/2
		y := height - bottom
		for s := len(m.BySeverity) - 1; s >= 0; s-- {
			k := m.BySeverity[s]
			if k == 0 {
				continue
			}
			h := plot * float64(k) / float64(most)
			y -= h
			sev := incident.Severity(s + 1)
			c.Bars = append(c.Bars, htmlBar{X: round1(x), Y: round1(y), W: round1(colW), H: round1(h), Class: sevClass(sev),
				Title: fmt.Sprintf("%s: %d %s", m.Month, k, sev)})
		}
		if m.Count > 0 {
			c.Labels = append(c.Labels, htmlText{X: round1(x + colW/2), Y: round1(y - 4), Text: strconv.Itoa(m.Count), Anchor: "middle"})
		}
		if i%labelEvery == 0 {
			c.Labels = append(c.Labels, htmlText{X: round1(x + colW/2), Y: height - bottom + 16, Text: m.Month, Anchor: "middle"})
		}
	}
	return c
}

// metrics lays out the response-time rows: a bar to the median, a lighter
// one on to p90, against the report's widest p90.
func (p *htmlPage) metrics(r Report) {
	var longest time.Duration
	for _, m := range r.Metrics {
		longest = max(longest, m.P90)
	}
	for _, m := range r.Metrics {
		hm := htmlMetric{Name: m.Kind.Name, Measured: m.Count, Missing: m.Missing, Out: m.OutOfOrder,
			Median: durationCell(m, m.Median), P90: durationCell(m, m.P90), Min: durationCell(m, m.Min), Max: durationCell(m, m.Max)}
		if m.Count > 0 && longest > 0 {
			hm.HasValue = true
			hm.MedianWidth = round1(100 * float64(m.Median) / float64(longest))
			hm.P90Width = round1(100 * float64(m.P90) / float64(longest))
			hm.MedianTitle = "median " + hm.Median
			hm.RangeTitle = "p90 " + hm.P90
		}
		p.Metrics = append(p.Metrics, hm)
	}
	if longest > 0 {
		for _, f := range []float64{0, 0.25, 0.5, 0.75, 1} {
			p.MetricAxis = append(p.MetricAxis, htmlTick{X: f * 100, Label: incident.FormatDuration(time.Duration(f * float64(longest)))})
		}
	}
}

// round1 keeps SVG coordinates short: a tenth of a unit is below what a
// screen or a printer shows.
func round1(x float64) float64 { return math.Round(x*10) / 10 }
