package github_test

import (
	"context"
	"strings"
	"testing"

	"scribe/incident"
	ghub "scribe/integrations/github"
	"scribe/integrations/github/githubtest"
)

// What people typed reaches every issue body, and none of it pings anybody
// or links any issue, pull request or commit: only an owner field that is
// exactly a team handle mentions that team, and only an owner that is
// exactly @login is assigned.
func TestIssueBodiesPingAndLinkNobodyFromUserText(t *testing.T) {
	e := newEnv(t)
	hostile := "cc @torvalds #1234 acme/other#5 GH-77 deadbeef1234 &#64;linus <!-- x --> " +
		"(was https://github.com/acme/other/issues/3, https://ghe.example.com/acme/app/pull/4)"
	if _, err := e.st.UpdateIncident(context.Background(), e.inc.ID, func(inc *incident.Incident) error {
		inc.Title = hostile
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	e.addItem(incident.ActionItem{Title: "Page on @torvalds #99", Description: hostile + "\n\nsee acme/x@0123456789abcdef\nhttps://github.com/acme/payments/pull/12", Owner: "cc @torvalds"})
	e.addItem(incident.ActionItem{Title: "Alert on checkout error rate", Owner: "@dana"})
	e.addItem(incident.ActionItem{Title: "Runbook for the pool size", Owner: "@acme/payments-sre"})
	e.addItem(incident.ActionItem{Title: "Team inside a sentence", Owner: "the @acme/payments-sre folks"})

	if _, err := e.file(ghub.Config{}, ghub.FileOptions{}); err != nil {
		t.Fatalf("file: %v", err)
	}
	issues := e.gh.Issues(testRepo)
	if len(issues) != 4 {
		t.Fatalf("%d issues, want 4", len(issues))
	}
	wantMention := map[int][]string{3: {"@acme/payments-sre"}}
	wantAssignees := map[int]string{2: "dana"}
	for _, iss := range issues {
		got := githubtest.Links(githubtest.UserText(iss.Body))
		if strings.Join(got, " ") != strings.Join(wantMention[iss.Number], " ") {
			t.Errorf("issue #%d body would make %q, want %q:\n%s", iss.Number, got, wantMention[iss.Number], iss.Body)
		}
		if strings.Join(iss.Assignees, ",") != wantAssignees[iss.Number] {
			t.Errorf("issue #%d assigned %v, want %q", iss.Number, iss.Assignees, wantAssignees[iss.Number])
		}
		if !strings.Contains(iss.Body, "scribe incident 1)") || strings.Contains(iss.Body, "#1 ") {
			t.Errorf("issue #%d does not name the incident without linking issue #1:\n%s", iss.Number, iss.Body)
		}
		if n := strings.Count(iss.Body, "<!--"); n != 1 {
			t.Errorf("issue #%d body has %d HTML comments, want only the marker", iss.Number, n)
		}
	}
	// The text still reads as typed once the invisible joiners are gone.
	if body := strings.ReplaceAll(issues[0].Body, "\u2060", ""); !strings.Contains(body, "cc @torvalds #1234 acme/other#5 GH-77 deadbeef1234") {
		t.Errorf("the description does not read as typed:\n%s", body)
	}
	e.assertExactlyOnce()
}

// Text with terminal escapes and bidirectional overrides reaches GitHub
// plain, as it would reach a terminal.
func TestIssueBodiesAndTitlesArePlainText(t *testing.T) {
	e := newEnv(t)
	e.addItem(incident.ActionItem{Title: "Alert\x1b]0;pwned\x07 on \u202eerrors", Description: "line\x1b[2J one\r\nline \u009b31m two", Owner: "Dana\x1b[31m"})
	if _, err := e.file(ghub.Config{}, ghub.FileOptions{}); err != nil {
		t.Fatalf("file: %v", err)
	}
	iss := e.gh.Issues(testRepo)[0]
	for _, s := range []string{iss.Title, iss.Body} {
		if strings.ContainsAny(s, "\x1b\x07\u009b\u202e\r") {
			t.Errorf("control or bidi characters reached GitHub: %q", s)
		}
	}
	if iss.Title != "Alert on errors" || !strings.Contains(iss.Body, "line one\nline  two") {
		t.Errorf("title %q, body %q", iss.Title, iss.Body)
	}
}
