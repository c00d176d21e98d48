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
		inc, err := findIncident(ctx, tx, id)
		if err != nil {
			return err
		}
		c := cloneIncident(inc)
		if err := fn(&c); err != nil {
			return err
		}
		// Identity and creation are the store's, whatever fn did.
		c.ID, c.CreatedAt = inc.ID, inc.CreatedAt
		if c.Milestones == nil {
			c.Milestones = incident.Milestones{}
		}
		if err := c.Validate(); err != nil {
			return err
		}
		c.UpdatedAt = s.now()
		if err := updateIncident(ctx, tx, &c); err != nil {
			return err
		}
		out = c
		return nil
	})
	return out, err
}

// SetSeverity changes the severity and logs a note saying so.
func (s *Store) SetSeverity(ctx context.Context, id int64, sev incident.Severity, o Origin) (incident.Event, error) {
	if !sev.Valid() {
		return incident.Event{}, incident.Errorf(incident.EINVALID, "invalid severity %d: use a number from 1 (worst) to 5", sev)
	}
	var e incident.Event
	err := s.write(ctx, func(tx *sql.Tx) error {
		inc, err := findIncident(ctx, tx, id)
		if err != nil {
			return err
		}
		if inc.Severity == sev {
			return incident.Errorf(incident.ECONFLICT, "incident #%d is already %s", id, sev)
		}
		old := inc.Severity
		inc.Severity = sev
		inc.UpdatedAt = s.now()
		if err := updateIncident(ctx, tx, &inc); err != nil {
			return err
		}
		// After the incident is resolved a change is a correction, dated at
		// its beginning (incident.SeverityNote).
		at, text := incident.SeverityNote(inc, old, sev, s.at(o), s.now())
		e = incident.Event{
			IncidentID: id, OccurredAt: at, Kind: incident.KindNote,
			Text: text, Author: o.Author, Source: o.Source,
		}
		return s.insertEvent(ctx, tx, &e)
	})
	return e, err
}

func (s *Store) insertIncident(ctx context.Context, tx *sql.Tx, inc *incident.Incident) error {
	services, err := encodeServices(inc.Services)
	if err != nil {
		return err
	}
	ms := inc.Milestones
	res, err := tx.ExecContext(ctx, `INSERT INTO incidents (`+incidentColumns+`)
		VALUES (NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		inc.Title, int(inc.Severity), string(inc.State), inc.Timezone, inc.Summary, inc.Impact, inc.RootCause,
		inc.Trigger, inc.Resolution, services,
		nullTime(ms[incident.MilestoneStarted]), nullTime(ms[incident.MilestoneDetected]),
		nullTime(ms[incident.MilestoneDeclared]), nullTime(ms[incident.MilestoneMitigated]),
		nullTime(ms[incident.MilestoneResolved]),
		formatTime(inc.CreatedAt), formatTime(inc.UpdatedAt))
	if err != nil {
		return fmt.Errorf("insert incident: %w", err)
	}
	if inc.ID, err = res.LastInsertId(); err != nil {
		return fmt.Errorf("insert incident: %w", err)
	}
	return nil
}

func updateIncident(ctx context.Context, tx *sql.Tx, inc *incident.Incident) error {
	services, err := encodeServices(inc.Services)
	if err != nil {
		return err
	}
	ms := inc.Milestones
	_, err = tx.ExecContext(ctx, `UPDATE incidents SET title = ?, severity = ?, state = ?, timezone = ?,
		summary = ?, impact = ?, root_cause = ?, trigger = ?, resolution = ?, services = ?,
		started_at = ?, detected_at = ?, declared_at = ?, mitigated_at = ?, resolved_at = ?, updated_at = ?
		WHERE id = ?`,
		inc.Title, int(inc.Severity), string(inc.State), inc.Timezone, inc.Summary, inc.Impact, inc.RootCause,
		inc.Trigger, inc.Resolution, services,
		nullTime(ms[incident.MilestoneStarted]), nullTime(ms[incident.MilestoneDetected]),
		nullTime(ms[incident.MilestoneDeclared]), nullTime(ms[incident.MilestoneMitigated]),
		nullTime(ms[incident.MilestoneResolved]),
		formatTime(inc.UpdatedAt), inc.ID)
	if err != nil {
		return fmt.Errorf("update incident #%d: %w", inc.ID, err)
	}
	return nil
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

func scanIncident(r scanner) (incident.Incident, error) {
	var (
		inc      incident.Incident
		sev      int
		state    string
		services string
		ms       [5]sql.NullString
		created  string
		updated  string
	)
	err := r.Scan(&inc.ID, &inc.Title, &sev, &state, &inc.Timezone, &inc.Summary, &inc.Impact, &inc.RootCause,
		&inc.Trigger, &inc.Resolution, &services, &ms[0], &ms[1], &ms[2], &ms[3], &ms[4], &created, &updated)
	if errors.Is(err, sql.ErrNoRows) {
		return inc, err
	}
	if err != nil {
		return inc, fmt.Errorf("read incident: %w", err)
	}
	inc.Severity, inc.State = incident.Severity(sev), incident.State(state)
	if err := json.Unmarshal([]byte(services), &inc.Services); err != nil {
		return inc, fmt.Errorf("read incident #%d: services %q: %w", inc.ID, services, err)
	}
	inc.Milestones = incident.Milestones{}
	for i, m := range []incident.Milestone{incident.MilestoneStarted, incident.MilestoneDetected,
		incident.MilestoneDeclared, incident.MilestoneMitigated, incident.MilestoneResolved} {
		t, err := parseNullTime(ms[i])
		if err != nil {
			return inc, fmt.Errorf("read incident #%d: %s: %w", inc.ID, m, err)
		}
		if !t.IsZero() {
			inc.Milestones[m] = t
		}
	}
	if inc.CreatedAt, err = parseTime(created); err != nil {
		return inc, fmt.Errorf("read incident #%d: %w", inc.ID, err)
	}
	if inc.UpdatedAt, err = parseTime(updated); err != nil {
		return inc, fmt.Errorf("read incident #%d: %w", inc.ID, err)
	}
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
