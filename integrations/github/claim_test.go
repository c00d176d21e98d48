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

// run is one scribe process filing: its own store on the test's database
// file and its own client, with the progress it reported.
type run struct {
	e      *env
	st     ghub.Store
	mu     sync.Mutex
	events []ghub.Progress
}

func (e *env) newRun() *run {
	e.t.Helper()
	st, err := store.Open(context.Background(), e.db)
	if err != nil {
		e.t.Fatalf("open a second store: %v", err)
	}
	e.t.Cleanup(func() { st.Close() })
	return &run{e: e, st: st}
}

func (r *run) file() (ghub.FileResult, error) {
	return ghub.NewFiler(r.e.client(ghub.Config{}), r.st).File(context.Background(), r.e.inc.ID,
		ghub.FileOptions{Repo: ghub.Repo{Owner: "acme", Name: "payments"}}, func(p ghub.Progress) {
			r.mu.Lock()
			defer r.mu.Unlock()
			r.events = append(r.events, p)
		})
}

// beforeClaim is a run's store that calls a function before its first claim:
// the moment after the run listed the repository and before it files.
type beforeClaim struct {
	*store.Store
	once sync.Once
	fn   func()
}

func (b *beforeClaim) ClaimFiling(ctx context.Context, itemID int64, token string, lease time.Duration) (incident.FilingClaim, error) {
	b.once.Do(b.fn)
	return b.Store.ClaimFiling(ctx, itemID, token, lease)
}

// A run that reaches an item while another run is creating its issue leaves
// it alone, says so, and records nothing on it.
func TestRunSkipsAnItemAnotherRunIsFiling(t *testing.T) {
	e := newEnv(t, "Alert on checkout error rate")
	first, second := e.newRun(), e.newRun()
	creating, secondDone := make(chan struct{}), make(chan struct{})
	// Only the first create waits; sync.Once would hold the others too.
	var held atomic.Bool
	e.gh.BeforeServe(githubtest.CreateIssue, func() {
		if held.CompareAndSwap(false, true) {
			close(creating)
			<-secondDone
		}
	})

	type outcome struct {
		res ghub.FileResult
		err error
	}
	firstOut := make(chan outcome, 1)
	go func() {
		res, err := first.file()
		firstOut <- outcome{res, err}
	}()
	<-creating
	res, err := second.file()
	close(secondDone)
	if err == nil || len(res.Busy) != 1 || res.Unfiled() != 1 || len(res.Filed)+len(res.Linked)+len(res.Failed) != 0 {
		t.Fatalf("second run = %+v, %v; want its one item busy and an error", res, err)
	}
	want := fmt.Sprintf("another scribe process is filing action item %d; run again in a moment", e.items[0].ID)
	var busy *ghub.BusyError
	if n := len(second.events); n != 1 || second.events[0].Kind != ghub.ProgressFailed ||
		second.events[0].Message != want || !errors.As(second.events[0].Err, &busy) {
		t.Fatalf("second run's progress = %+v; want one failure saying %q", second.events, want)
	}

	got := <-firstOut
	if got.err != nil || len(got.res.Filed) != 1 {
		t.Fatalf("first run = %+v, %v; want the item filed", got.res, got.err)
	}
	if n := e.gh.Calls(githubtest.CreateIssue); n != 1 {
		t.Errorf("%d creates, want 1", n)
	}
	e.assertExactlyOnce()

	// Nothing is left held: a third run finds nothing to file.
	if res, err := e.newRun().file(); err != nil || res.Total != 0 {
		t.Errorf("third run = %+v, %v; want nothing to file", res, err)
	}
}

// A run that listed the repository before another run filed an item, and
// claims it after, finds the issue recorded and files nothing.
func TestRunRecordsAnItemFiledMeanwhile(t *testing.T) {
	e := newEnv(t, "Alert on checkout error rate", "Runbook for payment retries")
	first := e.newRun()
	late := e.newRun()
	late.st = &beforeClaim{Store: late.st.(*store.Store), fn: func() {
		if res, err := first.file(); err != nil || len(res.Filed) != 2 {
			t.Errorf("first run = %+v, %v; want both items filed", res, err)
		}
	}}
	res, err := late.file()
	if err != nil || len(res.Linked) != 2 || len(res.Filed) != 0 {
		t.Fatalf("late run = %+v, %v; want both items linked, none filed", res, err)
	}
	for _, p := range late.events {
		if p.Kind != ghub.ProgressLinked || !strings.Contains(p.Message, "filed meanwhile by another scribe process") {
			t.Errorf("late run reported %v %q; want each item filed meanwhile", p.Kind, p.Message)
		}
	}
	if n := e.gh.Calls(githubtest.CreateIssue); n != 2 {
		t.Errorf("%d creates, want 2", n)
	}
	e.assertExactlyOnce()
}

// A run that died holding a claim, possibly after creating the issue, does
// not block filing for long: once the lease has passed the claim is taken
// over, and the repository is listed again before anything is created.
func TestRunTakesOverTheClaimOfADeadRun(t *testing.T) {
	e := newEnv(t, "Alert on checkout error rate")
	item := e.items[0]
	dead, err := store.Open(context.Background(), e.db)
	if err != nil {
		t.Fatal(err)
	}
	defer dead.Close()
	dead.Now = func() time.Time { return time.Now().Add(-3 * time.Minute) }

	r := e.newRun()
	r.st = &beforeClaim{Store: r.st.(*store.Store), fn: func() {
		// After this run's listing: a run claims the item, creates its
		// issue and dies before recording it.
		if got, err := dead.ClaimFiling(context.Background(), item.ID, "dead-run", 2*time.Minute); err != nil || !got.Held {
			t.Errorf("dead run's claim = %+v, %v", got, err)
		}
		e.gh.AddIssue(testRepo, item.Title, "Filed by a run that died.\n\n"+ghub.FollowUpFooter+"\n\n"+ghub.Marker(item.UUID)+"\n", ghub.FollowupLabel)
	}}
	res, err := r.file()
	if err != nil || len(res.Linked) != 1 || len(res.Filed) != 0 {
		t.Fatalf("run = %+v, %v; want the dead run's issue linked", res, err)
	}
	if n := e.gh.Calls(githubtest.CreateIssue); n != 0 {
		t.Errorf("%d creates, want none", n)
	}
	e.assertExactlyOnce()
}

// Many runs at once on one incident, with nothing to order them: every item
// gets exactly one issue, and every run accounts for every item.
func TestConcurrentRunsFileEachItemOnce(t *testing.T) {
	for round := range 3 {
		t.Run(fmt.Sprint("round", round), func(t *testing.T) {
			titles := []string{"Alert on checkout error rate", "Runbook for payment retries", "Canary the payments deploy",
				"Rotate the webhook secret", "Load test the ledger", "Page the database on-call for replica lag"}
			e := newEnv(t, titles...)
			const runs = 4
			rs := make([]*run, runs)
			for i := range rs {
				rs[i] = e.newRun()
			}
			results := make([]ghub.FileResult, runs)
			errs := make([]error, runs)
			start := make(chan struct{})
			var wg sync.WaitGroup
			for i, r := range rs {
				wg.Add(1)
				go func() {
					defer wg.Done()
					<-start
					results[i], errs[i] = r.file()
				}()
			}
			close(start)
			wg.Wait()

			filed := 0
			for i, res := range results {
				if len(res.Failed) != 0 {
					t.Errorf("run %d failed items: %v", i, errs[i])
				}
				if len(res.Filed)+len(res.Linked)+len(res.Busy) != res.Total {
					t.Errorf("run %d: %d filed + %d linked + %d busy of %d", i, len(res.Filed), len(res.Linked), len(res.Busy), res.Total)
				}
				if (len(res.Busy) > 0) != (errs[i] != nil) {
					t.Errorf("run %d: %d busy items and error %v; want an error exactly when an item was left", i, len(res.Busy), errs[i])
				}
				filed += len(res.Filed)
			}
			if filed != len(titles) || e.gh.Calls(githubtest.CreateIssue) != len(titles) {
				t.Errorf("%d items filed by the runs, %d creates; want %d of each", filed, e.gh.Calls(githubtest.CreateIssue), len(titles))
			}
			e.assertExactlyOnce()
			for _, it := range e.stored() {
				if it.State == incident.ItemOpen && !it.GitHub.Filed() {
					t.Errorf("item %q left unfiled", it.Title)
				}
			}
		})
	}
}

// A run whose create went unanswered, and which could not check whether the
// issue was made, leaves the item to whoever claims it next with a fresh
// listing: a run that listed before the create finds the issue instead of
// filing a second one.
func TestUnansweredCreateMakesTheNextClaimerLook(t *testing.T) {
	e := newEnv(t, "Alert on checkout error rate")
	first := e.newRun()
	late := e.newRun()
	late.st = &beforeClaim{Store: late.st.(*store.Store), fn: func() {
		// The late run has listed (requests 1 and 2); the first run lists
		// (3 and 4), its create is made but unanswered, and the listing
		// meant to find it (5) is refused.
		e.gh.Inject(githubtest.CreateIssue, 1, githubtest.DropResponse)
		e.gh.Inject(githubtest.ListIssues, 5, githubtest.PrimaryLimit)
		if res, err := first.file(); err == nil || len(res.Failed) != 1 {
			t.Errorf("first run = %+v, %v; want its item failed", res, err)
		}
	}}
	res, err := late.file()
	if err != nil || len(res.Linked) != 1 || len(res.Filed) != 0 {
		t.Fatalf("late run = %+v, %v; want the unanswered create's issue linked", res, err)
	}
	if n := e.gh.Calls(githubtest.CreateIssue); n != 1 {
		t.Errorf("%d creates, want 1", n)
	}
	e.assertExactlyOnce()
}
