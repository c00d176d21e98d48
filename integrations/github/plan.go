package github

import (
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"scribe/incident"
)

// FollowupLabel is put on every issue scribe files.
const FollowupLabel = "incident-followup"

// maxBody keeps a body under GitHub's 65,536-character limit with room for
// the context lines and the marker.
const maxBody = 60000

// FileOptions says where and how to file.
type FileOptions struct {
	Repo Repo
	// Labels are added to FollowupLabel and the severity label.
	Labels []string
	// PostmortemURL, when set, is linked from every issue.
	PostmortemURL string
	// Only, when not empty, limits filing to these action item IDs (the
	// TUI's selection); other items are left alone.
	Only []int64
}

// Planned is one issue scribe would create for an action item.
type Planned struct {
	Item     incident.ActionItem
	Title    string
	Body     string
	Labels   []string
	Assignee string // a GitHub login, or ""
}

// Plan lists the issues filing would create for snap: one per open action
// item without an issue, in the store's order. It makes no request, which is
// what --dry-run shows.
func Plan(snap incident.Snapshot, opts FileOptions) ([]Planned, error) {
	if err := opts.Validate(); err != nil {
		return nil, err
	}
	labels, err := labelSet(snap.Incident.Severity, opts.Labels)
	if err != nil {
		return nil, err
	}
	var out []Planned
	for _, it := range snap.ActionItems {
		if it.State != incident.ItemOpen || it.GitHub.Filed() || (len(opts.Only) > 0 && !slices.Contains(opts.Only, it.ID)) {
			continue
		}
		out = append(out, Planned{
			Item:     it,
			Title:    strings.TrimSpace(it.Title),
			Body:     issueBody(snap.Incident, it, opts.PostmortemURL),
			Labels:   append([]string(nil), labels...),
			Assignee: loginOf(it.Owner),
		})
	}
	return out, nil
}

// Validate checks what a user typed: the postmortem link and the labels.
func (o FileOptions) Validate() error {
	if o.PostmortemURL != "" {
		u, err := url.Parse(o.PostmortemURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return incident.Errorf(incident.EINVALID, "invalid --postmortem-url %q: use an http or https URL", o.PostmortemURL)
		}
	}
	_, err := labelSet(0, o.Labels)
	return err
}

// labelSet is incident-followup, the severity and the extra labels, without
// case-insensitive duplicates (GitHub label names ignore case).
func labelSet(sev incident.Severity, extra []string) ([]string, error) {
	out := []string{FollowupLabel}
	if sev.Valid() {
		out = append(out, strings.ToLower(sev.String()))
	}
	for _, l := range extra {
		l = strings.TrimSpace(l)
		switch {
		case l == "":
			return nil, incident.Errorf(incident.EINVALID, "empty --label: give a label name such as team-payments")
		case utf8.RuneCountInString(l) > 50:
			return nil, incident.Errorf(incident.EINVALID, "label %q is longer than GitHub's 50 characters", l)
		case strings.ContainsAny(l, ",\r\n"):
			return nil, incident.Errorf(incident.EINVALID, "label %q contains a comma or line break: give one label per --label", l)
		}
		out = append(out, l)
	}
	seen := map[string]bool{}
	uniq := out[:0]
	for _, l := range out {
		if !seen[strings.ToLower(l)] {
			seen[strings.ToLower(l)] = true
			uniq = append(uniq, l)
		}
	}
	return uniq, nil
}

// loginPattern is a GitHub login after "@"; its length (at most 39) is
// checked apart, since a bounded repetition compiles to a large program
// that every scribe process would pay for at start-up.
var loginPattern = regexp.MustCompile(`^@([A-Za-z0-9](?:-?[A-Za-z0-9])*)$`)

// loginOf is the GitHub login when the owner is written @login, else "".
// Other owners ("Dana", "payments team") stay in the body only.
func loginOf(owner string) string {
	m := loginPattern.FindStringSubmatch(strings.TrimSpace(owner))
	if m == nil || len(m[1]) > 39 {
		return ""
	}
	return m[1]
}

// issueBody is the description, the item's fields, the incident's context
// and the marker, which must stay last and intact.
func issueBody(inc incident.Incident, it incident.ActionItem, postmortem string) string {
	var b strings.Builder
	desc := strings.TrimSpace(it.Description)
	if utf8.RuneCountInString(desc) > maxBody {
		desc = string([]rune(desc)[:maxBody]) + "…"
	}
	if desc != "" {
		b.WriteString(desc)
		b.WriteString("\n\n")
	}
	field := func(name, v string) {
		if v != "" {
			fmt.Fprintf(&b, "- **%s:** %s\n", name, v)
		}
	}
	field("Owner", strings.TrimSpace(it.Owner))
	field("Due", it.Due)
	field("Priority", string(it.Priority))
	ctx := fmt.Sprintf("#%d %s (%s", inc.ID, inc.Title, inc.Severity)
	if d := incidentDate(inc); d != "" {
		ctx += ", " + d
	}
	field("Incident", ctx+")")
	field("Postmortem", postmortem)
	b.WriteString("\n_Follow-up filed by scribe._\n\n")
	b.WriteString(Marker(it.UUID))
	b.WriteString("\n")
	return b.String()
}

// incidentDate is the day the incident began as its own zone saw it.
func incidentDate(inc incident.Incident) string {
	var t time.Time
	for _, m := range []incident.Milestone{incident.MilestoneStarted, incident.MilestoneDetected, incident.MilestoneDeclared} {
		if v, ok := inc.Milestones.Get(m); ok && !v.IsZero() {
			t = v
			break
		}
	}
	if t.IsZero() {
		t = inc.CreatedAt
	}
	if t.IsZero() {
		return ""
	}
	return t.In(inc.Location()).Format("2006-01-02")
}
