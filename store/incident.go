package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"

	"scribe/incident"
)

// incidentColumns is the column list scanIncident reads, in its order.
const incidentColumns = `id, title, severity, state, timezone, summary, impact, root_cause, trigger, resolution,
	services, started_at, detected_at, declared_at, mitigated_at, resolved_at, created_at, updated_at`

// defaultSeverity is what a new incident gets when none is given.
const defaultSeverity incident.Severity = 3

// CreateIncident stores a new incident, setting ID, CreatedAt, defaults
// (state investigating, severity 3, declared milestone = o.At) and logging the
// "declared" milestone event.
//
// A missing Timezone defaults to UTC; callers that know the user's zone
// should set it.
func (s *Store) CreateIncident(ctx context.Context, inc *incident.Incident, o Origin) error {
	c := withDefaults(*inc)
	at := s.at(o)
	declared, ok := c.Milestones.Get(incident.MilestoneDeclared)
	if !ok {
		declared = at
		c.Milestones[incident.MilestoneDeclared] = at
	}
	if err := c.Validate(); err != nil {
		return err
	}
	now := s.now()
	c.CreatedAt, c.UpdatedAt = now, now
	err := s.write(ctx, func(tx *sql.Tx) error {
		if err := s.insertIncident(ctx, tx, &c); err != nil {
			return err
		}
		e := incident.Event{
			IncidentID: c.ID, OccurredAt: declared, Kind: incident.KindMilestone,
			Text: milestoneText(incident.MilestoneDeclared), Author: o.Author, Source: o.Source,
			Milestone: incident.MilestoneDeclared,
		}
		return s.insertEvent(ctx, tx, &e)
	})
	if err != nil {
		return err
	}
	*inc = c
	return nil
}

// Incident returns one incident; ENOTFOUND names the number.
func (s *Store) Incident(ctx context.Context, id int64) (incident.Incident, error) {
	return findIncident(ctx, s.db, id)
}

// Incidents lists incidents, newest first.
func (s *Store) Incidents(ctx context.Context) ([]incident.Incident, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+incidentColumns+` FROM incidents ORDER BY id DESC`)
	if err != nil {
		return nil, fmt.Errorf("list incidents: %w", err)
	}
	defer rows.Close()
	var out []incident.Incident
	for rows.Next() {
		inc, err := scanIncident(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, inc)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list incidents: %w", err)
	}
	return out, nil
}

// UpdateIncident reads the incident, applies fn and writes it back in one
// transaction; fn's error aborts with nothing written.
func (s *Store) UpdateIncident(ctx context.Context, id int64, fn func(*incident.Incident) error) (incident.Incident, error) {
	var out incident.Incident
	err := s.write(ctx, func(tx *sql.Tx) error {
		var err error
		out, err = s.changeIncident(ctx, tx, id, func(c *incident.Incident) error {
			if err := fn(c); err != nil {
				return err
			}
			if c.Milestones == nil {
				c.Milestones = incident.Milestones{}
			}
			return c.Validate()
		})
		return err
	})
	return out, err
}

// changeIncident reads the incident, applies fn to a copy and writes back
// what fn changed (ID and CreatedAt are the store's whatever fn does).
func (s *Store) changeIncident(ctx context.Context, tx *sql.Tx, id int64, fn func(*incident.Incident) error) (incident.Incident, error) {
	old, err := findIncident(ctx, tx, id)
	if err != nil {
		return old, err
	}
	c := cloneIncident(old)
	if err := fn(&c); err != nil {
		return old, err
	}
	c.ID, c.CreatedAt, c.Invalid = old.ID, old.CreatedAt, old.Invalid
	c.UpdatedAt = s.now()
	changed, err := updateIncident(ctx, tx, old, &c)
	if err != nil || !changed {
		return old, err
	}
	return c, nil
}

// SetSeverity changes the severity and logs a note saying so.
func (s *Store) SetSeverity(ctx context.Context, id int64, sev incident.Severity, o Origin) (incident.Event, error) {
	if !sev.Valid() {
		return incident.Event{}, incident.Errorf(incident.EINVALID, "invalid severity %d: use a number from 1 (worst) to 5", sev)
	}
	var e incident.Event
	err := s.write(ctx, func(tx *sql.Tx) error {
		var old incident.Severity
		changed, err := s.changeIncident(ctx, tx, id, func(inc *incident.Incident) error {
			if inc.Severity == sev {
				return incident.Errorf(incident.ECONFLICT, "incident #%d is already %s", id, sev)
			}
			old, inc.Severity = inc.Severity, sev
			return nil
		})
		if err != nil {
			return err
		}
		// After the incident is resolved a change is a correction, dated at
		// its beginning (incident.SeverityNote).
		at, text := incident.SeverityNote(changed, old, sev, s.at(o), s.now())
		e = incident.Event{
			IncidentID: id, OccurredAt: at, Kind: incident.KindNote,
			Text: text, Author: o.Author, Source: o.Source,
		}
		return s.insertEvent(ctx, tx, &e)
	})
	return e, err
}

func (s *Store) insertIncident(ctx context.Context, tx *sql.Tx, inc *incident.Incident) error {
	vals, err := incidentValues(inc)
	if err != nil {
		return err
	}
	args := make([]any, 0, len(vals))
	for _, v := range vals {
		args = append(args, v.value)
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO incidents (`+incidentColumns+`)
		VALUES (NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, args...)
	if err != nil {
		return fmt.Errorf("insert incident: %w", err)
	}
	if inc.ID, err = res.LastInsertId(); err != nil {
		return fmt.Errorf("insert incident: %w", err)
	}
	return nil
}

// updateIncident writes the columns in which inc differs from old, the
// incident as read, and reports whether there were any: a value that could
// not be read (see Incident.Invalid) stays as stored until the user sets
// that field.
func updateIncident(ctx context.Context, tx *sql.Tx, old incident.Incident, inc *incident.Incident) (bool, error) {
	was, err := incidentValues(&old)
	if err != nil {
		return false, err
	}
	now, err := incidentValues(inc)
	if err != nil {
		return false, err
	}
	var (
		set  []string
		args []any
	)
	for i, v := range now {
		if v.value != was[i].value && v.name != "updated_at" {
			set = append(set, v.name+" = ?")
			args = append(args, v.value)
		}
	}
	if len(set) == 0 {
		return false, nil
	}
	set = append(set, "updated_at = ?")
	args = append(args, formatTime(inc.UpdatedAt), inc.ID)
	if _, err = tx.ExecContext(ctx, `UPDATE incidents SET `+strings.Join(set, ", ")+` WHERE id = ?`, args...); err != nil {
		return false, fmt.Errorf("update incident #%d: %w", inc.ID, err)
	}
	return true, nil
}

// namedValue is a column and the value it stores.
type namedValue struct {
	name  string
	value any
}

// incidentValues are what inc's row stores, in incidentColumns' order after
// id. Times are checked against the accepted range on the way.
func incidentValues(inc *incident.Incident) ([]namedValue, error) {
	services, err := encodeServices(inc.Services)
	if err != nil {
		return nil, err
	}
	ms := inc.Milestones
	for _, m := range incident.MilestoneOrder {
		if err := checkStored(string(m)+" milestone", ms[m]); err != nil {
			return nil, err
		}
	}
	return []namedValue{
		{"title", inc.Title}, {"severity", int64(inc.Severity)}, {"state", string(inc.State)},
		{"timezone", inc.Timezone}, {"summary", inc.Summary}, {"impact", inc.Impact},
		{"root_cause", inc.RootCause}, {"trigger", inc.Trigger}, {"resolution", inc.Resolution},
		{"services", services},
		{"started_at", nullTime(ms[incident.MilestoneStarted])},
		{"detected_at", nullTime(ms[incident.MilestoneDetected])},
		{"declared_at", nullTime(ms[incident.MilestoneDeclared])},
		{"mitigated_at", nullTime(ms[incident.MilestoneMitigated])},
		{"resolved_at", nullTime(ms[incident.MilestoneResolved])},
		{"created_at", formatTime(inc.CreatedAt)}, {"updated_at", formatTime(inc.UpdatedAt)},
	}, nil
}

func findIncident(ctx context.Context, q querier, id int64) (incident.Incident, error) {
	inc, err := scanIncident(q.QueryRowContext(ctx, `SELECT `+incidentColumns+` FROM incidents WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return incident.Incident{}, incident.Errorf(incident.ENOTFOUND, "incident #%d not found", id)
	}
	return inc, err
}

// requireIncident fails with ENOTFOUND unless the incident exists.
func requireIncident(ctx context.Context, q querier, id int64) error {
	var one int
	err := q.QueryRowContext(ctx, `SELECT 1 FROM incidents WHERE id = ?`, id).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return incident.Errorf(incident.ENOTFOUND, "incident #%d not found", id)
	}
	if err != nil {
		return fmt.Errorf("find incident #%d: %w", id, err)
	}
	return nil
}

// scanner is a *sql.Row or *sql.Rows.
type scanner interface{ Scan(dest ...any) error }

// scanIncident reads a row of incidentColumns. A value that cannot be read
// is noted in Invalid (see badRow) instead of failing: one bad row must not
// take the list of incidents down.
func scanIncident(r scanner) (incident.Incident, error) {
	var (
		inc              incident.Incident
		sev, services    any
		state            string
		ms               [5]any
		created, updated any
		bad              badRow
	)
	err := r.Scan(&inc.ID, &inc.Title, &sev, &state, &inc.Timezone, &inc.Summary, &inc.Impact, &inc.RootCause,
		&inc.Trigger, &inc.Resolution, &services, &ms[0], &ms[1], &ms[2], &ms[3], &ms[4], &created, &updated)
	if errors.Is(err, sql.ErrNoRows) {
		return inc, err
	}
	if err != nil {
		return inc, fmt.Errorf("read incident: %w", err)
	}
	inc.State = incident.State(state)
	if n, ok := sev.(int64); ok && incident.Severity(n).Valid() {
		inc.Severity = incident.Severity(n)
	} else {
		bad.add("severity", sev, "is not a severity from 1 to 5")
	}
	if text, ok := services.(string); !ok || json.Unmarshal([]byte(text), &inc.Services) != nil {
		bad.add("services", services, "is not a list of names")
		inc.Services = nil
	}
	inc.Milestones = incident.Milestones{}
	for i, m := range []incident.Milestone{incident.MilestoneStarted, incident.MilestoneDetected,
		incident.MilestoneDeclared, incident.MilestoneMitigated, incident.MilestoneResolved} {
		if t := userTime(string(m)+"_at", ms[i], &bad); !t.IsZero() {
			inc.Milestones[m] = t
		}
	}
	inc.CreatedAt = userTime("created_at", created, &bad)
	inc.UpdatedAt = userTime("updated_at", updated, &bad)
	inc.Invalid = bad.String()
	return inc, nil
}

func encodeServices(services []string) (string, error) {
	if services == nil {
		services = []string{}
	}
	b, err := json.Marshal(services)
	if err != nil {
		return "", fmt.Errorf("encode services: %w", err)
	}
	return string(b), nil
}

// cloneIncident copies inc so that changing the copy's map and slice leaves
// inc alone.
func cloneIncident(inc incident.Incident) incident.Incident {
	inc.Services = slices.Clone(inc.Services)
	if inc.Milestones != nil {
		inc.Milestones = inc.Milestones.Clone()
	}
	return inc
}

// withDefaults copies inc for storing as a new incident, with the defaults
// filled in: state investigating, the default severity, UTC, no milestones.
func withDefaults(inc incident.Incident) incident.Incident {
	c := cloneIncident(inc)
	c.ID = 0
	c.Title = strings.TrimSpace(c.Title)
	if c.State == "" {
		c.State = incident.Investigating
	}
	if c.Severity == 0 {
		c.Severity = defaultSeverity
	}
	if c.Timezone == "" {
		c.Timezone = "UTC"
	}
	if c.Milestones == nil {
		c.Milestones = incident.Milestones{}
	}
	return c
}
