package github_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"scribe/incident"
	ghub "scribe/integrations/github"
	"scribe/integrations/github/githubtest"
	"scribe/store"
)

const (
	testToken = "ghp_TESTtoken0123456789abcdefSECRET"
	testRepo  = "acme/payments"
)

// env is one test's world: the stand-in API, a real store on disk with one
// incident, and a client whose sleeps are recorded instead of slept.
type env struct {
	t     *testing.T
	gh    *githubtest.Server
	st    *store.Store
	db    string
	inc   incident.Incident
	items []incident.ActionItem

	mu     sync.Mutex
	sleeps []time.Duration
	events []ghub.Progress
}

func newEnv(t *testing.T, titles ...string) *env {
	t.Helper()
	e := &env{t: t, gh: githubtest.New(t, testToken)}
	e.gh.AddRepo(testRepo)
	e.db = filepath.Join(t.TempDir(), "scribe.db")
	st, err := store.Open(context.Background(), e.db)
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() { st.Close() })
	e.st = st
	e.inc = incident.Incident{Title: "Checkout errors after the payments deploy", Severity: 2, Timezone: "Europe/Berlin"}
	at := time.Date(2026, 11, 20, 23, 30, 0, 0, time.UTC)
	if err := st.CreateIncident(context.Background(), &e.inc, store.Origin{At: at}); err != nil {
		t.Fatalf("create incident: %v", err)
	}
	for _, title := range titles {
		e.addItem(incident.ActionItem{Title: title})
	}
	return e
}

func (e *env) addItem(it incident.ActionItem) incident.ActionItem {
	e.t.Helper()
	it.IncidentID = e.inc.ID
	if err := e.st.AddActionItem(context.Background(), &it, store.Origin{}); err != nil {
		e.t.Fatalf("add action item: %v", err)
	}
	e.items = append(e.items, it)
	return it
}

func (e *env) client(cfg ghub.Config) *ghub.Client {
	e.t.Helper()
	if cfg.APIURL == "" {
		cfg.APIURL = e.gh.URL
	}
	if cfg.Token.Empty() {
		cfg.Token = ghub.NewToken(testToken, "GH_TOKEN")
	}
	cfg.Sleep = func(ctx context.Context, d time.Duration) error {
		e.mu.Lock()
		defer e.mu.Unlock()
		e.sleeps = append(e.sleeps, d)
		return ctx.Err()
	}
	c, err := ghub.NewClient(cfg)
	if err != nil {
		e.t.Fatalf("new client: %v", err)
	}
	return c
}

func (e *env) progress(p ghub.Progress) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.events = append(e.events, p)
}

func (e *env) file(cfg ghub.Config, opts ghub.FileOptions) (ghub.FileResult, error) {
	e.t.Helper()
	if opts.Repo == (ghub.Repo{}) {
		opts.Repo = ghub.Repo{Owner: "acme", Name: "payments"}
	}
	return ghub.NewFiler(e.client(cfg), e.st).File(context.Background(), e.inc.ID, opts, e.progress)
}

func (e *env) stored() []incident.ActionItem {
	e.t.Helper()
	items, err := e.st.ActionItems(context.Background(), e.inc.ID)
	if err != nil {
		e.t.Fatalf("action items: %v", err)
	}
	return items
}

// assertExactlyOnce checks the invariant of filing: every open item has
// exactly one issue carrying its marker and the follow-up label, and the
// item records that issue's number.
func (e *env) assertExactlyOnce() {
	e.t.Helper()
	issues := e.gh.Issues(testRepo)
	for _, it := range e.stored() {
		if it.State != incident.ItemOpen {
			continue
		}
		var carrying []githubtest.Issue
		for _, iss := range issues {
			if strings.Contains(iss.Body, ghub.Marker(it.UUID)) {
				carrying = append(carrying, iss)
			}
		}
		if len(carrying) != 1 {
			e.t.Errorf("item %q: %d issues carry its marker, want exactly 1", it.Title, len(carrying))
			continue
		}
		if it.GitHub.Number != carrying[0].Number || it.GitHub.Repo != testRepo {
			e.t.Errorf("item %q records %s#%d, the issue is %s#%d", it.Title, it.GitHub.Repo, it.GitHub.Number, testRepo, carrying[0].Number)
		}
		if !contains(carrying[0].Labels, ghub.FollowupLabel) {
			e.t.Errorf("issue #%d labels %v lack %s", carrying[0].Number, carrying[0].Labels, ghub.FollowupLabel)
		}
		if it.GitHub.SyncError != "" {
			e.t.Errorf("item %q filed but keeps the error %q", it.Title, it.GitHub.SyncError)
		}
	}
}

// assertNoToken checks that the token is in no message, no error and not in
// the database file.
func (e *env) assertNoToken(errs ...error) {
	e.t.Helper()
	for _, err := range errs {
		if err != nil && strings.Contains(err.Error(), testToken) {
			e.t.Errorf("error reveals the token: %v", err)
		}
	}
	for _, p := range e.events {
		if strings.Contains(p.Message, testToken) || p.Err != nil && strings.Contains(p.Err.Error(), testToken) {
			e.t.Errorf("progress reveals the token: %q", p.Message)
		}
	}
	for _, suffix := range []string{"", "-wal"} {
		data, err := os.ReadFile(e.db + suffix)
		if err != nil && !os.IsNotExist(err) {
			e.t.Fatalf("read database: %v", err)
		}
		if strings.Contains(string(data), testToken) {
			e.t.Errorf("the database file %s contains the token", e.db+suffix)
		}
	}
}

func contains(list []string, v string) bool {
	for _, l := range list {
		if strings.EqualFold(l, v) {
			return true
		}
	}
	return false
}
