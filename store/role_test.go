package store

import (
	"context"
	"testing"
	"time"

	"scribe/incident"
)

func TestAssignRoleHandOff(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	inc := newIncident(t, s)
	e, err := s.AssignRole(ctx, inc.ID, "IC", "Rosa M.", Origin{At: t0, Author: "rosa"})
	if err != nil {
		t.Fatal(err)
	}
	if e.Kind != incident.KindRole || e.Role != incident.RoleCommander || e.Person != "Rosa M." || e.Text != "Rosa M. is incident commander" {
		t.Fatalf("first assignment event = %+v", e)
	}
	handoff := t0.Add(30 * time.Minute)
	e, err = s.AssignRole(ctx, inc.ID, "incident commander", "Ken A.", Origin{At: handoff})
	if err != nil {
		t.Fatal(err)
	}
	if e.Text != "Ken A. took over as incident commander from Rosa M." {
		t.Fatalf("hand-off text = %q", e.Text)
	}
	if _, err := s.AssignRole(ctx, inc.ID, "tech lead", "Sam P.", Origin{At: t0.Add(time.Minute)}); err != nil {
		t.Fatal(err)
	}
	roles, err := s.Roles(ctx, inc.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(roles) != 3 {
		t.Fatalf("roles = %+v", roles)
	}
	rosa, sam, ken := roles[0], roles[1], roles[2]
	if rosa.Person != "Rosa M." || !rosa.Until.Equal(handoff) || rosa.EventID == 0 {
		t.Fatalf("Rosa's assignment = %+v, want closed at the hand-off", rosa)
	}
	if ken.Person != "Ken A." || !ken.From.Equal(handoff) || !ken.Active() || ken.EventID != e.ID {
		t.Fatalf("Ken's assignment = %+v", ken)
	}
	if sam.Role != incident.RoleOps || !sam.Active() {
		t.Fatalf("Sam's assignment = %+v", sam)
	}
	if h := incident.HolderAt(roles, incident.RoleCommander, handoff.Add(-time.Second)); h != "Rosa M." {
		t.Fatalf("holder before hand-off = %q", h)
	}
	// The current holder again: a conflict, nothing written.
	_, err = s.AssignRole(ctx, inc.ID, "commander", "ken a.", Origin{At: handoff.Add(time.Minute)})
	wantCode(t, err, incident.ECONFLICT)
	if again, _ := s.Roles(ctx, inc.ID); len(again) != 3 {
		t.Fatalf("refused assignment was written: %+v", again)
	}
	for _, c := range []struct{ role, person string }{{"", "Ken"}, {"ic", ""}, {"ic", "two\nlines"}} {
		_, err := s.AssignRole(ctx, inc.ID, c.role, c.person, Origin{})
		wantCode(t, err, incident.EINVALID)
	}
	_, err = s.AssignRole(ctx, 404, "ic", "Ken", Origin{})
	wantCode(t, err, incident.ENOTFOUND)
	_, err = s.Roles(ctx, 404)
	wantCode(t, err, incident.ENOTFOUND)
}

// Filling in the timeline afterwards, out of order: each assignment ends
// where the next one begins.
func TestAssignRoleBackfill(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	inc := newIncident(t, s)
	at := func(min int) Origin { return Origin{At: t0.Add(time.Duration(min) * time.Minute)} }
	if _, err := s.AssignRole(ctx, inc.ID, "ic", "Ken A.", at(30)); err != nil {
		t.Fatal(err)
	}
	e, err := s.AssignRole(ctx, inc.ID, "ic", "Rosa M.", at(0))
	if err != nil {
		t.Fatal(err)
	}
	if e.Text != "Rosa M. is incident commander" {
		t.Fatalf("backfilled text = %q", e.Text)
	}
	// Between the two: Lee took over from Rosa at 10, and Ken from Lee at 30.
	if e, err = s.AssignRole(ctx, inc.ID, "ic", "Lee", at(10)); err != nil {
		t.Fatal(err)
	}
	if e.Text != "Lee took over as incident commander from Rosa M." {
		t.Fatalf("text = %q", e.Text)
	}
	_, err = s.AssignRole(ctx, inc.ID, "ic", "lee", at(20))
	wantCode(t, err, incident.ECONFLICT)
	roles, err := s.Roles(ctx, inc.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		person      string
		from, until int // minutes after t0; -1 = open
	}{{"Rosa M.", 0, 10}, {"Lee", 10, 30}, {"Ken A.", 30, -1}}
	if len(roles) != len(want) {
		t.Fatalf("roles = %+v", roles)
	}
	for i, w := range want {
		r := roles[i]
		until := t0.Add(time.Duration(w.until) * time.Minute)
		if w.until < 0 {
			until = time.Time{}
		}
		if r.Person != w.person || !r.From.Equal(t0.Add(time.Duration(w.from)*time.Minute)) || !r.Until.Equal(until) {
			t.Errorf("assignment %d = %s %v–%v, want %s %d–%d min", i, r.Person, r.From, r.Until, w.person, w.from, w.until)
		}
	}
	for m, who := range map[int]string{5: "Rosa M.", 15: "Lee", 45: "Ken A."} {
		if h := incident.HolderAt(roles, incident.RoleCommander, t0.Add(time.Duration(m)*time.Minute)); h != who {
			t.Errorf("holder at +%dm = %q, want %q", m, h, who)
		}
	}
}
