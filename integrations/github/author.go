package github

import (
	"context"
	"net/http"
	"strings"

	gh "github.com/google/go-github/v60/github"
)

// A marker proves nothing by itself: anyone who can open an issue in a
// public repository can end its body with scribe's footer and the uuid of
// an item (a published JSON export carries them), and an item adopting
// that issue would never be filed. So an issue ties an item (or an
// incident, for the tracking issue) only when it carries scribe's whole
// footer in scribe's position (markerIn) and was opened by someone who
// could have filed it with scribe:
//
//   - the token's own user (GET /user, once per run), who files in
//     repositories where they are no collaborator too;
//   - an owner, member or collaborator of the repository (its
//     author_association): in team mode two machines share an item's
//     claims with different tokens, and a teammate's run whose answer was
//     lost must be found, not filed again;
//   - an app (a user of type Bot) when the token is an app's or Actions'
//     (GET /user answers 403 to those): only the repository's admins
//     install apps, so a bot's issue is as trusted as a collaborator's.
//
// Anyone else's issue, however exact its footer, ties nothing.

// issueAuthors is who may have opened an issue scribe adopts.
type issueAuthors struct {
	// login is the token's user, "" when the token is an app's.
	login string
}

// trustedAssociation reports the author associations of people who can
// write to the repository (or belong to its organisation).
func trustedAssociation(a string) bool {
	switch strings.ToUpper(a) {
	case "OWNER", "MEMBER", "COLLABORATOR":
		return true
	}
	return false
}

// trusted reports whether iss was opened by someone allowed to tie it to
// an item.
func (a issueAuthors) trusted(iss *gh.Issue) bool {
	u := iss.GetUser()
	switch {
	case a.login != "" && strings.EqualFold(u.GetLogin(), a.login):
		return true
	case trustedAssociation(iss.GetAuthorAssociation()):
		return true
	case a.login == "" && u.GetType() == "Bot":
		return true
	}
	return false
}

// authors asks GitHub who the token belongs to. A token that cannot say
// (an app's installation token, GitHub Actions' GITHUB_TOKEN: 403 or 404)
// gets the rules without a login; any other failure stops the run, since
// without the login an issue the run's own user filed could go unfound.
func (c *Client) authors(ctx context.Context, notify func(string)) (issueAuthors, error) {
	u, _, err := retried(ctx, c, notify, func() (*gh.User, *gh.Response, error) {
		return c.gh.Users.Get(ctx, "")
	})
	if err == nil {
		return issueAuthors{login: u.GetLogin()}, nil
	}
	switch s := statusOf(err); {
	case s == http.StatusUnauthorized:
		return issueAuthors{}, &BadCredentialsError{source: c.token.Source()}
	case (s == http.StatusForbidden || s == http.StatusNotFound) && !isRateLimit(err):
		if _, secondary := asSecondary(err); !secondary {
			return issueAuthors{}, nil
		}
	}
	if rl, ok := asRateLimit(err); ok {
		return issueAuthors{}, rl
	}
	return issueAuthors{}, c.annotate(err, "ask GitHub whose token this is (GET /user)")
}
