package report

import (
	"sort"
	"time"

	"scribe/incident"
)

// MetricKind is one response time measured across incidents.
type MetricKind struct {
	Key  string // "time_to_mitigate", the JSON key
	Name string // "Time to mitigate"
	// begins and ends are the milestones the metric may start and end at,
	// preferred first: with none of either set, the incident is counted
	// in Missing rather than as zero.
	begins, ends []incident.Milestone
	pick         func(incident.Metrics) *time.Duration
}

// metricCount is the number of metric kinds, a constant so rows can hold
// an array.
const metricCount = 4

// Kinds are the response times a report measures, in order, defined as the
// postmortem defines them (incident.Milestones.Metrics): from the start of
// impact (or, when that is unknown, detection) to detection, mitigation
// and resolution, and the duration of impact (started to mitigated, else
// resolved).
func Kinds() [metricCount]MetricKind {
	started, detected := incident.MilestoneStarted, incident.MilestoneDetected
	mitigated, resolved := incident.MilestoneMitigated, incident.MilestoneResolved
	return [metricCount]MetricKind{
		{"time_to_detect", "Time to detect", []incident.Milestone{started}, []incident.Milestone{detected},
			func(m incident.Metrics) *time.Duration { return m.TimeToDetect }},
		{"time_to_mitigate", "Time to mitigate", []incident.Milestone{started, detected}, []incident.Milestone{mitigated},
			func(m incident.Metrics) *time.Duration { return m.TimeToMitigate }},
		{"time_to_resolve", "Time to resolve", []incident.Milestone{started, detected}, []incident.Milestone{resolved},
			func(m incident.Metrics) *time.Duration { return m.TimeToResolve }},
		{"impact_duration", "Duration of impact", []incident.Milestone{started}, []incident.Milestone{mitigated, resolved},
			func(m incident.Metrics) *time.Duration { return m.ImpactDuration }},
	}
}

// measure returns the metric of one incident; when it cannot be measured,
// missing says whether that is because a milestone is unset (rather than
// the milestones being out of order).
func (k MetricKind) measure(ms incident.Milestones) (d *time.Duration, missing bool) {
	if d = k.pick(ms.Metrics()); d != nil {
		return d, false
	}
	return nil, !anySet(ms, k.begins) || !anySet(ms, k.ends)
}

func anySet(ms incident.Milestones, of []incident.Milestone) bool {
	for _, m := range of {
		if _, ok := ms.Get(m); ok {
			return true
		}
	}
	return false
}

// Metric summarises one response time over a set of incidents. Incidents
// that cannot be measured are counted apart (Missing, OutOfOrder), never
// as zero.
type Metric struct {
	Kind       MetricKind
	Count      int // incidents measured
	Missing    int // a milestone it needs is not set
	OutOfOrder int // its milestones contradict each other (ended before it began)
	// Median and P90 are meaningful only when Count > 0.
	Median, P90 time.Duration
	Min, Max    time.Duration
}

func metrics(incs []incident.Incident) []Metric {
	out := make([]Metric, 0, metricCount)
	for _, k := range Kinds() {
		m := Metric{Kind: k}
		var ds []time.Duration
		for _, inc := range incs {
			d, missing := k.measure(inc.Milestones)
			switch {
			case d != nil:
				ds = append(ds, *d)
			case missing:
				m.Missing++
			default:
				m.OutOfOrder++
			}
		}
		sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
		if m.Count = len(ds); m.Count > 0 {
			m.Median, m.P90 = Percentile(ds, 0.5), Percentile(ds, 0.9)
			m.Min, m.Max = ds[0], ds[len(ds)-1]
		}
		out = append(out, m)
	}
	return out
}

// Percentile returns the p-quantile (0 ≤ p ≤ 1) of sorted durations by
// linear interpolation between closest ranks — the method numpy,
// R (type 7) and spreadsheets' PERCENTILE.INC use: with n values at ranks
// 0…n-1, the quantile sits at rank h = (n−1)·p, between the values at
// ⌊h⌋ and ⌈h⌉ in proportion. So the median of an even count is the mean of
// the two middle values, and p90 of 1m…10m is 9m 6s. It returns 0 for no
// values; the result is rounded to the nanosecond.
func Percentile(sorted []time.Duration, p float64) time.Duration {
	n := len(sorted)
	switch {
	case n == 0:
		return 0
	case p <= 0:
		return sorted[0]
	case p >= 1:
		return sorted[n-1]
	}
	h := float64(n-1) * p
	lo := int(h)
	if lo >= n-1 {
		return sorted[n-1]
	}
	frac := h - float64(lo)
	gap := float64(sorted[lo+1] - sorted[lo])
	return sorted[lo] + time.Duration(gap*frac+0.5)
}
