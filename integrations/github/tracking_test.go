package github_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"scribe/incident"
	ghub "scribe/integrations/github"
	"scribe/integrations/github/githubtest"
	"scribe/store"
)

var paymentsRepo = ghub.Repo{Owner: "acme", Name: "payments"}

// track runs the tracker of e's incident.
func (e *env) track(cfg ghub.Config, opts ghub.TrackOptions) (ghub.TrackResult, error) {
	e.t.Helper()
	if opts.Repo == (ghub.Repo{}) {
		opts.Repo = paymentsRepo
	}
	return ghub.NewTracker(e.client(cfg), e.st).File(context.Background(), e.inc.ID, opts, e.progress)
}

func (e *env) syncAll(cfg ghub.Config) (ghub.TrackResult, error) {
	e.t.Helper()
	c := e.client(cfg)
	if _, err := ghub.NewSyncer(c, e.st).Sync(context.Background(), e.inc.ID, e.progress); err != nil {
		e.t.Fatalf("sync follow-ups: %v", err)
	}
	return ghub.NewTracker(c, e.st).Sync(context.Background(), e.inc.ID, nil, e.progress)
}

func (e *env) tracking() incident.TrackingIssue {
	e.t.Helper()
	ti, err := e.st.TrackingIssue(context.Background(), e.inc.ID)
	if err != nil {
		e.t.Fatalf("tracking issue: %v", err)
	}
	return ti
}

// trackingIssues are the issues of repo whose last line is the incident's
// tracking marker (or any tracking marker, when uuid is "").
func (e *env) trackingIssues(repo, uuid string) []githubtest.Issue {
	var out []githubtest.Issue
	for _, iss := range e.gh.Issues(repo) {
		body := strings.TrimRight(iss.Body, "\n")
		last := body[strings.LastIndex(body, "\n")+1:]
		if strings.HasPrefix(last, "<!-- scribe:incident:") && (uuid == "" || last == ghub.TrackingMarker(uuid)) {
			out = append(out, iss)
		}
	}
	return out
}

// assertOneTracking checks the tracking invariant: one issue carries the
// incident's marker, and the store records it.
func (e *env) assertOneTracking(repo string) githubtest.Issue {
	e.t.Helper()
	ti := e.tracking()
	got := e.trackingIssues(repo, ti.UUID)
	if len(got) != 1 || len(e.trackingIssues(repo, "")) != 1 {
		e.t.Fatalf("%d issues carry the incident's marker (%d any tracking marker), want exactly 1", len(got), len(e.trackingIssues(repo, "")))
	}
	if ti.Number != got[0].Number || !strings.EqualFold(ti.Repo, repo) || ti.SyncError != "" {
		e.t.Errorf("the store records %s#%d (error %q), the issue is %s#%d", ti.Repo, ti.Number, ti.SyncError, repo, got[0].Number)
	}
	return got[0]
}

func TestTrackingIssueIsFiledOnceAndLinksTheFollowUps(t *testing.T) {
	e := newEnv(t)
	e.addItem(incident.ActionItem{Title: "Alert on checkout error rate", Owner: "@dana", Priority: incident.P1})
	e.addItem(incident.ActionItem{Title: "Canary stage for config pushes, see #12 and @ops"})
	e.addItem(incident.ActionItem{Title: "Already finished", State: incident.ItemDone})
	if _, err := e.st.UpdateIncident(context.Background(), e.inc.ID, func(inc *incident.Incident) error {
		inc.Summary = "Checkout failed for 20 minutes; @dana rolled back."
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := e.file(ghub.Config{}, ghub.FileOptions{}); err != nil {
		t.Fatalf("file follow-ups: %v", err)
	}
	res, err := e.track(ghub.Config{}, ghub.TrackOptions{Labels: []string{"team-payments"}, PostmortemURL: "https://wiki.example.com/pm/1"})
	if err != nil || !res.Created {
		t.Fatalf("track: %+v, %v; want created", res, err)
	}
	iss := e.assertOneTracking(testRepo)
	items := e.stored()
	for _, want := range []string{
		fmt.Sprintf("- [ ] #%d Alert on checkout error rate", items[0].GitHub.Number),
		fmt.Sprintf("- [ ] #%d Canary stage for config pushes, see #\u206012 and @\u2060ops", items[1].GitHub.Number),
		"- [x] Already finished _(not filed on GitHub yet)_",
		"### Follow-ups (1 of 3 done)",
		"<https://wiki.example.com/pm/1>", "**SEV2**", "Checkout failed for 20 minutes; @\u2060dana rolled back.",
		"| Time to detect | Time to mitigate |",
	} {
		if !strings.Contains(iss.Body, want) {
			t.Errorf("tracking body lacks %q:\n%s", want, iss.Body)
		}
	}
	if !strings.HasPrefix(iss.Title, "Incident: "+e.inc.Title+" (SEV2") {
		t.Errorf("title %q", iss.Title)
	}
	for _, l := range []string{ghub.TrackingLabel, "sev2", "team-payments"} {
		if !contains(iss.Labels, l) {
			t.Errorf("labels %v lack %s", iss.Labels, l)
		}
	}
	if contains(iss.Labels, ghub.FollowupLabel) {
		t.Errorf("the tracking issue carries %s: follow-up listings would count it", ghub.FollowupLabel)
	}

	// Twice: no second issue, no edit that changes nothing.
	creates, edits := e.gh.Calls(githubtest.CreateIssue), e.gh.Edits()
	res, err = e.track(ghub.Config{}, ghub.TrackOptions{})
	if err != nil || res.Created || res.Edited {
		t.Fatalf("second run: %+v, %v; want nothing done", res, err)
	}
	if e.gh.Calls(githubtest.CreateIssue) != creates || e.gh.Edits() != edits {
		t.Errorf("second run created %d and edited %d", e.gh.Calls(githubtest.CreateIssue)-creates, e.gh.Edits()-edits)
	}
	// The follow-ups' own listing never takes it for one of theirs.
	if _, err := e.file(ghub.Config{}, ghub.FileOptions{}); err != nil {
		t.Fatal(err)
	}
	e.assertExactlyOnce()
	e.assertNoToken(err)
}

func TestSyncTicksClosedFollowUpsInPlace(t *testing.T) {
	e := newEnv(t, "Alert on checkout error rate", "Canary stage for config pushes", "Runbook for rollback")
	if _, err := e.file(ghub.Config{}, ghub.FileOptions{}); err != nil {
		t.Fatal(err)
	}
	if _, err := e.track(ghub.Config{}, ghub.TrackOptions{}); err != nil {
		t.Fatal(err)
	}
	items := e.stored()
	before := e.assertOneTracking(testRepo)
	// People add their own text around scribe's part.
	e.gh.SetBody(testRepo, before.Number, "Retro on Thursday.\n\n"+before.Body[:strings.LastIndex(strings.TrimRight(before.Body, "\n"), "\n")]+
		"\n\nOwner of this issue: the payments team.\n\n"+ghub.TrackingMarker(e.tracking().UUID)+"\n")
	e.gh.SetState(testRepo, items[1].GitHub.Number, "closed", "completed")
	e.gh.SetState(testRepo, items[2].GitHub.Number, "closed", "not_planned")

	issuesBefore := len(e.gh.Issues(testRepo))
	res, err := e.syncAll(ghub.Config{})
	if err != nil || !res.Edited {
		t.Fatalf("sync: %+v, %v; want the tracking issue edited", res, err)
	}
	after := e.assertOneTracking(testRepo)
	for _, want := range []string{
		fmt.Sprintf("- [ ] #%d Alert on checkout error rate", items[0].GitHub.Number),
		fmt.Sprintf("- [x] #%d Canary stage for config pushes", items[1].GitHub.Number),
		fmt.Sprintf("- [x] #%d Runbook for rollback _(won't do)_", items[2].GitHub.Number),
		"### Follow-ups (2 of 3 done)", "Retro on Thursday.", "Owner of this issue: the payments team.",
	} {
		if !strings.Contains(after.Body, want) {
			t.Errorf("after sync the body lacks %q:\n%s", want, after.Body)
		}
	}
	if after.Number != before.Number || len(e.gh.Issues(testRepo)) != issuesBefore {
		t.Errorf("sync made another issue: #%d then #%d, %d issues then %d", before.Number, after.Number, issuesBefore, len(e.gh.Issues(testRepo)))
	}
	// Nothing changed since: no edit.
	edits := e.gh.Edits()
	if res, err := e.syncAll(ghub.Config{}); err != nil || res.Edited || e.gh.Edits() != edits {
		t.Errorf("a sync with nothing new edited the issue: %+v, %v", res, err)
	}
	// A follow-up added and filed later joins the list on the next run.
	e.addItem(incident.ActionItem{Title: "Load-test the new pool"})
	if _, err := e.file(ghub.Config{}, ghub.FileOptions{}); err != nil {
		t.Fatal(err)
	}
	if res, err := e.track(ghub.Config{}, ghub.TrackOptions{}); err != nil || !res.Edited {
		t.Fatalf("track after a new follow-up: %+v, %v", res, err)
	}
	if body := e.assertOneTracking(testRepo).Body; !strings.Contains(body, "Load-test the new pool") || !strings.Contains(body, "(2 of 4 done)") {
		t.Errorf("the new follow-up is not listed:\n%s", body)
	}
}

// The faults the filing tests use, over up to a few runs: never a second
// tracking issue, and in the end the one recorded.
func TestTrackingSurvivesFaultsWithoutDuplicates(t *testing.T) {
	type fault struct {
		op  githubtest.Op
		nth int
		f   githubtest.Fault
	}
	cases := map[string][]fault{
		"502 on create":                  {{githubtest.CreateIssue, 1, githubtest.BadGateway}},
		"secondary limit on create":      {{githubtest.CreateIssue, 1, githubtest.SecondaryLimit}},
		"429 on create":                  {{githubtest.CreateIssue, 1, githubtest.TooManyRequests}},
		"response dropped after create":  {{githubtest.CreateIssue, 1, githubtest.DropResponse}},
		"502 after the issue was made":   {{githubtest.CreateIssue, 1, githubtest.BadGatewayAfterWork}},
		"502 on the listing":             {{githubtest.ListIssues, 1, githubtest.BadGateway}},
		"secondary limit on labels":      {{githubtest.ListLabels, 1, githubtest.SecondaryLimit}},
		"edit dropped after it was made": {{githubtest.EditIssue, 1, githubtest.DropResponse}},
		"502 on the read before an edit": {{githubtest.GetIssue, 1, githubtest.BadGateway}},
		"all of them": {
			{githubtest.CreateIssue, 1, githubtest.SecondaryLimit},
			{githubtest.CreateIssue, 2, githubtest.DropResponse},
			{githubtest.ListIssues, 3, githubtest.BadGateway},
			{githubtest.CreateIssue, 3, githubtest.BadGatewayAfterWork},
			{githubtest.GetIssue, 1, githubtest.BadGateway},
			{githubtest.EditIssue, 1, githubtest.BadGatewayAfterWork},
		},
	}
	for name, faults := range cases {
		for _, attempts := range []int{1, 5} {
			t.Run(fmt.Sprintf("%s/attempts=%d", name, attempts), func(t *testing.T) {
				e := newEnv(t)
				// No follow-ups: every request of a run is the tracking issue's.
				for _, f := range faults {
					e.gh.Inject(f.op, f.nth, f.f)
				}
				runs := 3
				if attempts == 1 {
					runs = len(faults) + 2
				}
				var errs []error
				for run := 1; run <= runs; run++ {
					_, err := e.track(ghub.Config{Attempts: attempts}, ghub.TrackOptions{})
					errs = append(errs, err)
					if err == nil {
						break
					}
				}
				if errs[len(errs)-1] != nil {
					t.Fatalf("still failing after %d runs: %v", runs, errs)
				}
				e.assertOneTracking(testRepo)
				// A closed follow-up after the faults still gets its box.
				it := e.addItem(incident.ActionItem{Title: "Alert on checkout error rate"})
				if _, err := e.file(ghub.Config{}, ghub.FileOptions{}); err != nil {
					t.Fatal(err)
				}
				e.gh.SetState(testRepo, e.stored()[0].GitHub.Number, "closed", "completed")
				if _, err := e.syncAll(ghub.Config{}); err != nil {
					t.Fatalf("sync after the faults: %v", err)
				}
				if body := e.assertOneTracking(testRepo).Body; !strings.Contains(body, "- [x] #") || !strings.Contains(body, it.Title) {
					t.Errorf("the closed follow-up is not ticked:\n%s", body)
				}
				e.assertNoToken(errs...)
			})
		}
	}
}

// Two processes at once: one files, the other either meets its claim or
// finds the filed issue; never two.
func TestTrackingTwoRunsAtOnce(t *testing.T) {
	e := newEnv(t)
	first, second := e.newRun(), e.newRun()
	creating, secondDone := make(chan struct{}), make(chan struct{})
	var held atomic.Bool
	e.gh.BeforeServe(githubtest.CreateIssue, func() {
		if held.CompareAndSwap(false, true) {
			close(creating)
			<-secondDone
		}
	})
	track := func(r *run) (ghub.TrackResult, error) {
		return ghub.NewTracker(r.e.client(ghub.Config{}), r.st.(*store.Store)).File(context.Background(), e.inc.ID,
			ghub.TrackOptions{Repo: paymentsRepo}, nil)
	}
	var wg sync.WaitGroup
	var firstRes ghub.TrackResult
	var firstErr error
	wg.Add(1)
	go func() {
		defer wg.Done()
		firstRes, firstErr = track(first)
	}()
	<-creating
	_, err := track(second)
	close(secondDone)
	wg.Wait()
	var busy *ghub.TrackingBusyError
	if !errors.As(err, &busy) {
		t.Errorf("the second run while the first creates: %v, want TrackingBusyError", err)
	}
	if firstErr != nil || !firstRes.Created {
		t.Fatalf("first run: %+v, %v", firstRes, firstErr)
	}
	e.assertOneTracking(testRepo)
	if res, err := track(second); err != nil || res.Created {
		t.Errorf("the second run afterwards: %+v, %v; want the filed issue, nothing created", res, err)
	}
	e.assertOneTracking(testRepo)
}

// A run that dies between the create and the record: the next run, after
// the claim's lease, finds the issue by its marker, even when it names
// another repository.
func TestTrackingAfterALostCreateInAnotherRepository(t *testing.T) {
	e := newEnv(t)
	e.gh.AddRepo("acme/incidents")
	e.gh.Inject(githubtest.CreateIssue, 1, githubtest.DropResponse)
	if _, err := e.track(ghub.Config{Attempts: 1}, ghub.TrackOptions{}); err == nil {
		t.Fatal("a dropped create with no retry should fail the run")
	}
	if ti := e.tracking(); ti.Filed() || ti.Repo != testRepo {
		t.Fatalf("after the lost create: %+v; want unrecorded, sent to %s", ti, testRepo)
	}
	res, err := e.track(ghub.Config{}, ghub.TrackOptions{Repo: ghub.Repo{Owner: "acme", Name: "incidents"}})
	if err != nil || !res.Linked || res.Elsewhere != testRepo {
		t.Fatalf("next run in another repository: %+v, %v; want linked in %s", res, err, testRepo)
	}
	e.assertOneTracking(testRepo)
	if n := len(e.trackingIssues("acme/incidents", "")); n != 0 {
		t.Errorf("%d tracking issues filed in the other repository", n)
	}
}

// A marker quoted in another issue, or not on the last line, ties nothing.
func TestTrackingIgnoresQuotedMarkers(t *testing.T) {
	e := newEnv(t)
	// A claim and its release make the incident's uuid without filing.
	if _, err := e.st.ClaimTracking(context.Background(), e.inc.ID, "probe", time.Minute); err != nil {
		t.Fatal(err)
	}
	if err := e.st.ReleaseTracking(context.Background(), e.inc.ID, "probe", false); err != nil {
		t.Fatal(err)
	}
	uuid := e.tracking().UUID
	e.gh.AddIssue(testRepo, "Someone quoting it", "See "+ghub.TrackingMarker(uuid)+" above\n\nthanks", ghub.TrackingLabel)
	res, err := e.track(ghub.Config{}, ghub.TrackOptions{})
	if err != nil || !res.Created {
		t.Fatalf("track: %+v, %v; want a new issue (the quote is not one)", res, err)
	}
	e.assertOneTracking(testRepo)
}

// A tracking issue that was deleted is reported, never filed again.
func TestTrackingIssueGoneIsNotFiledAgain(t *testing.T) {
	e := newEnv(t, "Alert on checkout error rate")
	if _, err := e.file(ghub.Config{}, ghub.FileOptions{}); err != nil {
		t.Fatal(err)
	}
	if _, err := e.track(ghub.Config{}, ghub.TrackOptions{}); err != nil {
		t.Fatal(err)
	}
	e.gh.Delete(testRepo, e.tracking().Number)
	_, err := e.syncAll(ghub.Config{})
	if err == nil || !strings.Contains(err.Error(), "gone") {
		t.Fatalf("sync of a deleted tracking issue: %v", err)
	}
	if ti := e.tracking(); ti.State != "missing" || ti.SyncError == "" {
		t.Errorf("recorded %+v, want missing with the error", ti)
	}
	creates := e.gh.Calls(githubtest.CreateIssue)
	if _, err := e.track(ghub.Config{}, ghub.TrackOptions{}); err == nil {
		t.Error("filing over a deleted tracking issue should say so")
	}
	if e.gh.Calls(githubtest.CreateIssue) != creates {
		t.Error("a second tracking issue was created")
	}
}

func TestTrackingWithoutAnIssueSyncsNothing(t *testing.T) {
	e := newEnv(t)
	res, err := ghub.NewTracker(e.client(ghub.Config{}), e.st).Sync(context.Background(), e.inc.ID, nil, nil)
	if err != nil || !res.None {
		t.Errorf("sync without a tracking issue: %+v, %v", res, err)
	}
	if n := len(e.gh.Log()); n != 0 {
		t.Errorf("%d requests made: %v", n, e.gh.Log())
	}
}
