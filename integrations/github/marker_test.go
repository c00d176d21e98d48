package github_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"scribe/incident"
	ghub "scribe/integrations/github"
	"scribe/integrations/github/githubtest"
	"scribe/store"
)

// An item's marker quoted anywhere but at the end of an issue body ties
// nothing: the item is filed, once, as if the quote were not there.
func TestForgedMarkerElsewhereInABodyDoesNotHideTheItem(t *testing.T) {
	e := newEnv(t, "Alert on checkout error rate")
	m := ghub.Marker(e.items[0].UUID)
	for _, body := range []string{
		"Quoting scribe's body:\n\n" + m + "\n\nand then more text.",
		"> " + m + "\n",
		"text " + m + " inline\n\nlast line",
	} {
		e.gh.AddIssue(testRepo, "A person's issue", body, ghub.FollowupLabel)
	}
	e.gh.AddIssue(testRepo, "Title with "+m, "A body without the marker.", ghub.FollowupLabel)

	res, err := e.file(ghub.Config{}, ghub.FileOptions{})
	if err != nil || len(res.Filed) != 1 || len(res.Linked) != 0 {
		t.Fatalf("filed %d, linked %d, err %v; want the item filed, not linked to a forgery", len(res.Filed), len(res.Linked), err)
	}
	if got := e.stored()[0].GitHub.Number; got != 5 {
		t.Errorf("the item records #%d, want #5 (its own new issue)", got)
	}
	// A run after it finds its own issue, not a forgery.
	res, err = e.file(ghub.Config{}, ghub.FileOptions{})
	if err != nil || res.Total != 0 {
		t.Errorf("second run: %+v, %v", res, err)
	}
}

// A marker typed into an incident's title or an item's description reaches
// other issue bodies broken, so filing those never makes the forged item
// look filed, and the forged item still gets its own issue.
func TestForgedMarkerInUserTextNeitherHidesNorDuplicates(t *testing.T) {
	e := newEnv(t, "Alert on checkout error rate")
	target := e.items[0]
	forged := ghub.Marker(target.UUID)

	other := incident.Incident{Title: "Other outage " + forged, Severity: 3, Timezone: "UTC"}
	if err := e.st.CreateIncident(context.Background(), &other, store.Origin{At: time.Date(2026, 11, 21, 1, 0, 0, 0, time.UTC)}); err != nil {
		t.Fatal(err)
	}
	it := incident.ActionItem{IncidentID: other.ID, Title: "Forger", Description: "ends with the marker\n\n" + forged}
	if err := e.st.AddActionItem(context.Background(), &it, store.Origin{}); err != nil {
		t.Fatal(err)
	}
	if _, err := ghub.NewFiler(e.client(ghub.Config{}), e.st).File(context.Background(), other.ID,
		ghub.FileOptions{Repo: ghub.Repo{Owner: "acme", Name: "payments"}}, nil); err != nil {
		t.Fatalf("file the other incident: %v", err)
	}
	forger := e.gh.Issues(testRepo)[0]
	if strings.Contains(githubtest.UserText(forger.Body), "<!--") {
		t.Fatalf("user text carried an HTML comment into the body:\n%s", forger.Body)
	}

	res, err := e.file(ghub.Config{}, ghub.FileOptions{})
	if err != nil || len(res.Filed) != 1 || len(res.Linked) != 0 {
		t.Fatalf("filed %d, linked %d, err %v; want the target filed on its own", len(res.Filed), len(res.Linked), err)
	}
	if got := e.stored()[0].GitHub.Number; got == forger.Number {
		t.Errorf("the target was linked to the forger's issue #%d", got)
	}
	e.assertExactlyOnce()
}
