package incident

import (
	"testing"
	"time"
)

func TestSnapshotApplyMergesEventsAndLists(t *testing.T) {
	t0 := time.Date(2026, 11, 21, 9, 0, 0, 0, time.UTC)
	at := func(m int) time.Time { return t0.Add(time.Duration(m) * time.Minute) }
	s := Snapshot{
		Incident: Incident{ID: 7, Seq: 3, Title: "old"},
		Events:   []Event{{ID: 1, OccurredAt: at(0)}, {ID: 2, OccurredAt: at(5)}, {ID: 3, OccurredAt: at(10)}},
		Roles:    []RoleAssignment{{ID: 1, Role: RoleCommander, Person: "Ana"}},
	}
	s.Apply(Changes{
		Seq:      6,
		Incident: &Incident{ID: 7, Title: "new"},
		Events: []Event{
			{ID: 3, OccurredAt: at(1)},                    // corrected to an earlier time: moves
			{ID: 2, OccurredAt: at(5), DeletedAt: at(20)}, // deleted: leaves
			{ID: 4, OccurredAt: at(1)},                    // new, same minute as 3: after it by id
		},
		ChecklistChanged: true, Checklist: []ChecklistItem{{ID: 9, Text: "Page the DBA"}},
		RemindersChanged: true, Reminders: []Reminder{{ID: 5, Text: "check lag"}},
	})
	var ids []int64
	for _, e := range s.Events {
		ids = append(ids, e.ID)
	}
	if want := []int64{1, 3, 4}; len(ids) != len(want) || ids[0] != 1 || ids[1] != 3 || ids[2] != 4 {
		t.Errorf("events %v, want %v", ids, want)
	}
	if s.Incident.Title != "new" || s.Incident.Seq != 6 {
		t.Errorf("incident %q seq %d, want the changed one at seq 6", s.Incident.Title, s.Incident.Seq)
	}
	if len(s.Roles) != 1 {
		t.Errorf("roles replaced although they did not change: %v", s.Roles)
	}
	if len(s.Checklist) != 1 || s.Checklist[0].ID != 9 || len(s.Reminders) != 1 || s.Reminders[0].ID != 5 {
		t.Errorf("runbook lists not taken: checklist %v reminders %v", s.Checklist, s.Reminders)
	}
}
