package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"time"

	"scribe/incident"
)

// JSONSchemaVersion is the version of the report's JSON. Adding keys keeps
// it; changing or removing one bumps it.
const JSONSchemaVersion = 1

// PercentileMethod names the method Percentile uses, in the JSON so that a
// reader comparing with another tool knows.
const PercentileMethod = "linear interpolation between closest ranks (R type 7, numpy default)"

type jsonReport struct {
	SchemaVersion    int                   `json:"schema_version"`
	Since            *string               `json:"since"`
	Until            *string               `json:"until"`
	Zone             string                `json:"zone"`
	Incidents        int                   `json:"incidents"`
	BySeverity       []jsonSeverity        `json:"by_severity"`
	ByMonth          []jsonMonth           `json:"by_month"`
	ByMonthSparse    bool                  `json:"by_month_sparse"` // only the months with incidents (see MaxFilledMonths)
	Metrics          map[string]jsonMetric `json:"metrics"`
	FollowUps        jsonFollowUps         `json:"follow_ups"`
	PercentileMethod string                `json:"percentile_method"`
	IncidentList     []jsonIncident        `json:"incident_list"`
	DateUnreadable   []jsonUndated         `json:"date_unreadable"`
}

// jsonUndated is an incident left out of the counts: none of its dates can
// be read.
type jsonUndated struct {
	ID       int64  `json:"id"`
	Title    string `json:"title"`
	Severity int    `json:"severity"`
	State    string `json:"state"`
}

type jsonSeverity struct {
	Severity int                   `json:"severity"`
	Label    string                `json:"label"`
	Count    int                   `json:"count"`
	Metrics  map[string]jsonMetric `json:"metrics"`
}

type jsonMonth struct {
	Month      string         `json:"month"`
	Count      int            `json:"count"`
	BySeverity map[string]int `json:"by_severity"`
}

type jsonMetric struct {
	Name          string   `json:"name"`
	Measured      int      `json:"measured"`
	Missing       int      `json:"missing"`
	OutOfOrder    int      `json:"out_of_order"`
	MedianSeconds *float64 `json:"median_seconds"`
	P90Seconds    *float64 `json:"p90_seconds"`
	MinSeconds    *float64 `json:"min_seconds"`
	MaxSeconds    *float64 `json:"max_seconds"`
	Median        string   `json:"median,omitempty"`
	P90           string   `json:"p90,omitempty"`
}

type jsonFollowUps struct {
	Opened         int      `json:"opened"`
	Done           int      `json:"done"`
	WontDo         int      `json:"wont_do"`
	Open           int      `json:"open"`
	Overdue        int      `json:"overdue"`
	CompletionRate *float64 `json:"completion_rate"`
}

type jsonIncident struct {
	ID       int64               `json:"id"`
	Title    string              `json:"title"`
	Severity int                 `json:"severity"`
	State    string              `json:"state"`
	Began    string              `json:"began"`
	Seconds  map[string]*float64 `json:"seconds"`
}

// JSON writes the report as one JSON document, escaped for careless
// readers (incident.EscapeJSONControls). Durations are in seconds, null
// when nothing was measured; times are RFC3339 in UTC.
func JSON(w io.Writer, r Report) error {
	doc := jsonReport{
		SchemaVersion: JSONSchemaVersion, Since: instant(r.Since), Until: instant(r.Until), Zone: zoneName(r.Zone),
		Incidents: r.Incidents, Metrics: jsonMetrics(r.Metrics), PercentileMethod: PercentileMethod,
		BySeverity: []jsonSeverity{}, ByMonth: []jsonMonth{}, ByMonthSparse: r.Sparse, IncidentList: []jsonIncident{},
		DateUnreadable: []jsonUndated{},
	}
	for _, row := range r.DateUnreadable {
		doc.DateUnreadable = append(doc.DateUnreadable, jsonUndated{ID: row.ID, Title: row.Title, Severity: int(row.Severity), State: string(row.State)})
	}
	for _, s := range r.BySeverity {
		doc.BySeverity = append(doc.BySeverity, jsonSeverity{Severity: int(s.Severity), Label: s.Severity.String(),
			Count: s.Count, Metrics: jsonMetrics(s.Metrics)})
	}
	for _, m := range r.ByMonth {
		jm := jsonMonth{Month: m.Month, Count: m.Count, BySeverity: map[string]int{}}
		for i, n := range m.BySeverity {
			jm.BySeverity[incident.Severity(i+1).String()] = n
		}
		doc.ByMonth = append(doc.ByMonth, jm)
	}
	f := r.FollowUps
	doc.FollowUps = jsonFollowUps{Opened: f.Opened, Done: f.Done, WontDo: f.WontDo, Open: f.Open, Overdue: f.Overdue}
	if rate, ok := f.CompletionRate(); ok {
		doc.FollowUps.CompletionRate = &rate
	}
	kinds := Kinds()
	for _, row := range r.Rows {
		ji := jsonIncident{ID: row.ID, Title: row.Title, Severity: int(row.Severity), State: string(row.State),
			Began: row.Began.UTC().Format(time.RFC3339Nano), Seconds: map[string]*float64{}}
		for i, d := range row.Durations {
			if d != nil {
				ji.Seconds[kinds[i].Key] = seconds(*d)
			} else {
				ji.Seconds[kinds[i].Key] = nil
			}
		}
		doc.IncidentList = append(doc.IncidentList, ji)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("encode report: %w", err)
	}
	if _, err := w.Write(incident.EscapeJSONControls(buf.Bytes())); err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	return nil
}

func jsonMetrics(ms []Metric) map[string]jsonMetric {
	out := make(map[string]jsonMetric, len(ms))
	for _, m := range ms {
		jm := jsonMetric{Name: m.Kind.Name, Measured: m.Count, Missing: m.Missing, OutOfOrder: m.OutOfOrder}
		if m.Count > 0 {
			jm.MedianSeconds, jm.P90Seconds = seconds(m.Median), seconds(m.P90)
			jm.MinSeconds, jm.MaxSeconds = seconds(m.Min), seconds(m.Max)
			jm.Median, jm.P90 = incident.FormatDuration(m.Median), incident.FormatDuration(m.P90)
		}
		out[m.Kind.Key] = jm
	}
	return out
}

func seconds(d time.Duration) *float64 {
	s := d.Seconds()
	return &s
}

func instant(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	s := t.UTC().Format(time.RFC3339)
	return &s
}
