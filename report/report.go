package report

import (
	"sort"
	"time"

	"scribe/incident"
)

// Input is one incident with its live action items, as the store reads it.
type Input struct {
	Incident    incident.Incident
	ActionItems []incident.ActionItem
}

// Options choose the window and the clock of a report.
type Options struct {
	// Since and Until bound the window by when incidents began: Since
	// inclusive, Until exclusive; zero means unbounded.
	Since, Until time.Time
	// Zone is where months begin and end; nil means UTC.
	Zone *time.Location
	// Now decides which follow-ups are overdue.
	Now time.Time
	// Policy gives undated follow-ups their deadline.
	Policy incident.FollowUpPolicy
}

// Report is what the arithmetic found: counts, response times and
// follow-ups of the incidents that began inside the window.
type Report struct {
	Since, Until time.Time // as asked; zero when unbounded
	Zone         *time.Location
	Incidents    int
	BySeverity   []SeverityRow // SEV1 to SEV5, all of them, in order
	// ByMonth is every month from the first incident's to the last's when
	// that spans at most MaxFilledMonths (quiet months count 0), else only
	// the months that had incidents (Sparse).
	ByMonth   []MonthRow
	Sparse    bool
	Metrics   []Metric // over all incidents: detect, mitigate, resolve, impact
	FollowUps FollowUps
	Rows      []IncidentRow // the incidents counted, oldest first
	// DateUnreadable are the incidents that cannot be placed in time: the
	// database holds none of their started, detected, declared and
	// creation times in a form scribe can read (see incident.Unreadable).
	// They are counted apart, whatever the window, and in nothing else.
	DateUnreadable []IncidentRow
}

// MaxFilledMonths is the longest span of months the report lists month by
// month, quiet ones included; over a longer span only the months with
// incidents are listed, so that one incident dated decades away from the
// rest cannot fill the report with empty months.
const MaxFilledMonths = 36

// SeverityRow is one severity's count and response times.
type SeverityRow struct {
	Severity incident.Severity
	Count    int
	Metrics  []Metric
}

// MonthRow is one calendar month in the report's zone.
type MonthRow struct {
	Month      string // "2025-06"
	Count      int
	BySeverity [incident.SevLeast]int // index 0 is SEV1
}

// IncidentRow is one incident counted by the report.
type IncidentRow struct {
	ID        int64
	Title     string // as stored: escape it for where it goes
	Severity  incident.Severity
	State     incident.State
	Began     time.Time
	Durations [metricCount]*time.Duration // in Kinds order; nil when not measurable
}

// Build computes the report of the incidents in ins that began inside the
// window. It is a pure function: the same input gives the same report.
func Build(ins []Input, opts Options) Report {
	zone := opts.Zone
	if zone == nil {
		zone = time.UTC
	}
	r := Report{Since: opts.Since, Until: opts.Until, Zone: zone}
	var kept []Input
	for _, in := range ins {
		b := Began(in.Incident)
		if b.IsZero() {
			r.DateUnreadable = append(r.DateUnreadable, incidentRow(in.Incident))
			continue
		}
		if !opts.Since.IsZero() && b.Before(opts.Since) || !opts.Until.IsZero() && !b.Before(opts.Until) {
			continue
		}
		kept = append(kept, in)
	}
	sort.SliceStable(kept, func(i, j int) bool {
		bi, bj := Began(kept[i].Incident), Began(kept[j].Incident)
		if !bi.Equal(bj) {
			return bi.Before(bj)
		}
		return kept[i].Incident.ID < kept[j].Incident.ID
	})
	r.Incidents = len(kept)
	all := make([]incident.Incident, 0, len(kept))
	bySev := make([][]incident.Incident, incident.SevLeast)
	for _, in := range kept {
		inc := in.Incident
		all = append(all, inc)
		if inc.Severity.Valid() {
			bySev[inc.Severity-1] = append(bySev[inc.Severity-1], inc)
		}
		r.Rows = append(r.Rows, incidentRow(inc))
		r.FollowUps.add(in, opts.Policy, opts.Now)
	}
	r.Metrics = metrics(all)
	for s := incident.SevWorst; s <= incident.SevLeast; s++ {
		r.BySeverity = append(r.BySeverity, SeverityRow{Severity: s, Count: len(bySev[s-1]), Metrics: metrics(bySev[s-1])})
	}
	r.ByMonth, r.Sparse = months(all, zone)
	return r
}

// Began is when an incident is placed in time: the first of its started,
// detected and declared milestones that is set, else its creation.
func Began(inc incident.Incident) time.Time {
	for _, m := range []incident.Milestone{incident.MilestoneStarted, incident.MilestoneDetected, incident.MilestoneDeclared} {
		if t, ok := inc.Milestones.Get(m); ok {
			return t
		}
	}
	return inc.CreatedAt
}

func incidentRow(inc incident.Incident) IncidentRow {
	row := IncidentRow{ID: inc.ID, Title: inc.Title, Severity: inc.Severity, State: inc.State, Began: Began(inc)}
	for i, k := range Kinds() {
		row.Durations[i], _ = k.measure(inc.Milestones)
	}
	return row
}

// months counts incidents per calendar month in zone: every month from
// the first incident's to the last's, empty ones included so that a chart
// shows the quiet stretches, when that spans at most MaxFilledMonths; else
// only the months that had incidents (sparse).
func months(incs []incident.Incident, zone *time.Location) (out []MonthRow, sparse bool) {
	if len(incs) == 0 {
		return nil, false
	}
	first, last := Began(incs[0]).In(zone), Began(incs[0]).In(zone)
	for _, inc := range incs[1:] {
		b := Began(inc).In(zone)
		if b.Before(first) {
			first = b
		}
		if b.After(last) {
			last = b
		}
	}
	index := map[string]int{}
	span := (last.Year()-first.Year())*12 + int(last.Month()-first.Month()) + 1
	if sparse = span > MaxFilledMonths; !sparse {
		for m := time.Date(first.Year(), first.Month(), 1, 0, 0, 0, 0, zone); !m.After(last); m = m.AddDate(0, 1, 0) {
			key := m.Format("2006-01")
			index[key] = len(out)
			out = append(out, MonthRow{Month: key})
		}
	}
	for _, inc := range incs {
		key := Began(inc).In(zone).Format("2006-01")
		i, ok := index[key]
		if !ok {
			// Sparse: incs are in order of when they began, so the months
			// come in order too.
			i = len(out)
			index[key] = i
			out = append(out, MonthRow{Month: key})
		}
		row := &out[i]
		row.Count++
		if inc.Severity.Valid() {
			row.BySeverity[inc.Severity-1]++
		}
	}
	return out, sparse
}
