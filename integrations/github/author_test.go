package github_test

import (
	"context"
	"testing"
	"time"

	ghub "scribe/integrations/github"
	"scribe/integrations/github/githubtest"
)

// scribeBody ends like a body scribe writes: its footer, then the marker.
func scribeBody(marker string) string {
	return "Some text.\n\n" + ghub.FollowUpFooter + "\n\n" + marker + "\n"
}

// An issue another user opened ties nothing, however exactly it ends like
// scribe's (footer and marker in scribe's position), and a marker without
// scribe's footer ties nothing even from the token's own user: the item is
// filed, once, as if those issues were not there. The token's user is
// asked for once per run.
func TestForgedIssueByAnotherUserDoesNotHideTheItem(t *testing.T) {
	e := newEnv(t, "Alert on checkout error rate", "Runbook for payments rollback")
	target := e.items[0]
	m := ghub.Marker(target.UUID)
	e.gh.AddIssueBy(testRepo, "mallory", "NONE", "Looks filed", scribeBody(m), ghub.FollowupLabel)
	e.gh.AddIssueBy(testRepo, "drive-by", "CONTRIBUTOR", "Looks filed too", scribeBody(m), ghub.FollowupLabel)
	e.gh.AddIssueBy(testRepo, "mallory", "NONE", "Bare marker", m, ghub.FollowupLabel)
	e.gh.AddIssue(testRepo, "Bare marker, own user", m+"\n", ghub.FollowupLabel)

	res, err := e.file(ghub.Config{}, ghub.FileOptions{})
	if err != nil || len(res.Filed) != 2 || len(res.Linked) != 0 {
		t.Fatalf("filed %d, linked %d, err %v; want both items filed, none linked to a forgery", len(res.Filed), len(res.Linked), err)
	}
	if got := e.stored()[0].GitHub.Number; got != 5 {
		t.Errorf("the item records #%d, want #5 (its own new issue)", got)
	}
	if n := e.gh.Calls(githubtest.GetUser); n != 1 {
		t.Errorf("GET /user sent %d times in one run, want 1", n)
	}
	// The next run finds the items' own issues and files nothing.
	if res, err := e.file(ghub.Config{}, ghub.FileOptions{}); err != nil || res.Total != 0 {
		t.Errorf("second run: %+v, %v", res, err)
	}
}

// The issues scribe adopts: the token's own user's (filing as an outsider,
// author_association NONE), and in team mode a teammate's, whose run lost
// its answer (another login, but a collaborator or member of the
// repository). Each is linked, not filed again.
func TestIssueOfTheTokenUserOrATeammateIsLinked(t *testing.T) {
	e := newEnv(t, "Alert on checkout error rate", "Runbook for payments rollback", "Page the database team earlier")
	e.gh.AddIssue(testRepo, e.items[0].Title, scribeBody(ghub.Marker(e.items[0].UUID)), ghub.FollowupLabel)
	e.gh.AddIssueBy(testRepo, "teammate", "COLLABORATOR", e.items[1].Title, scribeBody(ghub.Marker(e.items[1].UUID)), ghub.FollowupLabel)
	e.gh.AddIssueBy(testRepo, "org-member", "MEMBER", e.items[2].Title, scribeBody(ghub.Marker(e.items[2].UUID)), ghub.FollowupLabel)

	res, err := e.file(ghub.Config{}, ghub.FileOptions{})
	if err != nil || len(res.Linked) != 3 || len(res.Filed) != 0 {
		t.Fatalf("linked %d, filed %d, err %v; want all three linked", len(res.Linked), len(res.Filed), err)
	}
	e.assertExactlyOnce()
}

// An app's token (GitHub Actions' GITHUB_TOKEN) cannot read GET /user: the
// run goes on, links the issue the app itself opened (a bot, which only
// the repository's admins install) and still ignores a user's forgery.
func TestAppTokenLinksItsBotsIssueOnly(t *testing.T) {
	e := newEnv(t, "Alert on checkout error rate", "Runbook for payments rollback")
	e.gh = githubtest.New(t, testToken, githubtest.WithLogin(""))
	e.gh.AddRepo(testRepo)
	e.gh.AddIssue(testRepo, e.items[0].Title, scribeBody(ghub.Marker(e.items[0].UUID)), ghub.FollowupLabel) // by the app's bot
	e.gh.AddIssueBy(testRepo, "mallory", "NONE", "Looks filed", scribeBody(ghub.Marker(e.items[1].UUID)), ghub.FollowupLabel)

	res, err := e.file(ghub.Config{}, ghub.FileOptions{})
	if err != nil || len(res.Linked) != 1 || len(res.Filed) != 1 {
		t.Fatalf("linked %d, filed %d, err %v; want the bot's issue linked and the forged item filed", len(res.Linked), len(res.Filed), err)
	}
	if got := e.stored()[1].GitHub.Number; got != 3 {
		t.Errorf("the forged item records #%d, want #3 (its own new issue)", got)
	}
}

// A tracking issue another user opened with the incident's marker under
// scribe's footer is not taken for the incident's: scribe files its own.
func TestTrackingIgnoresAnotherUsersIssue(t *testing.T) {
	e := newEnv(t)
	if _, err := e.st.ClaimTracking(context.Background(), e.inc.ID, "probe", time.Minute); err != nil {
		t.Fatal(err)
	}
	if err := e.st.ReleaseTracking(context.Background(), e.inc.ID, "probe", false); err != nil {
		t.Fatal(err)
	}
	uuid := e.tracking().UUID
	forged := "Looks like scribe's.\n\n" + ghub.TrackingFooter + "\n\n" + ghub.TrackingMarker(uuid) + "\n"
	e.gh.AddIssueBy(testRepo, "mallory", "NONE", "Tracking", forged, ghub.TrackingLabel)
	res, err := e.track(ghub.Config{}, ghub.TrackOptions{})
	if err != nil || !res.Created || res.Issue.Number != 2 {
		t.Fatalf("track: %+v, %v; want a new issue #2 (the forgery is not the incident's)", res, err)
	}
	// The same body from the token's own user is the incident's: a run
	// whose answer was lost is linked, not filed again.
	e2 := newEnv(t)
	if _, err := e2.st.ClaimTracking(context.Background(), e2.inc.ID, "probe", time.Minute); err != nil {
		t.Fatal(err)
	}
	if err := e2.st.ReleaseTracking(context.Background(), e2.inc.ID, "probe", false); err != nil {
		t.Fatal(err)
	}
	uuid2 := e2.tracking().UUID
	e2.gh.AddIssue(testRepo, "Tracking", "Earlier run.\n\n"+ghub.TrackingFooter+"\n\n"+ghub.TrackingMarker(uuid2)+"\n", ghub.TrackingLabel)
	res, err = e2.track(ghub.Config{}, ghub.TrackOptions{})
	if err != nil || !res.Linked || res.Issue.Number != 1 {
		t.Fatalf("track: %+v, %v; want #1 linked", res, err)
	}
}
