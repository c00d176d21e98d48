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
	_, err = s.AssignRole(ctx, inc.ID, "commander", "ken a.", Origin{})
	wantCode(t, err, incident.ECONFLICT)
	// A hand-off dated before the holder took over cannot close the assignment.
	_, err = s.AssignRole(ctx, inc.ID, "ic", "Lee", Origin{At: handoff.Add(-time.Hour)})
	wantCode(t, err, incident.ECONFLICT)
	if again, _ := s.Roles(ctx, inc.ID); len(again) != 3 {
		t.Fatalf("refused assignments were written: %+v", again)
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
