package github

import (
	"strings"

	"scribe/incident"
	"scribe/lazyregexp"
)

// Repo is a repository named OWNER/NAME.
type Repo struct {
	Owner, Name string
}

// repoPattern is OWNER/NAME; the lengths (owner at most 39, name at most
// 100) are checked apart to keep the compiled pattern small.
var repoPattern = lazyregexp.New(`^([A-Za-z0-9][A-Za-z0-9-]*)/([A-Za-z0-9._-]+)$`)

// ParseRepo accepts OWNER/NAME.
func ParseRepo(s string) (Repo, error) {
	m := repoPattern().FindStringSubmatch(strings.TrimSpace(s))
	if m == nil || len(m[1]) > 39 || len(m[2]) > 100 || m[2] == "." || m[2] == ".." {
		return Repo{}, incident.Errorf(incident.EINVALID, "invalid repository %s: use OWNER/NAME, e.g. acme/payments", incident.Quote(s))
	}
	return Repo{Owner: m[1], Name: strings.TrimSuffix(m[2], ".git")}, nil
}

func (r Repo) String() string { return r.Owner + "/" + r.Name }

// repoFromAPIURL reads OWNER/NAME from an issue's repository_url
// (…/repos/OWNER/NAME), "" when it has another shape or is no valid name.
func repoFromAPIURL(u string) string {
	_, rest, ok := strings.Cut(u, "/repos/")
	if !ok {
		return ""
	}
	parts := strings.Split(strings.Trim(rest, "/"), "/")
	if len(parts) < 2 {
		return ""
	}
	r, err := ParseRepo(parts[0] + "/" + parts[1])
	if err != nil {
		return ""
	}
	return r.String()
}
