package incident

import (
	"strings"
	"time"
)

// The patches an edit operation carries: each field a pointer, nil for
// "leave it as it is", so that a late delivery of a queued edit changes
// only what was edited. Diff* builds a patch from the old and new value,
// Apply sets it.

// changed is b as a patch field: nil when it equals a.
func changed[T comparable](a, b T) *T {
	if a == b {
		return nil
	}
	return &b
}

// apply sets *dst to the patch field v, when the patch has it.
func apply[T any](dst *T, v *T) {
	if v != nil {
		*dst = *v
	}
}

// IncidentPatch changes an incident's fields: nil leaves one as it is.
// Milestones maps each milestone it changes to its new time, zero to clear.
type IncidentPatch struct {
	Title      *string                 `json:"title,omitempty"`
	Timezone   *string                 `json:"timezone,omitempty"`
	Summary    *string                 `json:"summary,omitempty"`
	Impact     *string                 `json:"impact,omitempty"`
	RootCause  *string                 `json:"root_cause,omitempty"`
	Trigger    *string                 `json:"trigger,omitempty"`
	Resolution *string                 `json:"resolution,omitempty"`
	Services   *[]string               `json:"services,omitempty"`
	Severity   *Severity               `json:"severity,omitempty"`
	State      *State                  `json:"state,omitempty"`
	Milestones map[Milestone]time.Time `json:"milestones,omitempty"`
}

// DiffIncident is the patch that turns old into c.
func DiffIncident(old, c Incident) IncidentPatch {
	p := IncidentPatch{
		Title: changed(old.Title, c.Title), Timezone: changed(old.Timezone, c.Timezone), Summary: changed(old.Summary, c.Summary),
		Impact: changed(old.Impact, c.Impact), RootCause: changed(old.RootCause, c.RootCause),
		Trigger: changed(old.Trigger, c.Trigger), Resolution: changed(old.Resolution, c.Resolution),
		Severity: changed(old.Severity, c.Severity), State: changed(old.State, c.State),
	}
	if strings.Join(old.Services, "\x00") != strings.Join(c.Services, "\x00") || (old.Services == nil) != (c.Services == nil) {
		s := append([]string(nil), c.Services...)
		p.Services = &s
	}
	for _, m := range MilestoneOrder {
		a, _ := old.Milestones.Get(m)
		b, _ := c.Milestones.Get(m)
		if !a.Equal(b) {
			if p.Milestones == nil {
				p.Milestones = map[Milestone]time.Time{}
			}
			p.Milestones[m] = b
		}
	}
	return p
}

// Apply sets the patch's fields on inc.
func (p *IncidentPatch) Apply(inc *Incident) {
	apply(&inc.Title, p.Title)
	apply(&inc.Timezone, p.Timezone)
	apply(&inc.Summary, p.Summary)
	apply(&inc.Impact, p.Impact)
	apply(&inc.RootCause, p.RootCause)
	apply(&inc.Trigger, p.Trigger)
	apply(&inc.Resolution, p.Resolution)
	if p.Services != nil {
		inc.Services = append([]string(nil), (*p.Services)...)
	}
	apply(&inc.Severity, p.Severity)
	apply(&inc.State, p.State)
	if len(p.Milestones) > 0 && inc.Milestones == nil {
		inc.Milestones = Milestones{}
	}
	for m, t := range p.Milestones {
		if t.IsZero() {
			delete(inc.Milestones, m)
		} else {
			inc.Milestones[m] = t
		}
	}
}

// Empty reports whether the patch changes nothing.
func (p *IncidentPatch) Empty() bool {
	return p.Title == nil && p.Timezone == nil && p.Summary == nil && p.Impact == nil && p.RootCause == nil &&
		p.Trigger == nil && p.Resolution == nil && p.Services == nil && p.Severity == nil && p.State == nil &&
		len(p.Milestones) == 0
}

// EventPatch changes what an edit may change of an event.
type EventPatch struct {
	OccurredAt *time.Time `json:"occurred_at,omitempty"`
	Text       *string    `json:"text,omitempty"`
	Kind       *Kind      `json:"kind,omitempty"`
	Pinned     *bool      `json:"pinned,omitempty"`
}

// DiffEvent is the patch that turns old into e, as far as an edit goes.
func DiffEvent(old, e Event) EventPatch {
	p := EventPatch{Text: changed(old.Text, e.Text), Kind: changed(old.Kind, e.Kind), Pinned: changed(old.Pinned, e.Pinned)}
	if !old.OccurredAt.Equal(e.OccurredAt) { // the same instant in another zone is no change
		p.OccurredAt = &e.OccurredAt
	}
	return p
}

// Apply sets the patch's fields on e.
func (p *EventPatch) Apply(e *Event) {
	apply(&e.OccurredAt, p.OccurredAt)
	apply(&e.Text, p.Text)
	apply(&e.Kind, p.Kind)
	apply(&e.Pinned, p.Pinned)
}

// ActionItemPatch changes an action item's fields, its own and the GitHub
// record the sync keeps.
type ActionItemPatch struct {
	Title       *string      `json:"title,omitempty"`
	Description *string      `json:"description,omitempty"`
	Owner       *string      `json:"owner,omitempty"`
	Priority    *Priority    `json:"priority,omitempty"`
	Due         *string      `json:"due,omitempty"`
	State       *ItemState   `json:"state,omitempty"`
	GitHub      *GitHubIssue `json:"github,omitempty"`
}

// DiffActionItem is the patch that turns old into a.
func DiffActionItem(old, a ActionItem) ActionItemPatch {
	p := ActionItemPatch{
		Title: changed(old.Title, a.Title), Description: changed(old.Description, a.Description),
		Owner: changed(old.Owner, a.Owner), Due: changed(old.Due, a.Due),
		Priority: changed(old.Priority, a.Priority), State: changed(old.State, a.State),
	}
	if g := a.GitHub; g.Repo != old.GitHub.Repo || g.Number != old.GitHub.Number || g.URL != old.GitHub.URL ||
		g.State != old.GitHub.State || g.SyncError != old.GitHub.SyncError || !g.SyncedAt.Equal(old.GitHub.SyncedAt) {
		p.GitHub = &g
	}
	return p
}

// Apply sets the patch's fields on a.
func (p *ActionItemPatch) Apply(a *ActionItem) {
	apply(&a.Title, p.Title)
	apply(&a.Description, p.Description)
	apply(&a.Owner, p.Owner)
	apply(&a.Due, p.Due)
	apply(&a.Priority, p.Priority)
	apply(&a.State, p.State)
	apply(&a.GitHub, p.GitHub)
}

// RetroNotePatch changes a retro note.
type RetroNotePatch struct {
	Section *RetroSection `json:"section,omitempty"`
	Text    *string       `json:"text,omitempty"`
}

// Apply sets the patch's fields on n.
func (p *RetroNotePatch) Apply(n *RetroNote) {
	apply(&n.Section, p.Section)
	apply(&n.Text, p.Text)
}
