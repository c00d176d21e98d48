package incident_test

import (
	"strings"
	"testing"

	"scribe/incident"
)

func TestMergeField(t *testing.T) {
	tests := []struct {
		name                  string
		f                     incident.Field
		base, current, edited string
		want                  string
		conflict, bothKept    bool
	}{
		{"untouched keeps a change made meanwhile", incident.FieldSummary, "old", "changed elsewhere", "old", "changed elsewhere", false, false},
		{"untouched up to white space", incident.FieldSummary, "old", "changed elsewhere", "  old\n", "changed elsewhere", false, false},
		{"an edit of an untouched field", incident.FieldSummary, "old", "old", "new", "new", false, false},
		{"both made the same change", incident.FieldSummary, "old", "new", "new", "new", false, false},
		{"conflict keeps both", incident.FieldImpact, "old", "theirs", "mine", "theirs\n\n" + incident.ConflictNote + "\n\nmine", true, true},
		{"cleared elsewhere keeps the edit", incident.FieldImpact, "old", "", "mine", "mine", true, true},
		{"a title conflict keeps the current title", incident.FieldTitle, "Old", "Theirs", "Mine", "Theirs", true, false},
		{"services compare as lists", incident.FieldServices, "api, db", "api,db", "api,\ndb", "api, db", false, false},
		{"a services edit", incident.FieldServices, "api", "api", "api, db", "api, db", false, false},
	}
	for _, tt := range tests {
		m := incident.MergeField(tt.f, tt.base, tt.current, tt.edited)
		if m.Value != tt.want || m.Conflict != tt.conflict || m.BothKept != tt.bothKept {
			t.Errorf("%s: got %+v, want %q conflict=%v both=%v", tt.name, m, tt.want, tt.conflict, tt.bothKept)
		}
	}
	// Two versions too long for one field: the current stays, the edit is
	// the caller's to keep.
	long := strings.Repeat("a", incident.MaxTextLen-10)
	m := incident.MergeField(incident.FieldSummary, "b", long, long+"!")
	if m.Value != long || !m.Conflict || m.BothKept {
		t.Errorf("overlong merge: conflict=%v both=%v len=%d", m.Conflict, m.BothKept, len(m.Value))
	}
}
