package github_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"scribe/incident"
	ghub "scribe/integrations/github"
	"scribe/integrations/github/githubtest"
)

func TestFileCreatesOneIssuePerOpenItemWithBodyLabelsAndAssignee(t *testing.T) {
	e := newEnv(t)
	alert := e.addItem(incident.ActionItem{
		Title: "Alert on checkout error rate", Description: "Page when 5xx exceed 2% for 5 minutes.",
		Owner: "@dana", Due: "2026-12-05", Priority: incident.P1,
	})
	e.addItem(incident.ActionItem{Title: "Write the canary runbook", Owner: "Payments team"})
	e.addItem(incident.ActionItem{Title: "Already finished", State: incident.ItemDone})

	res, err := e.file(ghub.Config{}, ghub.FileOptions{Labels: []string{"team-payments"}, PostmortemURL: "https://wiki.example.com/pm/1"})
	if err != nil {
		t.Fatalf("file: %v", err)
	}
	if len(res.Filed) != 2 || res.Unfiled() != 0 {
		t.Fatalf("filed %d, unfiled %d; want 2 and 0", len(res.Filed), res.Unfiled())
	}
	issues := e.gh.Issues(testRepo)
	if len(issues) != 2 {
		t.Fatalf("%d issues created, want 2 (the done item is not filed)", len(issues))
	}
	first := issues[0]
	for _, want := range []string{
		alert.Title, "Page when 5xx exceed 2%", "@\u2060dana", "2026-12-05", "P1",
		e.inc.Title, "SEV2", "2026-11-21", "https://wiki.example.com/pm/1", ghub.Marker(alert.UUID),
	} {
		if want == alert.Title {
			if first.Title != want {
				t.Errorf("title %q, want %q", first.Title, want)
			}
			continue
		}
		if !strings.Contains(first.Body, want) {
			t.Errorf("body lacks %q:\n%s", want, first.Body)
		}
	}
	for _, l := range []string{"incident-followup", "sev2", "team-payments"} {
		if !contains(first.Labels, l) {
			t.Errorf("labels %v lack %q", first.Labels, l)
		}
	}
	if len(first.Assignees) != 1 || first.Assignees[0] != "dana" {
		t.Errorf("assignees %v, want [dana]", first.Assignees)
	}
	if len(issues[1].Assignees) != 0 {
		t.Errorf("an owner not written @login was assigned: %v", issues[1].Assignees)
	}
	e.assertExactlyOnce()

	creates := e.gh.Calls(githubtest.CreateIssue)
	res, err = e.file(ghub.Config{}, ghub.FileOptions{})
	if err != nil || res.Total != 0 {
		t.Fatalf("second run: total %d, err %v; want nothing to do", res.Total, err)
	}
	if got := e.gh.Calls(githubtest.CreateIssue); got != creates {
		t.Errorf("second run made %d create requests", got-creates)
	}
	e.assertNoToken(err)
}

// Each fault, and all of them together, over up to three runs: never a
// duplicate, and in the end every item filed and recorded.
func TestFileSurvivesFaultsWithoutDuplicates(t *testing.T) {
	type fault struct {
		op  githubtest.Op
		nth int
		f   githubtest.Fault
	}
	cases := map[string][]fault{
		"502 on the second create":        {{githubtest.CreateIssue, 2, githubtest.BadGateway}},
		"secondary limit (403) on create": {{githubtest.CreateIssue, 1, githubtest.SecondaryLimit}},
		"429 on create":                   {{githubtest.CreateIssue, 3, githubtest.TooManyRequests}},
		"response dropped after create":   {{githubtest.CreateIssue, 2, githubtest.DropResponse}},
		"502 after the issue was made":    {{githubtest.CreateIssue, 1, githubtest.BadGatewayAfterWork}},
		"502 on the listing":              {{githubtest.ListIssues, 1, githubtest.BadGateway}},
		"secondary limit on labels":       {{githubtest.ListLabels, 1, githubtest.SecondaryLimit}},
		"all of them": {
			{githubtest.CreateIssue, 1, githubtest.SecondaryLimit},
			{githubtest.CreateIssue, 2, githubtest.BadGateway},
			{githubtest.CreateIssue, 4, githubtest.DropResponse},
			{githubtest.CreateIssue, 5, githubtest.TooManyRequests},
			{githubtest.CreateIssue, 6, githubtest.DropResponse},
			{githubtest.ListIssues, 2, githubtest.BadGateway},
			{githubtest.CreateIssue, 7, githubtest.BadGatewayAfterWork},
		},
	}
	for name, faults := range cases {
		for _, attempts := range []int{1, 5} {
			t.Run(fmt.Sprintf("%s/attempts=%d", name, attempts), func(t *testing.T) {
				e := newEnv(t, "Alert on checkout error rate", "Canary stage for config pushes", "Runbook for rollback", "Load-test the new pool")
				for _, f := range faults {
					e.gh.Inject(f.op, f.nth, f.f)
				}
				var errs []error
				// With retries, three runs are enough; without, each fault
				// can cost a run.
				runs := 3
				if attempts == 1 {
					runs = len(faults) + 2
				}
				for run := 1; run <= runs; run++ {
					res, err := e.file(ghub.Config{Attempts: attempts}, ghub.FileOptions{})
					errs = append(errs, err)
					if err == nil {
						break
					}
					if res.Unfiled() == 0 {
						t.Fatalf("run %d failed with nothing unfiled: %v", run, err)
					}
				}
				if errs[len(errs)-1] != nil {
					t.Fatalf("still failing after %d runs: %v", runs, errs)
				}
				e.assertExactlyOnce()
				if got := len(e.gh.Issues(testRepo)); got != 4 {
					t.Errorf("%d issues in the repository, want 4", got)
				}
				creates := e.gh.Calls(githubtest.CreateIssue)
				if _, err := e.file(ghub.Config{}, ghub.FileOptions{}); err != nil {
					t.Fatalf("further run: %v", err)
				}
				if got := e.gh.Calls(githubtest.CreateIssue); got != creates {
					t.Errorf("a further run made %d create requests", got-creates)
				}
				e.assertNoToken(errs...)
			})
		}
	}
}

// A create whose answer is lost leaves the item unrecorded; the next run
// must find the issue by its marker, not file it again.
func TestFileLostResponseIsRecordedFromTheListingNextRun(t *testing.T) {
	e := newEnv(t, "Alert on checkout error rate")
	e.gh.Inject(githubtest.CreateIssue, 1, githubtest.DropResponse)

	res, err := e.file(ghub.Config{Attempts: 1}, ghub.FileOptions{})
	if err == nil || res.Unfiled() != 1 {
		t.Fatalf("first run: unfiled %d, err %v; want the dropped create to leave the item unfiled", res.Unfiled(), err)
	}
	if it := e.stored()[0]; it.GitHub.Filed() || it.GitHub.SyncError == "" {
		t.Fatalf("after the dropped create the item records %+v; want no number and an error", it.GitHub)
	}
	if n := len(e.gh.Issues(testRepo)); n != 1 {
		t.Fatalf("the stand-in holds %d issues; the dropped create should have made 1", n)
	}

	res, err = e.file(ghub.Config{}, ghub.FileOptions{})
	if err != nil || len(res.Linked) != 1 || len(res.Filed) != 0 {
		t.Fatalf("second run: linked %d, filed %d, err %v; want the existing issue linked", len(res.Linked), len(res.Filed), err)
	}
	if got := e.gh.Calls(githubtest.CreateIssue); got != 1 {
		t.Errorf("%d create requests in all, want 1", got)
	}
	e.assertExactlyOnce()
}

// Within one run, a dropped create is followed by a fresh listing before
// any retry, which finds the issue.
func TestFileRelistsBeforeRetryingAnAmbiguousCreate(t *testing.T) {
	e := newEnv(t, "Alert on checkout error rate")
	e.gh.Inject(githubtest.CreateIssue, 1, githubtest.DropResponse)
	res, err := e.file(ghub.Config{}, ghub.FileOptions{})
	if err != nil || len(res.Linked) != 1 {
		t.Fatalf("linked %d, err %v; want the issue found by re-listing", len(res.Linked), err)
	}
	if got := e.gh.Calls(githubtest.CreateIssue); got != 1 {
		t.Errorf("%d create requests, want 1: the retry must look before it creates", got)
	}
	if got := e.gh.Calls(githubtest.ListIssues); got != 4 {
		t.Errorf("%d listing requests, want 4 (two listings before filing, two after the lost answer)", got)
	}
	e.assertExactlyOnce()
}

func TestFileHonoursRetryAfter(t *testing.T) {
	for _, f := range []githubtest.Fault{githubtest.SecondaryLimit, githubtest.TooManyRequests} {
		e := newEnv(t, "Alert on checkout error rate")
		e.gh.RetryAfter = 7
		e.gh.Inject(githubtest.CreateIssue, 1, f)
		if _, err := e.file(ghub.Config{}, ghub.FileOptions{}); err != nil {
			t.Fatalf("fault %d: %v", f, err)
		}
		if len(e.sleeps) != 1 || e.sleeps[0] != 7*time.Second {
			t.Errorf("fault %d: slept %v, want [7s] as Retry-After asked", f, e.sleeps)
		}
		e.assertExactlyOnce()
	}
}

func TestFileGivesUpWhenRetryAfterExceedsTheCap(t *testing.T) {
	e := newEnv(t, "Alert on checkout error rate")
	e.gh.RetryAfter = 600
	e.gh.Inject(githubtest.CreateIssue, 1, githubtest.SecondaryLimit)
	res, err := e.file(ghub.Config{MaxWait: time.Minute}, ghub.FileOptions{})
	if err == nil || res.Unfiled() != 1 {
		t.Fatalf("unfiled %d, err %v; want the item left for a later run", res.Unfiled(), err)
	}
	if len(e.sleeps) != 0 {
		t.Errorf("slept %v; a 10-minute Retry-After is beyond the 1-minute cap", e.sleeps)
	}
	if msg := e.stored()[0].GitHub.SyncError; !strings.Contains(msg, "secondary rate limit") {
		t.Errorf("recorded error %q does not name the secondary rate limit", msg)
	}
}

func TestFileStopsAtOnceOnPrimaryRateLimit(t *testing.T) {
	e := newEnv(t, "Alert on checkout error rate", "Canary stage for config pushes")
	reset := time.Now().Add(30 * time.Minute)
	e.gh.RateLimitUntil(reset)
	res, err := e.file(ghub.Config{}, ghub.FileOptions{})
	var rl *ghub.RateLimitError
	if !errors.As(err, &rl) {
		t.Fatalf("err %v (%T), want a *RateLimitError", err, err)
	}
	if rl.Reset.Unix() != reset.Unix() {
		t.Errorf("reset %v, want %v", rl.Reset, reset)
	}
	if !strings.Contains(err.Error(), reset.UTC().Format("15:04:05 UTC")) && !strings.Contains(err.Error(), reset.UTC().Format("15:04:05")) {
		t.Errorf("message %q does not say when the limit resets", err)
	}
	if res.Unfiled() != 2 || len(e.sleeps) != 0 {
		t.Errorf("unfiled %d, slept %v; want both items left and no waiting", res.Unfiled(), e.sleeps)
	}
	total := 0
	for _, op := range []githubtest.Op{githubtest.ListLabels, githubtest.ListIssues, githubtest.CreateIssue, githubtest.CreateLabel} {
		total += e.gh.Calls(op)
	}
	if total != 1 {
		t.Errorf("%d requests, want 1: the first refusal must stop the run", total)
	}
	for _, it := range e.stored() {
		if !strings.Contains(it.GitHub.SyncError, "rate limit") {
			t.Errorf("item %q records %q, want the rate limit", it.Title, it.GitHub.SyncError)
		}
	}
	e.assertNoToken(err)
}

func TestFileBadCredentialsNamesNoToken(t *testing.T) {
	e := newEnv(t, "Alert on checkout error rate")
	const wrong = "ghp_WRONGtoken9876543210"
	_, err := e.file(ghub.Config{Token: ghub.NewToken(wrong, "GITHUB_TOKEN")}, ghub.FileOptions{})
	var bc *ghub.BadCredentialsError
	if !errors.As(err, &bc) {
		t.Fatalf("err %v (%T), want *BadCredentialsError", err, err)
	}
	if !strings.Contains(err.Error(), "bad credentials") || !strings.Contains(err.Error(), "GITHUB_TOKEN") {
		t.Errorf("message %q should say bad credentials and name the token's source", err)
	}
	if strings.Contains(err.Error(), wrong) || strings.Contains(e.stored()[0].GitHub.SyncError, wrong) {
		t.Errorf("the token leaked: %v", err)
	}
}

func TestFileWithoutLabelWhenCreatingItIsRefused(t *testing.T) {
	e := newEnv(t, "Alert on checkout error rate")
	e.gh.AddLabel(testRepo, "incident-followup")
	e.gh.ForbidLabelCreation(testRepo)
	res, err := e.file(ghub.Config{}, ghub.FileOptions{Labels: []string{"team-payments"}})
	if err != nil || len(res.Filed) != 1 {
		t.Fatalf("filed %d, err %v; a refused label must not stop filing", len(res.Filed), err)
	}
	if len(res.Warnings) != 2 {
		t.Errorf("warnings %q, want one each for sev2 and team-payments", res.Warnings)
	}
	for _, w := range res.Warnings {
		if !strings.Contains(w, "filing without it") {
			t.Errorf("warning %q does not say the issue is filed without the label", w)
		}
	}
	iss := e.gh.Issues(testRepo)[0]
	if len(iss.Labels) != 1 || iss.Labels[0] != "incident-followup" {
		t.Errorf("labels %v, want only the existing incident-followup", iss.Labels)
	}
}

func TestFileFindsMarkedIssueEvenWithoutTheLabelAndAcrossPages(t *testing.T) {
	e := newEnv(t, "Alert on checkout error rate", "Canary stage for config pushes")
	for i := 1; i <= 5; i++ {
		e.gh.AddIssue(testRepo, fmt.Sprintf("Unrelated %d", i), "nothing to see")
	}
	e.gh.AddPullRequest(testRepo, "A PR quoting a marker", ghub.Marker(e.items[1].UUID))
	n := e.gh.AddIssue(testRepo, e.items[0].Title, "filed by an earlier run\n"+ghub.FollowUpFooter+"\n"+ghub.Marker(e.items[0].UUID))

	res, err := e.file(ghub.Config{PageSize: 2}, ghub.FileOptions{})
	if err != nil || len(res.Linked) != 1 || len(res.Filed) != 1 {
		t.Fatalf("linked %d, filed %d, err %v; want 1 and 1", len(res.Linked), len(res.Filed), err)
	}
	if got := e.stored()[0].GitHub.Number; got != n {
		t.Errorf("item records #%d, want the existing #%d", got, n)
	}
	var sawPage4 bool
	for _, line := range e.gh.Log() {
		if strings.Contains(line, "/issues?") && strings.Contains(line, "page=4") && strings.Contains(line, "per_page=2") && strings.Contains(line, "state=all") {
			sawPage4 = true
		}
	}
	if !sawPage4 {
		t.Errorf("the listing did not follow the Link header to page 4 with per_page=2:\n%s", strings.Join(e.gh.Log(), "\n"))
	}
}

func TestFileUnassignedWhenTheOwnerCannotBeAssigned(t *testing.T) {
	e := newEnv(t)
	e.addItem(incident.ActionItem{Title: "Alert on checkout error rate", Owner: "@someone-else"})
	e.gh.SetAssignable(testRepo, "dana")
	res, err := e.file(ghub.Config{}, ghub.FileOptions{})
	if err != nil || len(res.Filed) != 1 {
		t.Fatalf("filed %d, err %v", len(res.Filed), err)
	}
	if a := e.gh.Issues(testRepo)[0].Assignees; len(a) != 0 {
		t.Errorf("assignees %v, want none", a)
	}
	var noted bool
	for _, p := range e.events {
		noted = noted || p.Kind == ghub.ProgressNote && strings.Contains(p.Message, "cannot assign @someone-else")
	}
	if !noted {
		t.Error("no note says the owner could not be assigned")
	}
}

func TestFileUnknownRepositoryRecordsAnErrorOnEveryItem(t *testing.T) {
	e := newEnv(t, "Alert on checkout error rate", "Canary stage for config pushes")
	_, err := e.file(ghub.Config{}, ghub.FileOptions{Repo: ghub.Repo{Owner: "acme", Name: "nope"}})
	if err == nil || !strings.Contains(err.Error(), "acme/nope not found") {
		t.Fatalf("err %v, want the repository named as not found", err)
	}
	for _, it := range e.stored() {
		if !strings.Contains(it.GitHub.SyncError, "acme/nope not found") {
			t.Errorf("item %q records %q", it.Title, it.GitHub.SyncError)
		}
	}
}

func TestFileRetriesWithoutARefusedLabelWhenTheCreateRejectsIt(t *testing.T) {
	e := newEnv(t, "Alert on checkout error rate", "Canary stage for config pushes")
	e.gh.AddLabel(testRepo, "incident-followup")
	e.gh.AddLabel(testRepo, "sev2")
	e.gh.ForbidLabelCreation(testRepo)
	e.gh.RejectUnknownLabels(testRepo)
	res, err := e.file(ghub.Config{}, ghub.FileOptions{Labels: []string{"team-payments"}})
	if err != nil || len(res.Filed) != 2 {
		t.Fatalf("filed %d, err %v; want both filed without the refused label", len(res.Filed), err)
	}
	for _, iss := range e.gh.Issues(testRepo) {
		if strings.Join(iss.Labels, ",") != "incident-followup,sev2" {
			t.Errorf("issue #%d labels %v", iss.Number, iss.Labels)
		}
	}
	if got := e.gh.Calls(githubtest.CreateIssue); got != 3 {
		t.Errorf("%d creates, want 3: one rejected, then the label left off for every item", got)
	}
	e.assertExactlyOnce()
}

// The two listings each catch a case the other misses: a marked issue whose
// label a person removed (found by recency), and one whose updated_at is
// older than the item (found by label).
func TestFileFindsLostIssuesByLabelOrByRecency(t *testing.T) {
	for _, c := range []struct {
		name  string
		alter func(e *env, number int)
	}{
		{"label removed", func(e *env, n int) { e.gh.RemoveLabel(testRepo, n, ghub.FollowupLabel) }},
		{"updated_at in the past", func(e *env, n int) { e.gh.Backdate(testRepo, n, time.Date(2020, 1, 2, 3, 4, 5, 0, time.UTC)) }},
	} {
		t.Run(c.name, func(t *testing.T) {
			e := newEnv(t, "Alert on checkout error rate")
			e.gh.Inject(githubtest.CreateIssue, 1, githubtest.DropResponse)
			if _, err := e.file(ghub.Config{Attempts: 1}, ghub.FileOptions{}); err == nil {
				t.Fatal("the dropped create did not fail the first run")
			}
			c.alter(e, 1)
			res, err := e.file(ghub.Config{}, ghub.FileOptions{})
			if err != nil || len(res.Linked) != 1 {
				t.Fatalf("linked %d, err %v; want the lost issue found", len(res.Linked), err)
			}
			if n := len(e.gh.Issues(testRepo)); n != 1 {
				t.Errorf("%d issues, want 1", n)
			}
		})
	}
}
