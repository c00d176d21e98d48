package github_test

import (
	"strings"
	"testing"

	ghub "scribe/integrations/github"
	"scribe/integrations/github/githubtest"
)

// What a server says in an error reaches the user and the store as one
// plain line: no escape sequences, controls or bidirectional overrides.
func TestServerErrorMessagesArePlain(t *testing.T) {
	e := newEnv(t, "Alert on checkout error rate", "Canary stage")
	e.gh.Inject(githubtest.CreateIssue, 1, githubtest.HostileError)
	e.gh.Inject(githubtest.ListLabels, 1, githubtest.HostileError)
	_, err := e.file(ghub.Config{}, ghub.FileOptions{})
	if err == nil {
		t.Fatal("the refused create did not fail the run")
	}
	var texts []string
	for _, p := range e.events {
		texts = append(texts, p.Message)
		if p.Err != nil {
			texts = append(texts, p.Err.Error())
		}
	}
	for _, it := range e.stored() {
		texts = append(texts, it.GitHub.SyncError)
	}
	texts = append(texts, err.Error())
	sawServer := false
	for _, s := range texts {
		if strings.ContainsAny(s, "\x1b\x07\u009b\u202e\n\r") {
			t.Errorf("control characters reach a message: %q", s)
		}
		sawServer = sawServer || strings.Contains(s, "Validation failed")
	}
	if !sawServer {
		t.Errorf("no message says what the server answered: %q", texts)
	}
}

// A server that quotes the credentials it was sent in every error answer
// (401, 5xx after the retries, 422) still never gets the token into a
// message, an error or the database.
func TestTokenEchoedByTheServerIsNeverRepeated(t *testing.T) {
	e := newEnv(t, "Alert on checkout error rate", "Canary stage", "Runbook")
	e.gh.EchoCredentials()
	for n := 1; n <= 5; n++ {
		e.gh.Inject(githubtest.CreateIssue, n, githubtest.BadGateway)
	}
	e.gh.Inject(githubtest.CreateIssue, 6, githubtest.HostileError)
	e.gh.Inject(githubtest.ListLabels, 1, githubtest.BadGateway)
	res, err := e.file(ghub.Config{}, ghub.FileOptions{})
	if err == nil || len(res.Failed) == 0 {
		t.Fatalf("run = %+v, %v; want failures", res, err)
	}
	echoed := false
	for _, p := range e.events {
		echoed = echoed || strings.Contains(p.Message, "[redacted]")
	}
	if !echoed {
		t.Error("no message shows the server's echo redacted; the test did not exercise it")
	}
	e.assertNoToken(err)

	bad := e.client(ghub.Config{Token: ghub.NewToken("ghp_wrong_but_secret_999", "GH_TOKEN")})
	_, err = ghub.NewFiler(bad, e.st).File(t.Context(), e.inc.ID, ghub.FileOptions{Repo: ghub.Repo{Owner: "acme", Name: "payments"}}, e.progress)
	if err == nil || strings.Contains(err.Error(), "ghp_wrong_but_secret_999") {
		t.Errorf("a rejected token: %v", err)
	}
	for _, it := range e.stored() {
		if strings.Contains(it.GitHub.SyncError, "ghp_wrong_but_secret_999") {
			t.Errorf("the rejected token is stored: %q", it.GitHub.SyncError)
		}
	}
}
