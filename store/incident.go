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
const incidentColumns = `id, uuid, seq, title, severity, state, timezone, summary, impact, root_cause, trigger, resolution,
	services, started_at, detected_at, declared_at, mitigated_at, resolved_at, created_at, updated_at`

// defaultSeverity is what a new incident gets when none is given.
const defaultSeverity incident.Severity = 3

// CreateIncident stores a new incident, setting ID, UUID (when empty),
// CreatedAt, defaults (state investigating, severity 3, declared milestone =
// o.At) and logging the "declared" milestone event.
//
// A missing Timezone defaults to UTC; callers that know the user's zone
// should set it.
func (s *Store) CreateIncident(ctx context.Context, inc *incident.Incident, o Origin) error {
	c := *inc
	if c.UUID == "" {
		c.UUID = newID()
	}
	out, err := s.Apply(ctx, incident.Operation{
		ID: newID(), Kind: incident.OpCreateIncident, Incident: incident.Ref{UUID: c.UUID},
		At: o.At, Author: o.Author, Source: o.Source, New: &c,
	})
	if err != nil {
		return err
	}
	*inc = out.Incident
	return nil
}

// newIncident is the incident op creates, with the defaults filled in.
func (s *Store) newIncident(op incident.Operation) (incident.Incident, error) {
	c := withDefaults(*op.New)
	c.UUID = op.Incident.UUID
	if _, ok := c.Milestones.Get(incident.MilestoneDeclared); !ok {
		c.Milestones[incident.MilestoneDeclared] = s.opAt(op)
	}
	if err := c.Validate(); err != nil {
		return c, err
	}
	now := s.now()
	c.CreatedAt, c.UpdatedAt = now, now
	return c, nil
}

// createIncidentRow inserts the incident op creates, unless a row with its
// UUID exists (the operation was tried before), and returns its id.
func (s *Store) createIncidentRow(ctx context.Context, tx *txn, op incident.Operation) (int64, error) {
	if op.Incident.UUID == "" {
		return 0, incident.Errorf(incident.EINVALID, "operation %s creates an incident without a UUID", op.ID)
	}
	if id, err := resolveIncident(ctx, tx, op.Incident); err == nil || incident.ErrorCode(err) != incident.ENOTFOUND {
		return id, err
	}
	c, err := s.newIncident(op)
	if err != nil {
		return 0, err
	}
	if err := s.insertIncident(ctx, tx, &c); err != nil {
		if incident.ErrorCode(err) == incident.ECONFLICT {
			// Another transaction created it meanwhile (the same operation,
			// sent twice at once); it has committed by now.
			return resolveIncident(ctx, tx, op.Incident)
		}
		return 0, err
	}
	tx.created = c.ID
	return c.ID, nil
}

func (s *Store) applyCreateIncident(ctx context.Context, tx *txn, op incident.Operation) (incident.Outcome, error) {
	if tx.created != tx.incident {
		// The incident was there before this transaction: created by an
		// earlier try of this operation, or by another one.
		if _, err := findEventBy(ctx, tx, `uuid = ?`, op.ID); err == nil {
			return incident.Outcome{}, errReplayed
		}
		return incident.Outcome{}, incident.Errorf(incident.ECONFLICT, "incident %s exists already", op.Incident.UUID)
	}
	inc, err := findIncident(ctx, tx, tx.incident)
	if err != nil {
		return incident.Outcome{}, err
	}
	declared, _ := inc.Milestones.Get(incident.MilestoneDeclared)
	e := s.logged(tx, op, incident.KindMilestone, milestoneText(incident.MilestoneDeclared))
	e.OccurredAt, e.Milestone = declared, incident.MilestoneDeclared
	if err := s.insertEvent(ctx, tx, &e); err != nil {
		return incident.Outcome{}, err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE incidents SET changed_seq = ? WHERE id = ?`, tx.seq, tx.incident); err != nil {
		return incident.Outcome{}, fmt.Errorf("create incident: %w", err)
	}
	if err := s.attachChecklist(ctx, tx, inc.Severity, op.Checklist); err != nil { // checklist.go
		return incident.Outcome{}, err
	}
	inc.Seq = tx.seq
	return incident.Outcome{Event: e, Incident: inc}, nil
}

// Incident returns one incident; ENOTFOUND names the number.
func (s *Store) Incident(ctx context.Context, id int64) (incident.Incident, error) {
	return findIncident(ctx, s.pool(), id)
}

// Incidents lists incidents, newest first.
func (s *Store) Incidents(ctx context.Context) ([]incident.Incident, error) {
	return queryList(ctx, s.db, "list incidents", scanIncident, `SELECT `+incidentColumns+` FROM incidents ORDER BY id DESC`)
}

// UpdateIncident reads the incident, applies fn and writes back what fn
// changed, in one transaction; fn's error aborts with nothing written.
func (s *Store) UpdateIncident(ctx context.Context, id int64, fn func(*incident.Incident) error) (incident.Incident, error) {
	var out incident.Outcome
	err := s.write(ctx, func(tx *txn) error {
		if err := tx.lock(ctx, id); err != nil {
			return err
		}
		old, err := findIncident(ctx, tx, id)
		if err != nil {
			return err
		}
		c := cloneIncident(old)
		if err := fn(&c); err != nil {
			return err
		}
		patch := incident.DiffIncident(old, c)
		out, err = s.applyIn(ctx, tx, incident.Operation{ID: newID(), Kind: incident.OpEditIncident, Incident: incident.Ref{ID: id}, Fields: &patch})
		return err
	})
	return out.Incident, err
}

func (s *Store) applyEditIncident(ctx context.Context, tx *txn, op incident.Operation) (incident.Outcome, error) {
	inc, err := s.changeIncident(ctx, tx, func(c *incident.Incident) error {
		op.Fields.Apply(c)
		if c.Milestones == nil {
			c.Milestones = incident.Milestones{}
		}
		return c.Validate()
	})
	return incident.Outcome{Incident: inc}, err
}

// changeIncident reads the transaction's incident, applies fn to a copy
// and writes back what fn changed (ID, UUID and CreatedAt are the store's
// whatever fn does).
func (s *Store) changeIncident(ctx context.Context, tx *txn, fn func(*incident.Incident) error) (incident.Incident, error) {
	old, err := findIncident(ctx, tx, tx.incident)
	if err != nil {
		return old, err
	}
	c := cloneIncident(old)
	if err := fn(&c); err != nil {
		return old, err
	}
	c.ID, c.UUID, c.Seq, c.CreatedAt, c.Invalid = old.ID, old.UUID, old.Seq, old.CreatedAt, old.Invalid
	c.UpdatedAt = s.now()
	changed, err := updateIncident(ctx, tx, old, &c)
	if err != nil || !changed {
		return old, err
	}
	return c, nil
}

// SetSeverity changes the severity and logs a severity event saying so,
// with reason (may be empty) as its text.
func (s *Store) SetSeverity(ctx context.Context, id int64, sev incident.Severity, reason string, o Origin) (incident.Event, error) {
	out, err := s.Apply(ctx, incident.Operation{
		ID: newID(), Kind: incident.OpSetSeverity, Incident: incident.Ref{ID: id},
		At: o.At, Author: o.Author, Source: o.Source, Severity: sev, Message: reason,
	})
	return out.Event, err
}

func (s *Store) applySetSeverity(ctx context.Context, tx *txn, op incident.Operation) (incident.Outcome, error) {
	sev := op.Severity
	if !sev.Valid() {
		return incident.Outcome{}, incident.Errorf(incident.EINVALID, "invalid severity %d: use a number from 1 (worst) to 5", sev)
	}
	reason := strings.TrimSpace(op.Message)
	if err := incident.ValidateText("severity reason", reason, false); err != nil {
		return incident.Outcome{}, err
	}
	var old incident.Severity
	inc, err := s.changeIncident(ctx, tx, func(inc *incident.Incident) error {
		if inc.Severity == sev {
			return incident.Errorf(incident.ECONFLICT, "incident #%d is already %s", inc.ID, sev)
		}
		old, inc.Severity = inc.Severity, sev
		return nil
	})
	if err != nil {
		return incident.Outcome{}, err
	}
	e := s.logged(tx, op, incident.KindSeverity, reason)
	e.Severity, e.PreviousSeverity = sev, old
	// After the incident is resolved a change is a correction, dated at
	// its beginning (incident.SeverityChangeAt).
	var corrected bool
	if e.OccurredAt, corrected = incident.SeverityChangeAt(inc, e.OccurredAt); corrected {
		e.State = incident.SeverityCorrected
	}
	if err = s.insertEvent(ctx, tx, &e); err != nil {
		return incident.Outcome{}, err
	}
	// Escalating a live incident adds the new severity's checklist
	// (checklist.go); a correction after resolution adds no steps to do.
	if sev < old && inc.State != incident.Resolved {
		err = s.attachChecklist(ctx, tx, sev, op.Checklist)
	}
	return incident.Outcome{Event: e, Incident: inc}, err
}

func (s *Store) insertIncident(ctx context.Context, tx *txn, inc *incident.Incident) error {
	vals, err := incidentValues(inc)
	if err != nil {
		return err
	}
	args := make([]any, 0, len(vals))
	for _, v := range vals {
		args = append(args, v.value)
	}
	if inc.UUID == "" {
		inc.UUID = newID()
	}
	args = append([]any{inc.UUID}, args...)
	err = tx.QueryRowContext(ctx, `INSERT INTO incidents (uuid, seq, `+strings.TrimPrefix(incidentColumns, "id, uuid, seq, ")+`)
		VALUES (?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (uuid) DO NOTHING RETURNING id`, args...).Scan(&inc.ID)
	if errors.Is(err, sql.ErrNoRows) {
		return incident.Errorf(incident.ECONFLICT, "incident %s exists already", inc.UUID)
	}
	if err != nil {
		return fmt.Errorf("insert incident: %w", err)
	}
	return nil
}

// updateIncident writes the columns in which inc differs from old, the
// incident as read, and reports whether there were any: a value that could
// not be read (see Incident.Invalid) stays as stored until the user sets
// that field.
func updateIncident(ctx context.Context, tx *txn, old incident.Incident, inc *incident.Incident) (bool, error) {
	if tx.incident != inc.ID {
		return false, fmt.Errorf("update incident #%d: the transaction changes #%d", inc.ID, tx.incident)
	}
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
	set = append(set, "updated_at = ?", "changed_seq = ?")
	args = append(args, formatTime(inc.UpdatedAt), tx.seq, inc.ID)
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
	var uid sql.NullString
	err := r.Scan(&inc.ID, &uid, &inc.Seq, &inc.Title, &sev, &state, &inc.Timezone, &inc.Summary, &inc.Impact, &inc.RootCause,
		&inc.Trigger, &inc.Resolution, &services, &ms[0], &ms[1], &ms[2], &ms[3], &ms[4], &created, &updated)
	if errors.Is(err, sql.ErrNoRows) {
		return inc, err
	}
	if err != nil {
		return inc, fmt.Errorf("read incident: %w", err)
	}
	inc.State, inc.UUID = incident.State(state), uid.String
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
	inc.Invalid = bad.values()
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
