package export

import (
	"fmt"
	"testing"
	"time"

	"scribe/incident"
)

func TestZZDebug(t *testing.T) {
	snap := incident.Snapshot{Incident: incident.Incident{ID: 1}}
	for _, n := range []string{"Bill Fisher", "Rose Hunter", "Rich Brown", "Chase Green", "Gene Little"} {
		snap.Roles = append(snap.Roles, incident.RoleAssignment{Role: incident.RoleOps, Person: n, From: time.Unix(0, 0)})
	}
	p := newPeople(snap)
	for _, s := range []string{"Rich should not have run the script in production.", "Chase ought to have tested the migration."} {
		ms := p.find(s)
		fmt.Printf("%q %+v %+v\n", s, ms, findBlame(s, ms))
	}
}
