package github_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"scribe/incident"
	ghub "scribe/integrations/github"
	"scribe/integrations/github/githubtest"
)

func (e *env) sync() (ghub.SyncResult, error) {
	e.t.Helper()
	return ghub.NewSyncer(e.client(ghub.Config{}), e.st).Sync(context.Background(), e.inc.ID, e.progress)
}

func (e *env) byTitle(title string) incident.ActionItem {
	e.t.Helper()
	for _, it := range e.stored() {
		if it.Title == title {
			return it
		}
	}
	e.t.Fatalf("no item %q", title)
	return incident.ActionItem{}
}

func TestSyncMapsIssueStatesOntoItems(t *testing.T) {
	e := newEnv(t, "Completed one", "Not planned one", "Still open", "Deleted one", "Moved one")
	e.gh.AddRepo("acme/platform")
	if _, err := e.file(ghub.Config{}, ghub.FileOptions{}); err != nil {
		t.Fatalf("file: %v", err)
	}
	num := func(title string) int { return e.byTitle(title).GitHub.Number }
	e.gh.SetState(testRepo, num("Completed one"), "closed", "completed")
	e.gh.SetState(testRepo, num("Not planned one"), "closed", "not_planned")
	e.gh.Delete(testRepo, num("Deleted one"))
	movedNo := e.gh.Transfer(testRepo, num("Moved one"), "acme/platform")
	e.gh.SetState("acme/platform", movedNo, "closed", "completed")

	res, err := e.sync()
	if err != nil {
		t.Fatalf("sync: %v", err)
	}
	want := map[string]struct {
		state  incident.ItemState
		github string
	}{
		"Completed one":   {incident.ItemDone, "closed"},
		"Not planned one": {incident.ItemWontDo, "closed:not_planned"},
		"Still open":      {incident.ItemOpen, "open"},
		"Deleted one":     {incident.ItemOpen, "missing"},
		"Moved one":       {incident.ItemDone, "closed"},
	}
	for title, w := range want {
		it := e.byTitle(title)
		if it.State != w.state || it.GitHub.State != w.github {
			t.Errorf("%q: item %s, issue state %q; want %s and %q", title, it.State, it.GitHub.State, w.state, w.github)
		}
	}
	moved := e.byTitle("Moved one")
	if moved.GitHub.Repo != "acme/platform" || moved.GitHub.Number != movedNo || !strings.Contains(moved.GitHub.URL, "acme/platform/issues/") {
		t.Errorf("moved item records %+v, want acme/platform#%d", moved.GitHub, movedNo)
	}
	if res.Changed != 3 || res.Missing != 1 || res.Transferred != 1 || res.Failed != 0 {
		t.Errorf("result %+v, want 3 changed, 1 missing, 1 moved", res)
	}
	if msg := e.byTitle("Deleted one").GitHub.SyncError; !strings.Contains(msg, "gone") {
		t.Errorf("deleted item records %q", msg)
	}

	e.gh.SetState(testRepo, num("Completed one"), "open", "reopened")
	if _, err := e.sync(); err != nil {
		t.Fatalf("second sync: %v", err)
	}
	if it := e.byTitle("Completed one"); it.State != incident.ItemOpen || it.GitHub.State != "open" {
		t.Errorf("reopened issue left the item %s / %q, want open", it.State, it.GitHub.State)
	}
	e.assertNoToken(err)
}

func TestSyncWithNothingFiledMakesNoRequest(t *testing.T) {
	e := newEnv(t, "Not filed yet")
	e.gh.ExpectNoRequests()
	res, err := e.sync()
	if err != nil || len(res.Items) != 0 {
		t.Fatalf("items %d, err %v", len(res.Items), err)
	}
}

func TestSyncStopsOnPrimaryRateLimit(t *testing.T) {
	e := newEnv(t, "One", "Two")
	if _, err := e.file(ghub.Config{}, ghub.FileOptions{}); err != nil {
		t.Fatalf("file: %v", err)
	}
	e.gh.RateLimitUntil(time.Now().Add(time.Hour))
	_, err := e.sync()
	var rl *ghub.RateLimitError
	if !errors.As(err, &rl) {
		t.Fatalf("err %v, want a rate limit", err)
	}
	if len(e.sleeps) != 0 {
		t.Errorf("slept %v under a primary rate limit", e.sleeps)
	}
}

// GitHub Enterprise serves the API under /api/v3; filing, the Link pages
// and a transfer's redirect must all stay under it.
func TestFileAndSyncUnderAnEnterprisePath(t *testing.T) {
	e := newEnv(t, "One", "Two", "Three")
	e.gh = githubtest.New(t, testToken, githubtest.WithPrefix("/api/v3"))
	e.gh.AddRepo(testRepo)
	e.gh.AddRepo("acme/platform")
	if !strings.HasSuffix(e.gh.URL, "/api/v3") {
		t.Fatalf("stand-in URL %s", e.gh.URL)
	}
	if _, err := e.file(ghub.Config{PageSize: 1}, ghub.FileOptions{}); err != nil {
		t.Fatalf("file: %v", err)
	}
	e.assertExactlyOnce()
	moved := e.gh.Transfer(testRepo, e.byTitle("Two").GitHub.Number, "acme/platform")
	if _, err := e.sync(); err != nil {
		t.Fatalf("sync: %v", err)
	}
	if it := e.byTitle("Two"); it.GitHub.Repo != "acme/platform" || it.GitHub.Number != moved {
		t.Errorf("moved item records %+v", it.GitHub)
	}
}

// A server's answer is not taken on trust: a web address that is no
// http(s) URL, a repository name that is no OWNER/NAME and an unknown
// state are not recorded as given.
func TestSyncRecordsOnlyWellFormedAnswers(t *testing.T) {
	e := newEnv(t, "Alert on checkout error rate")
	e.gh.Tamper(testRepo, map[string]any{
		"html_url":       "javascript:alert(1)",
		"repository_url": "http://x/repos/\x1b[2J/evil",
		"state":          "\x1b]0;pwned\x07",
	})
	if _, err := e.file(ghub.Config{}, ghub.FileOptions{}); err != nil {
		t.Fatal(err)
	}
	if it := e.stored()[0]; it.GitHub.URL != "" || it.GitHub.State != "open" {
		t.Errorf("filing records %+v", it.GitHub)
	}
	if _, err := e.sync(); err != nil {
		t.Fatalf("sync: %v", err)
	}
	if it := e.stored()[0]; it.GitHub.URL != "" || it.GitHub.Repo != testRepo || it.GitHub.Number != 1 || it.GitHub.State != "open" {
		t.Errorf("sync records %+v", it.GitHub)
	}
}
