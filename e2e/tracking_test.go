package e2e

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"scribe/integrations/github/githubtest"
)

// trackingIssues are the issues whose last line is a scribe tracking marker.
func trackingIssues(gh *githubtest.Server) []githubtest.Issue {
	var out []githubtest.Issue
	for _, iss := range gh.Issues(ghRepo) {
		body := strings.TrimRight(iss.Body, "\n")
		if strings.HasPrefix(body[strings.LastIndex(body, "\n")+1:], "<!-- scribe:incident:") {
			out = append(out, iss)
		}
	}
	return out
}

// As the issue judges it: github file --tracking twice makes one tracking
// issue whose task list links the follow-ups; closing a follow-up's issue
// and syncing ticks its box, in place.
func TestGitHubTrackingIssueAsJudged(t *testing.T) {
	gh := githubtest.New(t, ghToken)
	gh.AddRepo(ghRepo)
	db := githubIncident(t)
	for _, m := range [][]string{{"started", "-50m"}, {"detected", "-45m"}, {"mitigated", "-20m"}} {
		mustScribe(t, db, "milestone", "1", m[0], "--at", m[1])
	}
	mustScribe(t, db, "set", "1", "summary", "Checkout failed for half an hour after the payments deploy.")

	dry := scribe(t, db, "", nil, "github", "file", "1", "--repo", ghRepo, "--tracking", "--dry-run")
	if dry.code != 0 || !strings.Contains(dry.stdout, "would file the tracking issue in "+ghRepo) ||
		!strings.Contains(dry.stdout, "Follow-ups (0 of 3 done)") || len(gh.Log()) != 0 {
		t.Fatalf("--tracking --dry-run: exit %d, requests %v\n%s%s", dry.code, gh.Log(), dry.stdout, dry.stderr)
	}

	var runs []result
	for i := 0; i < 2; i++ {
		r := scribe(t, db, "", ghEnv(gh), "github", "file", "1", "--repo", ghRepo, "--tracking",
			"--postmortem-url", "https://wiki.example.com/pm/1")
		runs = append(runs, r)
		if r.code != 0 {
			t.Fatalf("run %d: exit %d\n%s%s", i+1, r.code, r.stdout, r.stderr)
		}
	}
	if !strings.Contains(runs[0].stdout, "tracking issue filed "+ghRepo+"#4") || !strings.Contains(runs[1].stdout, "tracking issue unchanged "+ghRepo+"#4") {
		t.Errorf("run outputs:\n%s\n%s", runs[0].stdout, runs[1].stdout)
	}
	tracking := trackingIssues(gh)
	if len(tracking) != 1 {
		t.Fatalf("%d tracking issues after two runs, want 1", len(tracking))
	}
	body := tracking[0].Body
	for _, want := range []string{
		"- [ ] #1 Alert on checkout error rate", "- [ ] #2 Canary stage for config pushes", "- [ ] #3 Runbook for rolling back the pool size",
		"<https://wiki.example.com/pm/1>", "Checkout failed for half an hour", "| 5m | 30m | — | 30m |",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("tracking issue lacks %q:\n%s", want, body)
		}
	}

	gh.SetState(ghRepo, 2, "closed", "completed")
	edits := gh.Edits()
	sync := scribe(t, db, "", ghEnv(gh), "github", "sync", "1")
	if sync.code != 0 || !strings.Contains(sync.stdout, "tracking issue updated "+ghRepo+"#4") {
		t.Fatalf("sync: exit %d\n%s%s", sync.code, sync.stdout, sync.stderr)
	}
	tracking = trackingIssues(gh)
	if len(tracking) != 1 || tracking[0].Number != 4 || gh.Edits() != edits+1 {
		t.Fatalf("after sync: %d tracking issues, #%d, %d edits; want the one #4 edited once", len(tracking), tracking[0].Number, gh.Edits()-edits)
	}
	for _, want := range []string{"- [x] #2 Canary stage for config pushes", "- [ ] #1 Alert on checkout error rate", "Follow-ups (1 of 3 done)"} {
		if !strings.Contains(tracking[0].Body, want) {
			t.Errorf("after sync the tracking issue lacks %q:\n%s", want, tracking[0].Body)
		}
	}
	again := scribe(t, db, "", ghEnv(gh), "github", "sync", "1")
	if again.code != 0 || gh.Edits() != edits+1 || !strings.Contains(again.stdout, "tracking issue unchanged") {
		t.Errorf("a second sync edited again: exit %d, %d edits\n%s", again.code, gh.Edits()-edits, again.stdout)
	}
	noToken(t, db, append(runs, dry, sync, again)...)

	// followups shows each open item's issue as the last sync saw it; the
	// closed one is done and gone from the list.
	var fs []struct {
		ID     int64 `json:"id"`
		GitHub *struct {
			Repo     string  `json:"repo"`
			Number   int     `json:"number"`
			State    string  `json:"state"`
			SyncedAt *string `json:"synced_at"`
		} `json:"github"`
	}
	if err := json.Unmarshal([]byte(mustScribe(t, db, "followups", "--repo", ghRepo, "--json")), &fs); err != nil {
		t.Fatal(err)
	}
	if len(fs) != 2 || fs[0].GitHub == nil || fs[0].GitHub.Repo != ghRepo || fs[0].GitHub.State != "open" || fs[0].GitHub.SyncedAt == nil {
		t.Errorf("followups --repo --json: %+v", fs)
	}
	if out := mustScribe(t, db, "followups"); !strings.Contains(out, ghRepo+"#1 open") || strings.Contains(out, "Canary stage") {
		t.Errorf("followups:\n%s", out)
	}
	if out := mustScribe(t, db, "followups", "--repo", "acme/other", "--json"); out != "[]" {
		t.Errorf("followups in another repository: %s", out)
	}
}

// The tracking issue survives the filing tests' faults from the command
// line too: runs repeat until done, and there is one.
func TestGitHubTrackingDespiteFaults(t *testing.T) {
	gh := githubtest.New(t, ghToken)
	gh.AddRepo(ghRepo)
	// Creates 1-3 are the follow-ups; the 4th and 5th are the tracking
	// issue's.
	gh.Inject(githubtest.CreateIssue, 4, githubtest.DropResponse)
	gh.Inject(githubtest.CreateIssue, 5, githubtest.BadGatewayAfterWork)
	gh.Inject(githubtest.EditIssue, 1, githubtest.BadGateway)
	db := githubIncident(t)
	var last result
	for run := 1; run <= 4; run++ {
		last = scribe(t, db, "", ghEnv(gh), "github", "file", "1", "--repo", ghRepo, "--tracking")
		t.Logf("run %d: exit %d\n%s%s", run, last.code, last.stdout, last.stderr)
		if last.code == 0 {
			break
		}
	}
	if last.code != 0 {
		t.Fatalf("still failing: %s", last.stderr)
	}
	if n := len(trackingIssues(gh)); n != 1 {
		t.Fatalf("%d tracking issues, want 1", n)
	}
	if n := len(gh.Issues(ghRepo)); n != 4 {
		t.Errorf("%d issues, want 3 follow-ups and 1 tracking issue", n)
	}
	gh.SetState(ghRepo, 1, "closed", "completed")
	if r := scribe(t, db, "", ghEnv(gh), "github", "sync", "1"); r.code != 0 {
		t.Fatalf("sync: %s", r.stderr)
	}
	if body := trackingIssues(gh)[0].Body; !strings.Contains(body, fmt.Sprintf("- [x] #%d Alert on checkout error rate", 1)) {
		t.Errorf("not ticked:\n%s", body)
	}
}
