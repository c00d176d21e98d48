package report

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"scribe/incident"
)

// barWidth is the longest bar of a terminal chart, in cells.
const barWidth = 32

// Text writes the report for a terminal: tables with small bar charts made
// of block characters, readable without colour. It prints no user text.
func Text(w io.Writer, r Report) error {
	var buf bytes.Buffer
	if err := text(&buf, r); err != nil {
		return err
	}
	// The tables' last columns leave trailing blanks a pager or a diff
	// would show.
	lines := strings.Split(buf.String(), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	if _, err := io.WriteString(w, strings.Join(lines, "\n")); err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	return nil
}

func text(w io.Writer, r Report) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	p := func(format string, args ...any) { fmt.Fprintf(tw, format, args...) }
	p("%s\n", r.Heading())
	if line := r.UndatedLine(); line != "" {
		p("\n%s\n", line)
	}
	if r.Incidents == 0 {
		p("\nNo incident began in this window.\n")
		return flush(tw)
	}

	p("\nIncidents by severity\n")
	most := 0
	for _, s := range r.BySeverity {
		most = max(most, s.Count)
	}
	for _, s := range r.BySeverity {
		p("  %s\t%d\t%s\n", s.Severity, s.Count, bar(s.Count, most, barWidth))
	}

	if r.Sparse {
		p("\nIncidents by month (%s; only months with incidents: they span more than %d months)\n", zoneName(r.Zone), MaxFilledMonths)
	} else {
		p("\nIncidents by month (%s)\n", zoneName(r.Zone))
	}
	most = 0
	for _, m := range r.ByMonth {
		most = max(most, m.Count)
	}
	for _, m := range r.ByMonth {
		p("  %s\t%d\t%s\n", m.Month, m.Count, bar(m.Count, most, barWidth))
	}

	p("\nResponse times (█ to the median, ░ on to p90)\n")
	p("  \tmedian\tp90\tmeasured\tmissing\tout of order\t\n")
	var longest time.Duration
	for _, m := range r.Metrics {
		longest = max(longest, m.P90)
	}
	for _, m := range r.Metrics {
		p("  %s\t%s\t%s\t%d\t%d\t%d\t%s\n", m.Kind.Name, durationCell(m, m.Median), durationCell(m, m.P90),
			m.Count, m.Missing, m.OutOfOrder, rangeBar(m, longest, barWidth-8))
	}

	p("\nMedians by severity\n")
	p("  \tincidents")
	for _, k := range Kinds() {
		p("\t%s", strings.ToLower(strings.TrimPrefix(strings.TrimPrefix(k.Name, "Time to "), "Duration of ")))
	}
	p("\t\n")
	for _, s := range r.BySeverity {
		if s.Count == 0 {
			continue
		}
		p("  %s\t%d", s.Severity, s.Count)
		for _, m := range s.Metrics {
			p("\t%s", durationCell(m, m.Median))
		}
		p("\t\n")
	}

	f := r.FollowUps
	p("\nFollow-ups\n")
	p("  opened %d · done %d · won't do %d · open %d · overdue %d\n", f.Opened, f.Done, f.WontDo, f.Open, f.Overdue)
	if rate, ok := f.CompletionRate(); ok {
		p("  completion  %s %s (%d of %d)\n", meter(rate, barWidth), percent(rate), f.Done, f.Opened-f.WontDo)
	} else {
		p("  completion  - (no follow-up to complete)\n")
	}
	if f.Overdue > 0 {
		p("  see them with: scribe followups --overdue\n")
	}
	return flush(tw)
}

func flush(tw *tabwriter.Writer) error {
	if err := tw.Flush(); err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	return nil
}

// Heading says what the report covers, in one line.
func (r Report) Heading() string {
	var window string
	switch {
	case !r.Since.IsZero() && !r.Until.IsZero():
		window = "that began from " + day(r.Since, r.Zone) + " to " + lastDay(r.Until, r.Zone)
	case !r.Since.IsZero():
		window = "that began on or after " + day(r.Since, r.Zone)
	case !r.Until.IsZero():
		window = "that began up to " + lastDay(r.Until, r.Zone)
	default:
		window = "in all"
	}
	return fmt.Sprintf("%s %s", incident.Count(r.Incidents, "incident"), window)
}

// UndatedLine says which incidents the report left out because none of
// their dates can be read; "" when there are none.
func (r Report) UndatedLine() string {
	n := len(r.DateUnreadable)
	if n == 0 {
		return ""
	}
	ids := make([]string, 0, min(n, maxUndatedListed))
	for _, row := range r.DateUnreadable[:min(n, maxUndatedListed)] {
		ids = append(ids, fmt.Sprintf("#%d", row.ID))
	}
	more := ""
	if n > maxUndatedListed {
		more = fmt.Sprintf(" and %d more", n-maxUndatedListed)
	}
	its, show := "their", "scribe show N"
	if n == 1 {
		its, show = "its", fmt.Sprintf("scribe show %d", r.DateUnreadable[0].ID)
	}
	return fmt.Sprintf("Date unreadable: %s not counted (%s%s): none of %s started, detected, declared or creation times can be read from the database; %s says what it holds",
		incident.Count(n, "incident"), strings.Join(ids, ", "), more, its, show)
}

// maxUndatedListed bounds the incidents UndatedLine names.
const maxUndatedListed = 20

func day(t time.Time, loc *time.Location) string { return t.In(loc).Format(incident.DateLayout) }

// lastDay is the last day before an exclusive bound.
func lastDay(until time.Time, loc *time.Location) string {
	return day(until.Add(-time.Nanosecond), loc)
}

func zoneName(loc *time.Location) string {
	if loc == nil {
		return "UTC"
	}
	return loc.String()
}

// durationCell is a metric's value, or "-" when nothing was measured.
func durationCell(m Metric, d time.Duration) string {
	if m.Count == 0 {
		return "-"
	}
	return incident.FormatDuration(d)
}

// bar is n of most as a run of full blocks; anything above zero shows at
// least one, so a count of one is never invisible.
func bar(n, most, width int) string {
	if n <= 0 || most <= 0 {
		return ""
	}
	cells := (n*width + most - 1) / most
	return strings.Repeat("█", min(cells, width))
}

// rangeBar draws a metric as full blocks to its median and light shade on
// to its p90, against the longest p90 of the report.
func rangeBar(m Metric, longest time.Duration, width int) string {
	if m.Count == 0 || longest <= 0 {
		return ""
	}
	cells := func(d time.Duration) int {
		if d <= 0 {
			return 0
		}
		return max(1, int((int64(d)*int64(width)+int64(longest)-1)/int64(longest)))
	}
	med, p90 := cells(m.Median), cells(m.P90)
	return strings.Repeat("█", med) + strings.Repeat("░", max(0, p90-med))
}

// meter is a share as full blocks on a light-shade track.
func meter(rate float64, width int) string {
	full := int(rate*float64(width) + 0.5)
	full = min(max(full, 0), width)
	return strings.Repeat("█", full) + strings.Repeat("░", width-full)
}

func percent(rate float64) string { return fmt.Sprintf("%.0f%%", rate*100) }
