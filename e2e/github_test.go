package e2e

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
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

// Plain http is refused for any host but loopback, before any token is
// looked for, and the message repeats neither the query nor the userinfo.
func TestGitHubRefusesPlainHTTPToANonLoopbackHost(t *testing.T) {
	db := githubIncident(t)
	for _, api := range []string{
		"http://api.github.example/?access_token=QUERYSECRET",
		"http://user:PASSSECRET@10.1.2.3:8080/api/v3",
		"http://192.168.1.20/api/v3#FRAGSECRET",
		"http://127.0.0.1.nip.io/",
	} {
		for _, args := range [][]string{{"github", "file", "1", "--repo", ghRepo}, {"github", "sync", "1"}} {
			r := scribe(t, db, "", []string{"GITHUB_API_URL=" + api, "GH_TOKEN=" + ghToken}, args...)
			if r.code != 1 || !strings.Contains(r.stderr, "plain http") || !strings.Contains(r.stderr, "https") {
				t.Errorf("%s %v: exit %d\n%s; want a refusal that says to use https", api, args, r.code, r.stderr)
			}
			for _, secret := range []string{"QUERYSECRET", "PASSSECRET", "FRAGSECRET"} {
				if strings.Contains(r.stdout+r.stderr, secret) {
					t.Errorf("%s: the output repeats %s:\n%s", api, secret, r.stderr)
				}
			}
			noToken(t, db, r)
		}
	}
}

// A token with a line break inside fails at once with a message saying so,
// and nothing is sent.
func TestGitHubMalformedTokenFailsAtOnce(t *testing.T) {
	gh := githubtest.New(t, ghToken)
	gh.ExpectNoRequests()
	db := githubIncident(t)
	bad := "ghp_E2E_first_half\nsecond_half_0123"
	r := scribe(t, db, "", []string{"GITHUB_API_URL=" + gh.URL, "GITHUB_TOKEN=" + bad}, "github", "file", "1", "--repo", ghRepo)
	if r.code != 1 || !strings.Contains(r.stderr, "GITHUB_TOKEN is malformed: it contains a line break") {
		t.Errorf("exit %d\n%s; want the malformed token named", r.code, r.stderr)
	}
	if strings.Contains(r.stdout+r.stderr, "first_half") || strings.Contains(r.stdout+r.stderr, "second_half") {
		t.Errorf("the output shows the token:\n%s", r.stderr)
	}
	if strings.Count(r.stderr, "\n") > 1 {
		t.Errorf("want one line of error, got:\n%s", r.stderr)
	}
}

// hostileBytes are what must never reach a terminal from scribe github.
const hostileBytes = "\x1b\x07\u009b\u009d\u202e"

func noEscapes(t *testing.T, what string, r result) {
	t.Helper()
	for _, out := range []string{r.stdout, r.stderr} {
		if i := strings.IndexAny(out, hostileBytes); i >= 0 {
			t.Errorf("%s: an escape or override reached the output at byte %d:\n%q", what, i, out)
		}
	}
}

// Titles, owners, descriptions and the server's error messages can carry
// terminal escapes; no output of scribe github passes one on.
func TestGitHubNoEscapeInAnyOutput(t *testing.T) {
	gh := githubtest.New(t, ghToken)
	gh.AddRepo(ghRepo)
	gh.Inject(githubtest.CreateIssue, 1, githubtest.HostileError)
	gh.Inject(githubtest.ListLabels, 1, githubtest.HostileError)
	db := filepath.Join(t.TempDir(), "scribe.db")
	mustScribe(t, db, "new", "Outage \x1b]0;pwned\x07 \u202eesrever", "--sev", "2")
	mustScribe(t, db, "action", "add", "1", "Alert \x1b[31mred\x1b[0m on errors", "--owner", "Dana\x1b[2J",
		"--description", "clear \x1b[2J screen \u009b31m and \u009d0;title\x07")
	mustScribe(t, db, "action", "add", "1", "Second \u202eitem")

	dry := scribe(t, db, "", []string{"GITHUB_API_URL=" + gh.URL}, "github", "file", "1", "--repo", ghRepo, "--dry-run")
	if dry.code != 0 || !strings.Contains(dry.stdout, "Alert red on errors") {
		t.Errorf("dry run: exit %d\n%s%s", dry.code, dry.stdout, dry.stderr)
	}
	noEscapes(t, "dry run", dry)

	run := scribe(t, db, "", ghEnv(gh), "github", "file", "1", "--repo", ghRepo)
	if run.code != 1 || !strings.Contains(run.stderr, "Validation failed") {
		t.Errorf("run: exit %d\n%s%s; want the server's refusal shown", run.code, run.stdout, run.stderr)
	}
	noEscapes(t, "run", run)
	noEscapes(t, "action list", scribe(t, db, "", nil, "action", "list", "1"))

	badLabel := scribe(t, db, "", ghEnv(gh), "github", "file", "1", "--repo", ghRepo, "--label", "x\x1b]0;pwned\x07", "--dry-run")
	if badLabel.code != 2 || !strings.Contains(badLabel.stderr, "control or invisible character") {
		t.Errorf("a label with an escape: exit %d\n%s", badLabel.code, badLabel.stderr)
	}
	noEscapes(t, "bad label", badLabel)
	badFlag := scribe(t, db, "", ghEnv(gh), "github", "file", "1", "--repo", ghRepo, "--\x1b]0;pwned\x07")
	if badFlag.code != 2 {
		t.Errorf("an unknown flag with an escape: exit %d\n%s", badFlag.code, badFlag.stderr)
	}
	noEscapes(t, "bad flag", badFlag)
	badRepo := scribe(t, db, "", ghEnv(gh), "github", "file", "1", "--repo", "acme/\x1b[2Jx")
	noEscapes(t, "bad repo", badRepo)
}

// Issue bodies mention and link nobody from what people typed; only an
// owner that is exactly @login is assigned and only one that is exactly
// @org/team is mentioned.
func TestGitHubIssueBodiesPingNobody(t *testing.T) {
	gh := githubtest.New(t, ghToken)
	gh.AddRepo(ghRepo)
	db := filepath.Join(t.TempDir(), "scribe.db")
	mustScribe(t, db, "new", "cc @torvalds #1234 acme/other#5", "--sev", "2")
	mustScribe(t, db, "action", "add", "1", "Thank @gaearon for GH-9", "--owner", "cc @torvalds",
		"--description", "see #1, acme/other#5, deadbeefcafe1 and &#64;linus")
	mustScribe(t, db, "action", "add", "1", "Alert on checkout error rate", "--owner", "@dana")
	mustScribe(t, db, "action", "add", "1", "Runbook for the pool size", "--owner", "@acme/payments-sre")

	dry := scribe(t, db, "", nil, "github", "file", "1", "--repo", ghRepo, "--dry-run")
	if !strings.Contains(dry.stdout, "mentions: @acme/payments-sre") || !strings.Contains(dry.stdout, "assignee: dana") {
		t.Errorf("the dry run does not say who is assigned and which team is mentioned:\n%s", dry.stdout)
	}
	r := scribe(t, db, "", ghEnv(gh), "github", "file", "1", "--repo", ghRepo)
	if r.code != 0 {
		t.Fatalf("file: exit %d\n%s", r.code, r.stderr)
	}
	issues := gh.Issues(ghRepo)
	if len(issues) != 3 {
		t.Fatalf("%d issues, want 3", len(issues))
	}
	want := []string{"", "", "@acme/payments-sre"}
	assignee := []string{"", "dana", ""}
	for i, iss := range issues {
		if got := strings.Join(githubtest.Links(githubtest.UserText(iss.Body)), " "); got != want[i] {
			t.Errorf("issue #%d would make %q, want %q:\n%s", iss.Number, got, want[i], iss.Body)
		}
		if got := strings.Join(iss.Assignees, ","); got != assignee[i] {
			t.Errorf("issue #%d assigned %q, want %q", iss.Number, got, assignee[i])
		}
	}
}

// A create whose answer was lost in one repository, then a run naming
// another: the issue is found where it was made, not filed twice; where the
// first repository cannot be read, the item waits and the message says how
// to go on.
func TestGitHubRepoChangeAfterALostCreate(t *testing.T) {
	gh := githubtest.New(t, ghToken)
	gh.AddRepo(ghRepo)
	gh.AddRepo("acme/platform")
	db := githubIncident(t)
	gh.Inject(githubtest.CreateIssue, 1, githubtest.DropResponse) // item 1 made, answer lost
	gh.Inject(githubtest.ListIssues, 3, githubtest.PrimaryLimit)  // and the check refused
	first := scribe(t, db, "", ghEnv(gh), "github", "file", "1", "--repo", ghRepo)
	if first.code != 1 || len(gh.Issues(ghRepo)) != 1 {
		t.Fatalf("first run: exit %d, %d issues\n%s", first.code, len(gh.Issues(ghRepo)), first.stderr)
	}

	second := scribe(t, db, "", ghEnv(gh), "github", "file", "1", "--repo", "acme/platform")
	t.Logf("second run:\n%s%s", second.stdout, second.stderr)
	if second.code != 0 || !strings.Contains(second.stdout, "already on GitHub as acme/payments#1") {
		t.Errorf("second run: exit %d\n%s%s; want item 1 found in acme/payments", second.code, second.stdout, second.stderr)
	}
	if n := len(gh.Issues(ghRepo)); n != 1 {
		t.Errorf("%d issues in %s, want 1", n, ghRepo)
	}
	if n := len(gh.Issues("acme/platform")); n != 2 {
		t.Errorf("%d issues in acme/platform, want 2 (items 2 and 3)", n)
	}
	its := items(t, db)
	if its[0].GitHub == nil || its[0].GitHub.Repo != ghRepo || its[0].GitHub.Number != 1 {
		t.Errorf("item 1 records %+v, want %s#1", its[0].GitHub, ghRepo)
	}
	noToken(t, db, first, second)
}

func TestGitHubRepoChangeWaitsWhileTheFirstRepositoryCannotBeRead(t *testing.T) {
	gh := githubtest.New(t, ghToken)
	gh.AddRepo(ghRepo)
	gh.AddRepo("acme/platform")
	db := githubIncident(t)
	gh.Inject(githubtest.CreateIssue, 1, githubtest.BadGateway)
	gh.Inject(githubtest.ListIssues, 3, githubtest.PrimaryLimit)
	if r := scribe(t, db, "", ghEnv(gh), "github", "file", "1", "--repo", ghRepo); r.code != 1 {
		t.Fatalf("first run: exit %d\n%s", r.code, r.stderr)
	}
	gh.DeleteRepo(ghRepo)

	dry := scribe(t, db, "", nil, "github", "file", "1", "--repo", "acme/platform", "--dry-run")
	if !strings.Contains(dry.stdout, "an earlier run sent it to acme/payments") {
		t.Errorf("the dry run does not say where a real run looks first:\n%s", dry.stdout)
	}
	r := scribe(t, db, "", ghEnv(gh), "github", "file", "1", "--repo", "acme/platform")
	if r.code != 1 || !strings.Contains(r.stderr, "--not-filed-in acme/payments") || !strings.Contains(r.stderr, "scribe github file 1 --repo acme/payments") {
		t.Errorf("exit %d\n%s; want item 1 held back with the ways to go on", r.code, r.stderr)
	}
	if n := len(gh.Issues("acme/platform")); n != 2 {
		t.Errorf("%d issues in acme/platform, want 2 (not item 1)", n)
	}
	r = scribe(t, db, "", ghEnv(gh), "github", "file", "1", "--repo", "acme/platform", "--not-filed-in", "acme/payments")
	if r.code != 0 || len(gh.Issues("acme/platform")) != 3 {
		t.Errorf("with --not-filed-in: exit %d, %d issues\n%s", r.code, len(gh.Issues("acme/platform")), r.stderr)
	}
}

// Whatever fails, and however the server echoes what it was sent, the
// token is in no output and not in the database.
func TestGitHubTokenNeverInAnyOutput(t *testing.T) {
	gh := githubtest.New(t, ghToken)
	gh.AddRepo(ghRepo)
	gh.EchoCredentials()
	db := githubIncident(t)
	gh.Inject(githubtest.CreateIssue, 1, githubtest.HostileError)
	gh.Inject(githubtest.CreateIssue, 2, githubtest.BadGateway)
	gh.Inject(githubtest.GetIssue, 1, githubtest.HostileError)
	var runs []result
	run := func(env []string, args ...string) {
		r := scribe(t, db, "", env, args...)
		runs = append(runs, r)
	}
	run([]string{"GITHUB_API_URL=" + gh.URL, "GH_TOKEN=" + ghToken + "x"}, "github", "file", "1", "--repo", ghRepo) // rejected: 401
	run([]string{"GITHUB_API_URL=" + gh.URL + "?t=" + ghToken, "GH_TOKEN=" + ghToken}, "github", "file", "1", "--repo", ghRepo)
	run([]string{"GITHUB_API_URL=http://" + ghToken + "@example.com/", "GH_TOKEN=" + ghToken}, "github", "sync", "1")
	run([]string{"GITHUB_API_URL=https://" + ghToken + "@example.com/", "GH_TOKEN=" + ghToken}, "github", "sync", "1")
	run([]string{"GITHUB_API_URL=" + gh.URL, "GH_TOKEN=" + ghToken + "\n" + ghToken}, "github", "file", "1", "--repo", ghRepo)
	run(ghEnv(gh), "github", "file", "1", "--repo", "acme/missing")                     // 404, echoed
	run(ghEnv(gh), "github", "file", "1", "--repo", ghRepo, "--label", "team-payments") // a 422 (echoed), a 502, a success
	run(ghEnv(gh), "github", "sync", "1")                                               // a 422, echoed
	run(ghEnv(gh), "github", "file", "1", "--repo", ghRepo)
	run(nil, "action", "list", "1")
	run(nil, "action", "list", "1", "--json")
	run(nil, "show", "1")
	run(nil, "export", "1", "--format", "json")
	failed, echoed := 0, false
	for _, r := range runs {
		if r.code != 0 {
			failed++
		}
		echoed = echoed || strings.Contains(r.stderr, "Authorization: Bearer [redacted]")
	}
	if !echoed {
		t.Error("no output shows the server's echo, redacted: the test did not exercise it")
	}
	if failed < 8 {
		t.Errorf("only %d of the runs failed; the test did not exercise the failures", failed)
	}
	noToken(t, db, runs...)
}

// A gh in a relative PATH entry (the current directory, a repository's
// bin/) is never run for a token.
func TestGitHubIgnoresGHFromARelativePATHEntry(t *testing.T) {
	db := githubIncident(t)
	work := t.TempDir()
	if err := os.MkdirAll(filepath.Join(work, "bin"), 0o755); err != nil {
		t.Fatal(err)
	}
	ran := filepath.Join(work, "ran")
	script := "#!/bin/sh\ntouch " + ran + "\necho planted_token\n"
	for _, p := range []string{filepath.Join(work, "gh"), filepath.Join(work, "bin", "gh")} {
		if err := os.WriteFile(p, []byte(script), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command(binary, "--db", db, "github", "file", "1", "--repo", ghRepo)
	cmd.Dir = work
	cmd.Env = append(baseEnv(t), "PATH=bin:.::/usr/bin:/bin", "GITHUB_API_URL=http://127.0.0.1:9")
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 1 || !strings.Contains(out.String(), "no GitHub token") {
		t.Errorf("run: %v\n%s; want no token found", err, out.String())
	}
	if _, err := os.Stat(ran); err == nil {
		t.Error("a gh from a relative PATH entry was run")
	}
}
