package github

import (
	"strings"

	"scribe/incident"
	"scribe/lazyregexp"
)

// Owner is an action item's owner field as GitHub should see it. The field
// is free text ("Dana", "payments team", "@dana"); it is read as a GitHub
// handle only when the whole field is exactly one handle:
//
//   - "@login" (a valid GitHub login) is assigned the issue; the body shows
//     the login without mentioning it, since the assignment notifies;
//   - "@org/team" mentions the team in the body, since a team cannot be
//     assigned and a mention is how it hears of the issue. Writing the
//     field as nothing but the team handle is the explicit request for it;
//   - anything else is shown as text and pings nobody, handles inside it
//     included ("Dana (@dana)", "cc @acme/sre").
type Owner struct {
	Text  string // the field as typed, trimmed and made plain
	Login string // set for "@login"
	Team  string // "@org/team", set for a team handle
}

// loginPattern is a GitHub login after "@"; its length (at most 39) is
// checked apart, since a bounded repetition compiles to a large program
// that every scribe process would pay for at start-up.
var loginPattern = lazyregexp.New(`^@([A-Za-z0-9](?:-?[A-Za-z0-9])*)$`)

// teamPattern is "@org/team": an organization login and a team slug
// (letters, digits, "-" and "_").
var teamPattern = lazyregexp.New(`^@([A-Za-z0-9](?:-?[A-Za-z0-9])*)/([A-Za-z0-9][A-Za-z0-9_-]*)$`)

// maxTeamSlug bounds a team slug; GitHub's team names are short.
const maxTeamSlug = 100

// ParseOwner reads an owner field. A handle is matched against the field
// as stored, so one with a control character in it is text.
func ParseOwner(field string) Owner {
	raw := strings.TrimSpace(field)
	o := Owner{Text: strings.TrimSpace(incident.PlainText(field))}
	if m := loginPattern().FindStringSubmatch(raw); m != nil && len(m[1]) <= 39 {
		o.Login = m[1]
	} else if m := teamPattern().FindStringSubmatch(raw); m != nil && len(m[1]) <= 39 && len(m[2]) <= maxTeamSlug {
		o.Team = raw
	}
	return o
}

// Markdown is the owner as the issue body shows it.
func (o Owner) Markdown() string {
	if o.Team != "" {
		return o.Team
	}
	return neutralize(o.Text)
}
