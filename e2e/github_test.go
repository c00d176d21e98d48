package e2e

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"scribe/incident"
	ghub "scribe/integrations/github"
	"scribe/integrations/github/githubtest"
)

const (
	ghToken = "ghp_E2Etoken_do_not_print_0123456789"
	ghRepo  = "acme/payments"
)

// githubIncident declares an incident with three action items and returns
// its database.
func githubIncident(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "scribe.db")
	mustScribe(t, db, "new", "Checkout errors after the payments deploy", "--sev", "2")
	mustScribe(t, db, "action", "add", "1", "Alert on checkout error rate", "--owner", "@dana", "--due", "2026-12-05", "--priority", "P1")
	mustScribe(t, db, "action", "add", "1", "Canary stage for config pushes", "--owner", "Payments team", "--priority", "P2")
	mustScribe(t, db, "action", "add", "1", "Runbook for rolling back the pool size", "--due", "2026-12-12")
	return db
}

// items reads the action items as `action list --json` shows them.
func items(t *testing.T, db string) []incident.DocActionItem {
	t.Helper()
	var out []incident.DocActionItem
	if err := json.Unmarshal([]byte(mustScribe(t, db, "action", "list", "1", "--json")), &out); err != nil {
		t.Fatalf("action list --json: %v", err)
	}
	return out
}

// noToken fails when the token shows in a run's output or in the database.
func noToken(t *testing.T, db string, runs ...result) {
	t.Helper()
	for _, r := range runs {
		if strings.Contains(r.stdout, ghToken) || strings.Contains(r.stderr, ghToken) {
			t.Errorf("the token appears in the output:\nstdout: %s\nstderr: %s", r.stdout, r.stderr)
		}
	}
	for _, suffix := range []string{"", "-wal", "-shm"} {
		data, err := os.ReadFile(db + suffix)
		if err == nil && strings.Contains(string(data), ghToken) {
			t.Errorf("the token is stored in %s", db+suffix)
		}
	}
}

func ghEnv(gh *githubtest.Server) []string {
	return []string{"GITHUB_API_URL=" + gh.URL, "GH_TOKEN=" + ghToken, "PATH=" + os.Getenv("PATH")}
}

func TestGitHubFileExactlyOnceDespiteFaults(t *testing.T) {
	gh := githubtest.New(t, ghToken)
	gh.AddRepo(ghRepo)
	gh.Inject(githubtest.CreateIssue, 1, githubtest.SecondaryLimit)
	gh.Inject(githubtest.CreateIssue, 2, githubtest.BadGateway)
	gh.Inject(githubtest.CreateIssue, 3, githubtest.DropResponse)
	gh.Inject(githubtest.CreateIssue, 4, githubtest.TooManyRequests)
	db := githubIncident(t)

	var runs []result
	for run := 1; run <= 3; run++ {
		r := scribe(t, db, "", ghEnv(gh), "github", "file", "1", "--repo", ghRepo, "--label", "team-payments")
		runs = append(runs, r)
		t.Logf("run %d: exit %d\nstdout:\n%sstderr:\n%s", run, r.code, r.stdout, r.stderr)
		if r.code == 0 {
			break
		}
		if r.code != 1 {
			t.Fatalf("run %d: exit %d\n%s", run, r.code, r.stderr)
		}
	}
	last := runs[len(runs)-1]
	if last.code != 0 {
		t.Fatalf("still failing after %d runs:\n%s", len(runs), last.stderr)
	}

	issues := gh.Issues(ghRepo)
	if len(issues) != 3 {
		t.Errorf("%d issues on GitHub, want 3", len(issues))
	}
	for _, it := range items(t, db) {
		var carrying []githubtest.Issue
		for _, iss := range issues {
			if strings.Contains(iss.Body, ghub.Marker(it.UUID)) {
				carrying = append(carrying, iss)
			}
		}
		if len(carrying) != 1 {
			t.Errorf("%q: %d issues carry its marker, want 1", it.Title, len(carrying))
			continue
		}
		if it.GitHub == nil || it.GitHub.Number != carrying[0].Number || it.GitHub.Repo != ghRepo {
			t.Errorf("%q records %+v, the issue is #%d", it.Title, it.GitHub, carrying[0].Number)
		}
		for _, l := range []string{"incident-followup", "sev2", "team-payments"} {
			if !strings.Contains(strings.Join(carrying[0].Labels, ","), l) {
				t.Errorf("issue #%d labels %v lack %s", carrying[0].Number, carrying[0].Labels, l)
			}
		}
	}

	creates := gh.Calls(githubtest.CreateIssue)
	again := scribe(t, db, "", ghEnv(gh), "github", "file", "1", "--repo", ghRepo)
	if again.code != 0 || !strings.Contains(again.stdout, "nothing to file") {
		t.Errorf("a further run: exit %d\n%s%s", again.code, again.stdout, again.stderr)
	}
	if gh.Calls(githubtest.CreateIssue) != creates {
		t.Errorf("a further run sent %d creates", gh.Calls(githubtest.CreateIssue)-creates)
	}
	noToken(t, db, append(runs, again)...)
}

func TestGitHubDryRunSendsAndChangesNothing(t *testing.T) {
	gh := githubtest.New(t, ghToken)
	gh.ExpectNoRequests()
	db := githubIncident(t)
	before := mustScribe(t, db, "action", "list", "1", "--json")

	r := scribe(t, db, "", []string{"GITHUB_API_URL=" + gh.URL}, "github", "file", "1", "--repo", ghRepo, "--dry-run",
		"--postmortem-url", "https://wiki.example.com/pm/1")
	if r.code != 0 {
		t.Fatalf("dry run without a token: exit %d\n%s", r.code, r.stderr)
	}
	for _, want := range []string{"would file 3", "Alert on checkout error rate", "incident-followup, sev2", "assignee: dana",
		"https://wiki.example.com/pm/1", "scribe:action-item:"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("dry run output lacks %q:\n%s", want, r.stdout)
		}
	}
	if after := mustScribe(t, db, "action", "list", "1", "--json"); after != before {
		t.Errorf("the dry run changed the items:\nbefore %s\nafter %s", before, after)
	}
}

func TestGitHubWithoutTokenSaysWhereToPutOne(t *testing.T) {
	db := githubIncident(t)
	r := scribe(t, db, "", []string{"PATH=" + t.TempDir(), "GITHUB_API_URL=http://127.0.0.1:9"}, "github", "file", "1", "--repo", ghRepo)
	if r.code != 1 {
		t.Errorf("exit %d, want 1", r.code)
	}
	for _, want := range []string{"GH_TOKEN", "GITHUB_TOKEN", "gh auth token"} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr does not name %s: %s", want, r.stderr)
		}
	}
}

func TestGitHubTokenFromGHAndBadCredentials(t *testing.T) {
	gh := githubtest.New(t, ghToken)
	gh.AddRepo(ghRepo)
	db := githubIncident(t)
	bin := t.TempDir()
	if err := os.WriteFile(filepath.Join(bin, "gh"), []byte("#!/bin/sh\necho wrong_token_from_gh_777\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	r := scribe(t, db, "", []string{"GITHUB_API_URL=" + gh.URL, "PATH=" + bin}, "github", "file", "1", "--repo", ghRepo)
	if r.code != 1 || !strings.Contains(r.stderr, "bad credentials") || !strings.Contains(r.stderr, "gh auth token") {
		t.Errorf("a rejected token from gh: exit %d\n%s", r.code, r.stderr)
	}
	if strings.Contains(r.stdout+r.stderr, "wrong_token_from_gh_777") {
		t.Errorf("the token from gh was printed:\n%s%s", r.stdout, r.stderr)
	}
	if len(gh.Issues(ghRepo)) != 0 {
		t.Error("issues were created with a rejected token")
	}
}

func TestGitHubSyncMarksClosedIssuesDone(t *testing.T) {
	gh := githubtest.New(t, ghToken)
	gh.AddRepo(ghRepo)
	db := githubIncident(t)
	filed := scribe(t, db, "", ghEnv(gh), "github", "file", "1", "--repo", ghRepo)
	if filed.code != 0 {
		t.Fatalf("file: exit %d\n%s", filed.code, filed.stderr)
	}
	its := items(t, db)
	gh.SetState(ghRepo, its[0].GitHub.Number, "closed", "completed")
	gh.SetState(ghRepo, its[1].GitHub.Number, "closed", "not_planned")

	r := scribe(t, db, "", ghEnv(gh), "github", "sync", "1")
	if r.code != 0 {
		t.Fatalf("sync: exit %d\n%s", r.code, r.stderr)
	}
	if n := strings.Count(strings.TrimSpace(r.stdout), "\n"); n < 3 {
		t.Errorf("want a line per item and a summary:\n%s", r.stdout)
	}
	got := items(t, db)
	if got[0].State != "done" || got[1].State != "wontdo" || got[2].State != "open" {
		t.Errorf("states %s, %s, %s; want done, wontdo, open", got[0].State, got[1].State, got[2].State)
	}
	noToken(t, db, filed, r)
}

// Under a primary rate limit the run stops at the first refusal, without
// waiting or retrying, and says when the limit resets.
func TestGitHubPrimaryRateLimitStopsAtOnce(t *testing.T) {
	gh := githubtest.New(t, ghToken)
	gh.AddRepo(ghRepo)
	reset := time.Now().Add(42 * time.Minute)
	gh.RateLimitUntil(reset)
	db := githubIncident(t)

	r := scribe(t, db, "", ghEnv(gh), "github", "file", "1", "--repo", ghRepo)
	t.Logf("stdout:\n%sstderr:\n%s", r.stdout, r.stderr)
	if r.code != 1 {
		t.Errorf("exit %d, want 1", r.code)
	}
	if !strings.Contains(r.stderr, "rate limit") || !strings.Contains(r.stderr, reset.UTC().Format("15:04:05 UTC")) {
		t.Errorf("stderr does not report the limit and its reset time (%s UTC):\n%s", reset.UTC().Format("15:04:05"), r.stderr)
	}
	if n := len(gh.Log()); n != 1 {
		t.Errorf("%d requests, want 1:\n%s", n, strings.Join(gh.Log(), "\n"))
	}
	noToken(t, db, r)
}

func TestGitHubRefusedLabelWarnsAndFilesAnyway(t *testing.T) {
	gh := githubtest.New(t, ghToken)
	gh.AddRepo(ghRepo)
	gh.ForbidLabelCreation(ghRepo)
	db := githubIncident(t)
	r := scribe(t, db, "", ghEnv(gh), "github", "file", "1", "--repo", ghRepo, "--label", "team-payments")
	if r.code != 0 {
		t.Fatalf("exit %d\n%s", r.code, r.stderr)
	}
	if !strings.Contains(r.stderr, `warning: label "team-payments" could not be created`) {
		t.Errorf("no warning names the refused label:\n%s", r.stderr)
	}
	if n := len(gh.Issues(ghRepo)); n != 3 {
		t.Errorf("%d issues, want 3", n)
	}
	noToken(t, db, r)
}

// Two `scribe github file` runs at once on one incident: the second leaves
// the item the first is creating, files the others, and says to run again;
// the first links what the second filed. Every item ends with one issue.
func TestGitHubFileTwoRunsAtOnce(t *testing.T) {
	gh := githubtest.New(t, ghToken)
	gh.AddRepo(ghRepo)
	db := githubIncident(t)
	creating, secondDone := make(chan struct{}), make(chan struct{})
	// Only the first create waits; sync.Once would hold the others too.
	var held atomic.Bool
	gh.BeforeServe(githubtest.CreateIssue, func() {
		if held.CompareAndSwap(false, true) {
			close(creating)
			<-secondDone
		}
	})

	firstOut := make(chan result, 1)
	go func() { firstOut <- scribe(t, db, "", ghEnv(gh), "github", "file", "1", "--repo", ghRepo) }()
	<-creating
	second := scribe(t, db, "", ghEnv(gh), "github", "file", "1", "--repo", ghRepo)
	close(secondDone)
	first := <-firstOut
	t.Logf("first: exit %d\n%s%s\nsecond: exit %d\n%s%s", first.code, first.stdout, first.stderr, second.code, second.stdout, second.stderr)

	if second.code != 1 || !strings.Contains(second.stderr, "another scribe process is filing action item 1; run again in a moment") ||
		!strings.Contains(second.stdout, "2 filed, 0 already on GitHub, 1 not filed (of 3)") {
		t.Errorf("second run: exit %d\n%s%s\nwant exit 1, items 2 and 3 filed, item 1 left to the first run", second.code, second.stdout, second.stderr)
	}
	if first.code != 0 || !strings.Contains(first.stdout, "1 filed, 2 already on GitHub, 0 not filed (of 3)") {
		t.Errorf("first run: exit %d\n%s%s\nwant exit 0, item 1 filed and the others linked", first.code, first.stdout, first.stderr)
	}
	if n := gh.Calls(githubtest.CreateIssue); n != 3 {
		t.Errorf("%d creates, want 3", n)
	}
	issues := gh.Issues(ghRepo)
	for _, it := range items(t, db) {
		n := 0
		for _, iss := range issues {
			if strings.Contains(iss.Body, ghub.Marker(it.UUID)) {
				n++
				if it.GitHub == nil || it.GitHub.Number != iss.Number {
					t.Errorf("%q records %+v, its issue is #%d", it.Title, it.GitHub, iss.Number)
				}
			}
		}
		if n != 1 {
			t.Errorf("%q: %d issues carry its marker, want 1", it.Title, n)
		}
	}
	noToken(t, db, first, second)
}
