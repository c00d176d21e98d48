package github

import (
	"fmt"
	"net/url"
	"slices"
	"strings"
	"time"
	"unicode"
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
	// NotFiledIn are repositories the user has checked and vouches hold no
	// issue for these items: an earlier run's unanswered create there is
	// not looked for (see EarlierRepoError).
	NotFiledIn []Repo
}

// Planned is one issue scribe would create for an action item.
type Planned struct {
	Item     incident.ActionItem
	Title    string
	Body     string
	Labels   []string
	Assignee string // a GitHub login, or ""
	// Mentions is the team the body mentions, "@org/team", or "".
	Mentions string
	// EarlierRepo is a repository where an earlier run may have created
	// the item's issue without being told (its answer was lost), when it
	// is not the one filed in now. A run looks there before filing.
	EarlierRepo string
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
		owner := ParseOwner(it.Owner)
		p := Planned{
			Item:     it,
			Title:    strings.TrimSpace(incident.PlainText(it.Title)),
			Body:     issueBody(snap.Incident, it, owner, opts.PostmortemURL),
			Labels:   append([]string(nil), labels...),
			Assignee: owner.Login,
			Mentions: owner.Team,
		}
		if r := it.GitHub.Repo; r != "" && !strings.EqualFold(r, opts.Repo.String()) && !opts.notFiledIn(r) {
			p.EarlierRepo = r
		}
		out = append(out, p)
	}
	return out, nil
}

// notFiledIn reports whether the user vouched that repo holds no issue of
// these items.
func (o FileOptions) notFiledIn(repo string) bool {
	for _, r := range o.NotFiledIn {
		if strings.EqualFold(r.String(), repo) {
			return true
		}
	}
	return false
}

// Validate checks what a user typed: the postmortem link and the labels.
func (o FileOptions) Validate() error {
	if err := checkWebURL("--postmortem-url", o.PostmortemURL); err != nil {
		return err
	}
	_, err := labelSet(0, o.Labels)
	return err
}

// checkWebURL accepts an http or https URL that can stand in an issue body
// or an export as a link: no credentials (the URL is published), no spaces,
// angle brackets, control or invisible characters. what names the value.
func checkWebURL(what, raw string) error {
	if raw == "" {
		return nil
	}
	bad := func(why string) error {
		return incident.Errorf(incident.EINVALID, "invalid %s %s: %s", what, quoteShort(raw), why)
	}
	for _, r := range raw {
		if r <= ' ' || r == 0x7f || r == '<' || r == '>' || (r >= 0x80 && r <= 0x9f) || isInvisible(r) {
			return bad("it contains a space, an angle bracket or a control character; give the URL as a browser shows it")
		}
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return bad("use an http or https URL such as https://wiki.example.com/postmortems/7")
	}
	if u.User != nil {
		return bad("it carries a user name or password, which every issue would publish; give the URL without them")
	}
	return nil
}

// isInvisible reports format characters that change how text reads
// without showing: bidirectional controls, zero-width characters and the
// like (Unicode category Cf).
func isInvisible(r rune) bool { return unicode.Is(unicode.Cf, r) }

// labelSet is incident-followup, the severity and the extra labels, without
// case-insensitive duplicates (GitHub label names ignore case).
func labelSet(sev incident.Severity, extra []string) ([]string, error) {
	out := []string{FollowupLabel}
	if sev.Valid() {
		out = append(out, strings.ToLower(sev.String()))
	}
	for _, l := range extra {
		l = strings.TrimSpace(l)
		if err := checkLabel(l); err != nil {
			return nil, err
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

// checkLabel accepts what GitHub accepts as a label name and a person can
// read: 1 to 50 characters, one line, no control or invisible characters.
func checkLabel(l string) error {
	switch {
	case l == "":
		return incident.Errorf(incident.EINVALID, "empty --label: give a label name such as team-payments")
	case !utf8.ValidString(l):
		return incident.Errorf(incident.EINVALID, "label %s is not valid UTF-8", quoteShort(l))
	case utf8.RuneCountInString(l) > 50:
		return incident.Errorf(incident.EINVALID, "label %s is longer than GitHub's 50 characters", quoteShort(l))
	case strings.ContainsAny(l, ",\r\n"):
		return incident.Errorf(incident.EINVALID, "label %s contains a comma or line break: give one label per --label", quoteShort(l))
	}
	for _, r := range l {
		if unicode.IsControl(r) || isInvisible(r) {
			return incident.Errorf(incident.EINVALID, "label %s contains a control or invisible character: give a label as it should show", quoteShort(l))
		}
	}
	return nil
}

// issueBody is the description, the item's fields, the incident's context
// and the marker, which must stay last and intact. Every piece of text a
// user typed is made plain (no terminal escapes, bidirectional controls)
// and neutralized (no mention, reference or marker); only an owner written
// as a team handle mentions anybody (see Owner).
func issueBody(inc incident.Incident, it incident.ActionItem, owner Owner, postmortem string) string {
	var b strings.Builder
	desc := neutralize(strings.TrimSpace(incident.PlainBlock(it.Description)))
	if utf8.RuneCountInString(desc) > maxBody {
		// Cut after neutralizing: the joiners it adds make the text longer,
		// and no cut can undo them (a lone "@" or "#" before "…" refers to
		// nothing).
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
	field("Owner", owner.Markdown())
	field("Due", it.Due)
	field("Priority", string(it.Priority))
	field("Incident", incidentContext(inc))
	if postmortem != "" {
		// Angle brackets make it a link whatever its host looks like, so a
		// "#123" in it is never read as an issue reference.
		field("Postmortem", "<"+postmortem+">")
	}
	b.WriteString("\n" + FollowUpFooter + "\n\n")
	b.WriteString(Marker(it.UUID))
	b.WriteString("\n")
	return b.String()
}

// incidentContext names the incident by title, severity and date, with
// scribe's number written so that GitHub does not read it as "#N", an
// issue of the repository.
func incidentContext(inc incident.Incident) string {
	s := neutralize(strings.Join(strings.Fields(incident.PlainText(inc.Title)), " "))
	details := []string{inc.Severity.String()}
	if d := incidentDate(inc); d != "" {
		details = append(details, d)
	}
	return fmt.Sprintf("%s (%s; scribe incident %d)", s, strings.Join(details, ", "), inc.ID)
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
