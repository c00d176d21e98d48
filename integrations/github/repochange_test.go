package github_test

import (
	"strings"
	"testing"

	ghub "scribe/integrations/github"
	"scribe/integrations/github/githubtest"
)

const otherRepo = "acme/platform"

// loseCreate files in testRepo with the create's answer lost and the
// listing that would find its issue refused, so the run ends not knowing
// whether the issue exists. made says whether GitHub made it.
func loseCreate(t *testing.T, e *env, made bool) {
	t.Helper()
	if made {
		e.gh.Inject(githubtest.CreateIssue, 1, githubtest.DropResponse)
	} else {
		e.gh.Inject(githubtest.CreateIssue, 1, githubtest.BadGateway)
	}
	e.gh.Inject(githubtest.ListIssues, 3, githubtest.PrimaryLimit)
	res, err := e.file(ghub.Config{}, ghub.FileOptions{})
	if err == nil || len(res.Failed) != 1 {
		t.Fatalf("first run = %+v, %v; want the item failed", res, err)
	}
	it := e.stored()[0]
	if it.GitHub.Filed() || it.GitHub.Repo != testRepo {
		t.Fatalf("after the lost create the item records %+v; want the repository it was sent to and no number", it.GitHub)
	}
}

func other() ghub.FileOptions {
	return ghub.FileOptions{Repo: ghub.Repo{Owner: "acme", Name: "platform"}}
}

// A run for another repository looks where the lost create went, finds the
// issue there and records it: no second issue anywhere.
func TestRepoChangeFindsTheIssueALostCreateMade(t *testing.T) {
	e := newEnv(t, "Alert on checkout error rate")
	e.gh.AddRepo(otherRepo)
	loseCreate(t, e, true)

	res, err := e.file(ghub.Config{}, other())
	if err != nil || len(res.Linked) != 1 || len(res.Filed) != 0 {
		t.Fatalf("run with the other repository = linked %d filed %d, %v; want the first repository's issue linked", len(res.Linked), len(res.Filed), err)
	}
	if n := len(e.gh.Issues(otherRepo)); n != 0 {
		t.Errorf("%d issues filed in %s, want none", n, otherRepo)
	}
	it := e.stored()[0]
	if it.GitHub.Repo != testRepo || it.GitHub.Number != 1 {
		t.Errorf("the item records %s#%d, want %s#1", it.GitHub.Repo, it.GitHub.Number, testRepo)
	}
	linked := false
	for _, p := range e.events {
		linked = linked || p.Kind == ghub.ProgressLinked && strings.Contains(p.Message, testRepo+"#1") && strings.Contains(p.Message, "not filed again in "+otherRepo)
	}
	if !linked {
		t.Error("no progress line says the issue was found in the first repository and not filed again")
	}
	e.assertExactlyOnce()
}

// When the lost create made nothing, the run for the other repository
// files there, and a later run for a third repository need not look in the
// first any more.
func TestRepoChangeFilesWhenTheLostCreateMadeNothing(t *testing.T) {
	e := newEnv(t, "Alert on checkout error rate")
	e.gh.AddRepo(otherRepo)
	loseCreate(t, e, false)

	lists := e.gh.Calls(githubtest.ListIssues)
	res, err := e.file(ghub.Config{}, other())
	if err != nil || len(res.Filed) != 1 {
		t.Fatalf("run with the other repository = %+v, %v; want the item filed there", res, err)
	}
	if got := e.gh.Calls(githubtest.ListIssues) - lists; got != 4 {
		t.Errorf("%d listings, want 4: both of each repository", got)
	}
	if n := len(e.gh.Issues(testRepo)); n != 0 {
		t.Errorf("%d issues in %s, want none", n, testRepo)
	}
	if it := e.stored()[0]; it.GitHub.Repo != otherRepo || it.GitHub.Number != 1 {
		t.Errorf("the item records %s#%d, want %s#1", it.GitHub.Repo, it.GitHub.Number, otherRepo)
	}
}

// When the repository the lost create went to cannot be read, the item is
// not filed elsewhere; the message says how to go on, and --not-filed-in
// lets the user vouch for it.
func TestRepoChangeRefusedWhileTheEarlierRepositoryCannotBeRead(t *testing.T) {
	e := newEnv(t, "Alert on checkout error rate")
	e.gh.AddRepo(otherRepo)
	loseCreate(t, e, false)
	e.gh.DeleteRepo(testRepo)

	res, err := e.file(ghub.Config{}, other())
	if err == nil || len(res.Failed) != 1 {
		t.Fatalf("run = %+v, %v; want the item refused", res, err)
	}
	msg := e.stored()[0].GitHub.SyncError
	for _, want := range []string{testRepo + " cannot be checked", "scribe github file 1 --repo " + testRepo, "--not-filed-in " + testRepo, ghub.Marker(e.items[0].UUID)} {
		if !strings.Contains(msg, want) {
			t.Errorf("the item's error lacks %q:\n%s", want, msg)
		}
	}
	if n := e.gh.Calls(githubtest.CreateIssue); n != 1 {
		t.Errorf("%d creates, want only the first run's", n)
	}

	opts := other()
	opts.NotFiledIn = []ghub.Repo{{Owner: "acme", Name: "payments"}}
	res, err = e.file(ghub.Config{}, opts)
	if err != nil || len(res.Filed) != 1 {
		t.Fatalf("run with --not-filed-in = %+v, %v; want the item filed in %s", res, err, otherRepo)
	}
	if it := e.stored()[0]; it.GitHub.Repo != otherRepo {
		t.Errorf("the item records %s, want %s", it.GitHub.Repo, otherRepo)
	}
}

// A create GitHub certainly refused leaves nothing to look for later.
func TestRefusedCreateClearsTheRepositoryItWasSentTo(t *testing.T) {
	e := newEnv(t, "Alert on checkout error rate")
	e.gh.Inject(githubtest.CreateIssue, 1, githubtest.HostileError)
	if _, err := e.file(ghub.Config{}, ghub.FileOptions{}); err == nil {
		t.Fatal("a refused create did not fail the run")
	}
	if it := e.stored()[0]; it.GitHub.Repo != "" {
		t.Errorf("after a refused create the item records %q; want no repository to check", it.GitHub.Repo)
	}
}
