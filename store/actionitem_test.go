package store

import (
	"context"
	"errors"
	"testing"
	"time"

	"scribe/incident"
)

func TestActionItems(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	inc := newIncident(t, s)
	item := incident.ActionItem{IncidentID: inc.ID, Title: "Alert on checkout error rate", Owner: "Ken A.", Priority: incident.P1, Due: "2026-12-01"}
	if err := s.AddActionItem(ctx, &item, Origin{At: t0.Add(time.Minute), Author: "rosa"}); err != nil {
		t.Fatal(err)
	}
	if item.ID == 0 || len(item.UUID) != 36 || item.State != incident.ItemOpen {
		t.Fatalf("new item = %+v", item)
	}
	second := incident.ActionItem{IncidentID: inc.ID, Title: "Canary deploys for checkout"}
	if err := s.AddActionItem(ctx, &second, Origin{}); err != nil {
		t.Fatal(err)
	}
	if second.UUID == item.UUID {
		t.Fatal("two items share a UUID")
	}
	evs, _ := s.Events(ctx, inc.ID)
	var found bool
	for _, e := range evs {
		if e.Kind == incident.KindActionItem && e.ActionItemID == item.ID {
			found = e.Text == "Action item: Alert on checkout error rate"
		}
	}
	if !found {
		t.Fatalf("no action-item event for #%d in %+v", item.ID, evs)
	}
	updated, err := s.UpdateActionItem(ctx, item.ID, func(a *incident.ActionItem) error {
		a.State = incident.ItemDone
		a.GitHub = incident.GitHubIssue{Repo: "acme/shop", Number: 12, URL: "https://github.com/acme/shop/issues/12", State: "open", SyncedAt: t0}
		a.UUID = "changed" // ignored
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.ActionItem(ctx, item.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.State != incident.ItemDone || got.UUID != item.UUID || got.GitHub.Number != 12 || !got.GitHub.SyncedAt.Equal(t0) ||
		got.Owner != "Ken A." || got.Due != "2026-12-01" || got.Priority != incident.P1 || got.UUID != updated.UUID {
		t.Fatalf("after update = %+v", got)
	}
	boom := errors.New("boom")
	if _, err := s.UpdateActionItem(ctx, item.ID, func(a *incident.ActionItem) error { a.Title = "x"; return boom }); !errors.Is(err, boom) {
		t.Fatalf("fn error = %v", err)
	}
	_, err = s.UpdateActionItem(ctx, item.ID, func(a *incident.ActionItem) error { a.Due = "next week"; return nil })
	wantCode(t, err, incident.EINVALID)
	list, err := s.ActionItems(ctx, inc.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 || list[0].ID != item.ID || list[0].Title != "Alert on checkout error rate" || list[1].ID != second.ID {
		t.Fatalf("ActionItems = %+v", list)
	}
	bad := incident.ActionItem{IncidentID: inc.ID, Title: "x", Priority: "urgent"}
	wantCode(t, s.AddActionItem(ctx, &bad, Origin{}), incident.EINVALID)
	missing := incident.ActionItem{IncidentID: 404, Title: "x"}
	wantCode(t, s.AddActionItem(ctx, &missing, Origin{}), incident.ENOTFOUND)
	_, err = s.ActionItem(ctx, 404)
	wantCode(t, err, incident.ENOTFOUND)
}

func TestActionItemFromEventOfAnotherIncident(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	a := newIncident(t, s)
	b := newIncident(t, s)
	e := incident.Event{IncidentID: a.ID, Kind: incident.KindNote, Text: "we should alert on this"}
	if err := s.LogEvent(ctx, &e); err != nil {
		t.Fatal(err)
	}
	item := incident.ActionItem{IncidentID: b.ID, Title: "Alert", EventID: e.ID}
	wantCode(t, s.AddActionItem(ctx, &item, Origin{}), incident.EINVALID)
	item.IncidentID = a.ID
	if err := s.AddActionItem(ctx, &item, Origin{}); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.ActionItem(ctx, item.ID); got.EventID != e.ID {
		t.Fatalf("EventID = %d, want %d", got.EventID, e.ID)
	}
}
