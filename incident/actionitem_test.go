package incident_test

import (
	"strings"
	"testing"

	"scribe/incident"
)

func TestParsePriority(t *testing.T) {
	tests := map[string]incident.Priority{"": "", "  ": "", "P0": incident.P0, "p1": incident.P1, "2": incident.P2, " P3 ": incident.P3}
	for in, want := range tests {
		got, err := incident.ParsePriority(in)
		if err != nil || got != want {
			t.Errorf("ParsePriority(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"P4", "4", "-1", "high", "PP1", "P 1", "p1.5"} {
		_, err := incident.ParsePriority(in)
		wantInvalid(t, "ParsePriority("+in+")", err, "use one of P0, P1, P2, P3")
	}
}

func TestParseItemState(t *testing.T) {
	tests := map[string]incident.ItemState{
		"open": incident.ItemOpen, "OPEN": incident.ItemOpen, "todo": incident.ItemOpen,
		"done": incident.ItemDone, "closed": incident.ItemDone, "fixed": incident.ItemDone,
		"wontdo": incident.ItemWontDo, "won't do": incident.ItemWontDo, "won’t do": incident.ItemWontDo,
		"wont-do": incident.ItemWontDo, "wont_do": incident.ItemWontDo, "wontfix": incident.ItemWontDo, "not planned": incident.ItemWontDo,
	}
	for in, want := range tests {
		got, err := incident.ParseItemState(in)
		if err != nil || got != want {
			t.Errorf("ParseItemState(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"", "closedd", "in progress", "cancelled"} {
		_, err := incident.ParseItemState(in)
		wantInvalid(t, "ParseItemState("+in+")", err, "use open, done or wontdo")
	}
	if got := incident.ItemWontDo.Label(); got != "won't do" {
		t.Errorf("ItemWontDo.Label() = %q", got)
	}
	if got := incident.ItemDone.Label(); got != "done" {
		t.Errorf("ItemDone.Label() = %q", got)
	}
}

func validItem() incident.ActionItem {
	return incident.ActionItem{IncidentID: 1, Title: "Alert on replication lag", Owner: "Rosa", Priority: incident.P1, Due: "2026-12-01", State: incident.ItemOpen}
}

func TestActionItemValidate(t *testing.T) {
	good := []func(*incident.ActionItem){
		func(a *incident.ActionItem) {},
		func(a *incident.ActionItem) { a.Priority = ""; a.Due = ""; a.Owner = "" },
		func(a *incident.ActionItem) { a.State = incident.ItemWontDo },
		func(a *incident.ActionItem) { a.Description = "multi\nline\ndescription" },
	}
	for i, change := range good {
		a := validItem()
		change(&a)
		if err := a.Validate(); err != nil {
			t.Errorf("good item %d: %v", i, err)
		}
	}
	bad := []struct {
		name   string
		change func(*incident.ActionItem)
		want   string
	}{
		{"no title", func(a *incident.ActionItem) { a.Title = "" }, "action item title is empty"},
		{"two-line title", func(a *incident.ActionItem) { a.Title = "a\nb" }, "action item title spans several lines"},
		{"long description", func(a *incident.ActionItem) { a.Description = strings.Repeat("d", incident.MaxTextLen+1) }, "description is 10001 characters long"},
		{"bad priority", func(a *incident.ActionItem) { a.Priority = "P9" }, `invalid priority "P9"`},
		{"bad due", func(a *incident.ActionItem) { a.Due = "next week" }, `invalid due date "next week": use YYYY-MM-DD`},
		{"impossible due", func(a *incident.ActionItem) { a.Due = "2026-02-30" }, `invalid due date "2026-02-30"`},
		{"no state", func(a *incident.ActionItem) { a.State = "" }, `invalid action item state ""`},
		{"two-line owner", func(a *incident.ActionItem) { a.Owner = "Rosa\nBen" }, "owner spans several lines"},
	}
	for _, tt := range bad {
		a := validItem()
		tt.change(&a)
		wantInvalid(t, tt.name, a.Validate(), tt.want)
	}
}

func TestGitHubIssueFiled(t *testing.T) {
	if (incident.GitHubIssue{}).Filed() {
		t.Error("empty issue is filed")
	}
	if !(incident.GitHubIssue{Repo: "acme/api", Number: 12}).Filed() {
		t.Error("numbered issue is not filed")
	}
}
