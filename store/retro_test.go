package store

import (
	"context"
	"testing"

	"scribe/incident"
)

func TestRetroNotes(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	inc := newIncident(t, s)
	add := func(section, text string) incident.RetroNote {
		t.Helper()
		n := incident.RetroNote{IncidentID: inc.ID, Section: incident.RetroSection(section), Text: text}
		if err := s.AddRetroNote(ctx, &n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	lesson := add("lesson", "Canaries catch this class of bug")
	w1 := add("wrong", "The alert fired 20 minutes late")
	g1 := add("well", "Rollback took two minutes")
	w2 := add("went-wrong", "Nobody owned the dashboard")
	if w1.Section != incident.RetroWentWrong || w1.Order != 1 || w2.Order != 2 || g1.Order != 1 {
		t.Fatalf("sections/orders: %+v %+v %+v", w1, w2, g1)
	}
	notes, err := s.RetroNotes(ctx, inc.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := []int64{g1.ID, w1.ID, w2.ID, lesson.ID}
	if len(notes) != len(want) {
		t.Fatalf("notes = %+v", notes)
	}
	for i, id := range want {
		if notes[i].ID != id {
			t.Fatalf("note %d is #%d, want #%d (%+v)", i, notes[i].ID, id, notes)
		}
	}
	if err := s.DeleteRetroNote(ctx, w1.ID); err != nil {
		t.Fatal(err)
	}
	wantCode(t, s.DeleteRetroNote(ctx, w1.ID), incident.ECONFLICT)
	wantCode(t, s.DeleteRetroNote(ctx, 404), incident.ENOTFOUND)
	notes, _ = s.RetroNotes(ctx, inc.ID)
	if len(notes) != 3 {
		t.Fatalf("after delete: %+v", notes)
	}
	// Positions are not reused after a delete.
	if w3 := add("wrong", "Runbook was stale"); w3.Order != 3 {
		t.Fatalf("order after delete = %d, want 3", w3.Order)
	}
	bad := incident.RetroNote{IncidentID: inc.ID, Section: "gossip", Text: "x"}
	wantCode(t, s.AddRetroNote(ctx, &bad), incident.EINVALID)
	empty := incident.RetroNote{IncidentID: inc.ID, Section: "lesson", Text: " "}
	wantCode(t, s.AddRetroNote(ctx, &empty), incident.EINVALID)
	orphan := incident.RetroNote{IncidentID: 404, Section: "lesson", Text: "x"}
	wantCode(t, s.AddRetroNote(ctx, &orphan), incident.ENOTFOUND)
}
