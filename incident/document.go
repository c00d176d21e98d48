package incident

import (
	"encoding/json"
	"fmt"
	"slices"
	"time"
)

// DocumentSchemaVersion is the version of the JSON document. Bump it when a
// key changes meaning or disappears; adding keys keeps the version.
const DocumentSchemaVersion = 1

// Document is the domain's own snapshot of one incident: what
// `export --format json` and `show --json` write and `import` reads back.
// Times are RFC3339 in UTC; absent values are null or omitted. A value the
// database holds but could not read (see Unreadable) is never written as
// an invented time: the entry leaves it out (null, or no "at"/"from") and
// lists it under "invalid" with the raw value; import then leaves out, or
// imports without that value, each such entry and says so (Unreadable).
type Document struct {
	SchemaVersion int             `json:"schema_version"`
	Incident      DocIncident     `json:"incident"`
	Events        []DocEvent      `json:"events"`
	Roles         []DocRole       `json:"roles"`
	ActionItems   []DocActionItem `json:"action_items"`
	Retro         []DocRetroNote  `json:"retro"`
	// Checklist and Reminders are the runbook's parts (documentchecklist.go,
	// documentreminder.go).
	Checklist []DocChecklistItem `json:"checklist"`
	Reminders []DocReminder      `json:"reminders"`
}

// DocIncident is the incident part of a Document.
type DocIncident struct {
	ID         int64         `json:"id"`
	Title      string        `json:"title"`
	Severity   int           `json:"severity"`
	State      string        `json:"state"`
	Timezone   string        `json:"timezone"`
	Summary    string        `json:"summary"`
	Impact     string        `json:"impact"`
	RootCause  string        `json:"root_cause"`
	Trigger    string        `json:"trigger"`
	Resolution string        `json:"resolution"`
	Services   []string      `json:"services"`
	Milestones DocMilestones `json:"milestones"`
	Comms      DocComms      `json:"comms"` // derived; see documentcomms.go
	CreatedAt  *time.Time    `json:"created_at,omitempty"`
	Invalid    Unreadable    `json:"invalid,omitempty"`
}

// DocMilestones holds each milestone's time, null when unset.
type DocMilestones struct {
	Started   *time.Time `json:"started"`
	Detected  *time.Time `json:"detected"`
	Declared  *time.Time `json:"declared"`
	Mitigated *time.Time `json:"mitigated"`
	Resolved  *time.Time `json:"resolved"`
}

// DocEvent is one timeline event.
type DocEvent struct {
	ID        int64      `json:"id"`
	At        time.Time  `json:"at,omitzero"` // absent when the database could not read it (Invalid)
	LoggedAt  *time.Time `json:"logged_at,omitempty"`
	Kind      string     `json:"kind"`
	Text      string     `json:"text"`
	Author    string     `json:"author,omitempty"`
	Pinned    bool       `json:"pinned"`
	Source    string     `json:"source,omitempty"`
	Role      string     `json:"role,omitempty"`
	Person    string     `json:"person,omitempty"`
	State     string     `json:"state,omitempty"`
	Milestone string     `json:"milestone,omitempty"`
	// ActionItem links an action-item event to the item's uuid.
	ActionItem string `json:"action_item,omitempty"`
	// Severity and PreviousSeverity are a severity event's new severity
	// and the one it replaced (absent when not known).
	Severity         int        `json:"severity,omitempty"`
	PreviousSeverity int        `json:"previous_severity,omitempty"`
	Invalid          Unreadable `json:"invalid,omitempty"`
}

// DocRole is one role assignment.
type DocRole struct {
	Role    string     `json:"role"`
	Person  string     `json:"person"`
	From    time.Time  `json:"from,omitzero"` // absent when the database could not read it (Invalid)
	Until   *time.Time `json:"until"`
	Invalid Unreadable `json:"invalid,omitempty"`
}

// DocActionItem is one action item.
type DocActionItem struct {
	ID          int64      `json:"id"`
	UUID        string     `json:"uuid"`
	Title       string     `json:"title"`
	Description string     `json:"description,omitempty"`
	Owner       string     `json:"owner,omitempty"`
	Priority    string     `json:"priority,omitempty"`
	Due         string     `json:"due,omitempty"`
	State       string     `json:"state"`
	GitHub      *DocGitHub `json:"github,omitempty"`
	Invalid     Unreadable `json:"invalid,omitempty"`
}

// DocGitHub is where an action item was filed.
type DocGitHub struct {
	Repo   string `json:"repo"`
	Number int    `json:"number"`
	URL    string `json:"url"`
	State  string `json:"state"`
}

// DocRetroNote is one retro note.
type DocRetroNote struct {
	Section string     `json:"section"`
	Text    string     `json:"text"`
	Invalid Unreadable `json:"invalid,omitempty"`
}

// Snapshot is an incident with everything attached to it, as read from the
// store: the input of export and of NewDocument.
type Snapshot struct {
	Incident    Incident
	Events      []Event // not deleted, ordered by OccurredAt then ID
	Roles       []RoleAssignment
	ActionItems []ActionItem
	Retro       []RetroNote
	Checklist   []ChecklistItem // in order
	Reminders   []Reminder      // by due time

	// UpdateEvery is the stakeholder update cadence of the incident's
	// severity, from the team's policy (0: none). The store does not know
	// the policy: whoever loads the configuration sets it.
	UpdateEvery time.Duration
}

func utcPtr(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	u := t.UTC()
	return &u
}

func fromPtr(t *time.Time) time.Time {
	if t == nil {
		return time.Time{}
	}
	return t.UTC()
}

// explicitZero refuses a time a document writes as 0001-01-01T00:00:00Z:
// null means unset, and the zero time would otherwise pass for unset while
// reading as year 1.
func explicitZero(what string, t *time.Time) error {
	if t != nil && t.IsZero() {
		return Errorf(EINVALID, "%s: 0001-01-01T00:00:00Z is outside the times scribe accepts (1970-01-01 to 2199-12-31 UTC)", what)
	}
	return nil
}

// documentZeroTimes finds the first explicit zero time among the document's
// optional times.
func documentZeroTimes(d Document) error {
	di, ms := d.Incident, d.Incident.Milestones
	for _, c := range []struct {
		what string
		t    *time.Time
	}{
		{"incident: created_at", di.CreatedAt}, {"incident: milestone started", ms.Started},
		{"incident: milestone detected", ms.Detected}, {"incident: milestone declared", ms.Declared},
		{"incident: milestone mitigated", ms.Mitigated}, {"incident: milestone resolved", ms.Resolved},
	} {
		if err := explicitZero(c.what, c.t); err != nil {
			return err
		}
	}
	for i := range d.Events {
		if err := explicitZero(fmt.Sprintf("event %d: logged_at", i+1), d.Events[i].LoggedAt); err != nil {
			return err
		}
	}
	for i := range d.Roles {
		if err := explicitZero(fmt.Sprintf("role %d: until", i+1), d.Roles[i].Until); err != nil {
			return err
		}
	}
	return nil
}

// NewDocument builds the JSON document of a snapshot.
func NewDocument(s Snapshot) Document {
	inc := s.Incident
	ms := func(m Milestone) *time.Time { t, _ := inc.Milestones.Get(m); return utcPtr(t) }
	services := inc.Services
	if services == nil {
		services = []string{}
	}
	d := Document{
		SchemaVersion: DocumentSchemaVersion,
		Incident: DocIncident{
			ID: inc.ID, Title: inc.Title, Severity: int(inc.Severity), State: string(inc.State),
			Timezone: inc.Timezone, Summary: inc.Summary, Impact: inc.Impact, RootCause: inc.RootCause,
			Trigger: inc.Trigger, Resolution: inc.Resolution, Services: services,
			Milestones: DocMilestones{
				Started: ms(MilestoneStarted), Detected: ms(MilestoneDetected), Declared: ms(MilestoneDeclared),
				Mitigated: ms(MilestoneMitigated), Resolved: ms(MilestoneResolved),
			},
			Comms:     newDocComms(&s),
			CreatedAt: utcPtr(inc.CreatedAt),
			Invalid:   inc.Invalid,
		},
		Events:      make([]DocEvent, 0, len(s.Events)),
		Roles:       make([]DocRole, 0, len(s.Roles)),
		ActionItems: make([]DocActionItem, 0, len(s.ActionItems)),
		Retro:       make([]DocRetroNote, 0, len(s.Retro)),
		Checklist:   newDocChecklist(s.Checklist),
		Reminders:   newDocReminders(s.Reminders),
	}
	uuidOf := make(map[int64]string, len(s.ActionItems))
	for _, a := range s.ActionItems {
		uuidOf[a.ID] = a.UUID
	}
	for _, e := range s.Events {
		d.Events = append(d.Events, DocEvent{
			ID: e.ID, At: e.OccurredAt.UTC(), LoggedAt: utcPtr(e.LoggedAt), Kind: string(e.Kind), Text: e.Text,
			Author: e.Author, Pinned: e.Pinned, Source: string(e.Source), Role: e.Role, Person: e.Person,
			State: string(e.State), Milestone: string(e.Milestone), ActionItem: uuidOf[e.ActionItemID],
			Severity: int(e.Severity), PreviousSeverity: int(e.PreviousSeverity), Invalid: e.Invalid,
		})
	}
	for _, r := range s.Roles {
		d.Roles = append(d.Roles, DocRole{Role: r.Role, Person: r.Person, From: r.From.UTC(), Until: utcPtr(r.Until), Invalid: r.Invalid})
	}
	for _, a := range s.ActionItems {
		item := DocActionItem{
			ID: a.ID, UUID: a.UUID, Title: a.Title, Description: a.Description, Owner: a.Owner,
			Priority: string(a.Priority), Due: a.Due, State: string(a.State), Invalid: a.Invalid,
		}
		if a.GitHub.Filed() {
			item.GitHub = &DocGitHub{Repo: a.GitHub.Repo, Number: a.GitHub.Number, URL: a.GitHub.URL, State: a.GitHub.State}
		}
		d.ActionItems = append(d.ActionItems, item)
	}
	for _, n := range s.Retro {
		d.Retro = append(d.Retro, DocRetroNote{Section: string(n.Section), Text: n.Text, Invalid: n.Invalid})
	}
	return d
}

// ParseDocument decodes and validates a JSON document. Unknown keys are
// ignored; a newer schema version is refused.
func ParseDocument(data []byte) (Document, error) {
	d, ok := readDocument(data)
	if !ok {
		d = Document{}
		if err := json.Unmarshal(data, &d); err != nil {
			return Document{}, Errorf(EINVALID, "not a scribe JSON document: %v", err)
		}
	}
	if d.SchemaVersion == 0 {
		return Document{}, Errorf(EINVALID, "not a scribe JSON document: schema_version is missing")
	}
	if d.SchemaVersion > DocumentSchemaVersion {
		return Document{}, Errorf(EINVALID, "the document has schema_version %d; this scribe reads up to %d: upgrade scribe", d.SchemaVersion, DocumentSchemaVersion)
	}
	if _, err := d.Snapshot(); err != nil {
		return Document{}, err
	}
	return d, nil
}

// Snapshot converts the document back to domain types, validating each
// part. IDs are the document's; a store assigns its own when importing.
func (d Document) Snapshot() (Snapshot, error) {
	if err := documentZeroTimes(d); err != nil {
		return Snapshot{}, err
	}
	di := d.Incident
	inc := Incident{
		ID: di.ID, Title: di.Title, Severity: Severity(di.Severity), State: State(di.State), Timezone: di.Timezone,
		Summary: di.Summary, Impact: di.Impact, RootCause: di.RootCause, Trigger: di.Trigger,
		Resolution: di.Resolution, Services: di.Services, Milestones: Milestones{}, CreatedAt: fromPtr(di.CreatedAt),
	}
	if inc.State == "" {
		inc.State = Investigating
	}
	if inc.Timezone == "" {
		inc.Timezone = "UTC"
	}
	for m, t := range map[Milestone]*time.Time{
		MilestoneStarted: di.Milestones.Started, MilestoneDetected: di.Milestones.Detected,
		MilestoneDeclared: di.Milestones.Declared, MilestoneMitigated: di.Milestones.Mitigated,
		MilestoneResolved: di.Milestones.Resolved,
	} {
		if t != nil {
			inc.Milestones[m] = t.UTC()
		}
	}
	if err := inc.Validate(); err != nil {
		if len(di.Invalid) > 0 {
			return Snapshot{}, fmt.Errorf("incident: %w (the database it was exported from could not read it: %s; set the field in the document, drop \"invalid\", and import again)", err, di.Invalid)
		}
		return Snapshot{}, fmt.Errorf("incident: %w", err)
	}
	if err := CheckInstant("incident created_at", inc.CreatedAt); err != nil {
		return Snapshot{}, fmt.Errorf("incident: %w", err)
	}
	s := Snapshot{Incident: inc}
	for _, part := range []func(*Snapshot) error{d.commsSnapshot, d.checklistSnapshot, d.remindersSnapshot} {
		if err := part(&s); err != nil {
			return Snapshot{}, err
		}
	}
	idOf, dropped, err := d.actionItemsSnapshot(&s)
	if err != nil {
		return Snapshot{}, err
	}
	if err := d.eventsSnapshot(&s, idOf, dropped); err != nil {
		return Snapshot{}, err
	}
	for i, r := range d.Roles {
		a, err := r.assignment(i, inc.ID)
		if err != nil {
			if len(r.Invalid) > 0 {
				continue // left out: Unreadable says so
			}
			return Snapshot{}, err
		}
		s.Roles = append(s.Roles, a)
	}
	for i, n := range d.Retro {
		note := RetroNote{IncidentID: inc.ID, Section: RetroSection(n.Section), Text: n.Text, Order: i + 1}
		if err := note.Validate(); err != nil {
			if len(n.Invalid) > 0 {
				continue // left out: Unreadable says so
			}
			return Snapshot{}, fmt.Errorf("retro note %d: %w", i+1, err)
		}
		s.Retro = append(s.Retro, note)
	}
	return s, nil
}

// actionItemsSnapshot reads the action items into s, and maps their uuids
// to their ids for the events that link them. An item the document marks
// partly unreadable that does not hold together without those values is
// left out (Unreadable says so), and its uuid is in dropped; any other bad
// item refuses the document.
func (d Document) actionItemsSnapshot(s *Snapshot) (idOf map[string]int64, dropped map[string]bool, err error) {
	idOf = make(map[string]int64, len(d.ActionItems))
	for i, a := range d.ActionItems {
		item, err := a.item(i, s.Incident.ID)
		if err != nil {
			if len(a.Invalid) > 0 {
				dropped = d.droppedItems()
				continue
			}
			return nil, nil, err
		}
		if item.UUID != "" {
			idOf[item.UUID] = item.ID
		}
		s.ActionItems = append(s.ActionItems, item)
	}
	return idOf, dropped, nil
}

// eventsSnapshot reads the events into s, in time order. An event whose
// time the database could not read has none to be imported at: it is left
// out, as is one the document marks partly unreadable that does not hold
// together without those values (Unreadable says so), and so is one that
// tells of an action item left out (dropped).
func (d Document) eventsSnapshot(s *Snapshot, idOf map[string]int64, dropped map[string]bool) error {
	if len(d.Events) > 0 {
		s.Events = make([]Event, 0, len(d.Events))
	}
	for i := range d.Events {
		e := &d.Events[i]
		if dropped[e.ActionItem] {
			continue
		}
		ev, err := e.event(i, s.Incident.ID, idOf)
		if err != nil {
			if len(e.Invalid) > 0 {
				continue
			}
			return err
		}
		s.Events = append(s.Events, ev)
	}
	// An exported document is already in order; sorting 100,000 events
	// again would cost more than reading them.
	byTime := func(a, b Event) int { return a.OccurredAt.Compare(b.OccurredAt) }
	if !slices.IsSortedFunc(s.Events, byTime) {
		slices.SortStableFunc(s.Events, byTime)
	}
	return nil
}

// item is the document's i-th (from 0) action item, checked.
func (a *DocActionItem) item(i int, incidentID int64) (ActionItem, error) {
	item := ActionItem{
		ID: a.ID, IncidentID: incidentID, UUID: a.UUID, Title: a.Title, Description: a.Description, Owner: a.Owner,
		Priority: Priority(a.Priority), Due: a.importDue(), State: ItemState(a.State),
	}
	if item.State == "" {
		item.State = ItemOpen
	}
	if a.GitHub != nil {
		item.GitHub = GitHubIssue{Repo: a.GitHub.Repo, Number: a.GitHub.Number, URL: a.GitHub.URL, State: a.GitHub.State}
	}
	if err := item.Validate(); err != nil {
		return ActionItem{}, fmt.Errorf("action item %d: %w", i+1, err)
	}
	return item, nil
}

// event is the document's i-th (from 0) event, checked.
func (e *DocEvent) event(i int, incidentID int64, idOf map[string]int64) (Event, error) {
	ev := Event{
		ID: e.ID, IncidentID: max(incidentID, 1), OccurredAt: e.At.UTC(), LoggedAt: fromPtr(e.LoggedAt), Kind: Kind(e.Kind),
		Text: e.Text, Author: e.Author, Pinned: e.Pinned, Source: Source(e.Source), Role: e.Role,
		Person: e.Person, State: State(e.State), Milestone: Milestone(e.Milestone), ActionItemID: idOf[e.ActionItem],
		Severity: Severity(e.Severity), PreviousSeverity: Severity(e.PreviousSeverity),
	}
	if ev.Kind == "" {
		ev.Kind = KindNote
	}
	if e.At.IsZero() && len(e.Invalid) == 0 {
		return Event{}, Errorf(EINVALID, "event %d (id %d): it has no time (\"at\" is missing, or 0001-01-01T00:00:00Z, which older scribes wrote for a time they could not read): give it an \"at\" (RFC 3339 in UTC, e.g. 2026-11-21T14:05:00Z), or delete the entry", i+1, e.ID)
	}
	if err := ev.Validate(); err != nil {
		return Event{}, fmt.Errorf("event %d: %w", i+1, err)
	}
	ev.IncidentID = incidentID
	return ev, nil
}

// assignment is the document's i-th (from 0) role assignment, checked.
func (r *DocRole) assignment(i int, incidentID int64) (RoleAssignment, error) {
	if r.From.IsZero() && len(r.Invalid) == 0 {
		return RoleAssignment{}, Errorf(EINVALID, "role %d (%s): it has no start (\"from\" is missing, or 0001-01-01T00:00:00Z, which older scribes wrote for a time they could not read): give it a \"from\" (RFC 3339 in UTC, e.g. 2026-11-21T14:05:00Z), or delete the entry", i+1, r.Role)
	}
	a := RoleAssignment{IncidentID: incidentID, Role: r.Role, Person: r.Person, From: r.From.UTC(), Until: fromPtr(r.Until)}
	if err := a.Validate(); err != nil {
		return RoleAssignment{}, fmt.Errorf("role %d: %w", i+1, err)
	}
	a.Role, _ = CanonicalRole(a.Role)
	return a, nil
}
