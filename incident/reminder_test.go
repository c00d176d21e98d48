package incident_test

import (
	"strings"
	"testing"
	"time"

	"scribe/incident"
)

func TestParseReminder(t *testing.T) {
	now := at(14, 0)
	r, err := incident.ParseReminder("15m check replica lag @ana", now)
	if err != nil {
		t.Fatal(err)
	}
	if r.Text != "check replica lag @ana" || r.Who != "ana" || !r.DueAt.Equal(at(14, 15)) || r.State != incident.ReminderOpen || !r.CreatedAt.Equal(now) {
		t.Errorf("reminder = %+v", r)
	}
	if r.Due(at(14, 14)) || !r.Due(at(14, 15)) || !r.Due(at(15, 0)) {
		t.Error("Due is wrong around 14:15")
	}
	r.State = incident.ReminderDone
	if r.Due(at(15, 0)) {
		t.Error("a done reminder is still due")
	}
	r, err = incident.ParseReminder("in 1h30m rotate the on-call (@Sam, please)", now)
	if err != nil || r.Who != "Sam" || !r.DueAt.Equal(at(15, 30)) {
		t.Errorf("reminder = %+v, %v", r, err)
	}
	for in, want := range map[string]string{
		"":                               "reminder needs a time and a text",
		"15m":                            "reminder is empty",
		"check lag":                      `invalid reminder time "check"`,
		"soon check lag":                 `invalid reminder time "soon"`,
		"500d check lag":                 "at most a year is accepted",
		"1m " + strings.Repeat("x", 501): "at most 500 are accepted",
	} {
		_, err := incident.ParseReminder(in, now)
		wantInvalid(t, "ParseReminder("+in+")", err, want)
	}
}

func TestReminderValidate(t *testing.T) {
	r := incident.Reminder{Text: "check lag", DueAt: at(14, 15), State: incident.ReminderOpen, CreatedAt: at(14, 0)}
	if err := r.Validate(); err != nil {
		t.Fatal(err)
	}
	for name, tt := range map[string]struct {
		edit func(*incident.Reminder)
		want string
	}{
		"no due":      {func(r *incident.Reminder) { r.DueAt = time.Time{} }, "has no due time"},
		"state":       {func(r *incident.Reminder) { r.State = "snoozed" }, `invalid reminder state "snoozed"`},
		"two lines":   {func(r *incident.Reminder) { r.Text = "a\nb" }, "spans several lines"},
		"who":         {func(r *incident.Reminder) { r.Who = "a\tb" }, "reminder's person"},
		"due 2300":    {func(r *incident.Reminder) { r.DueAt = r.DueAt.AddDate(300, 0, 0) }, "reminder due time"},
		"closed 1960": {func(r *incident.Reminder) { r.ClosedAt = time.Date(1960, 1, 1, 0, 0, 0, 0, time.UTC) }, "reminder closing time"},
	} {
		c := r
		tt.edit(&c)
		wantInvalid(t, name, c.Validate(), tt.want)
	}
}
