package incident

import (
	"fmt"
	"time"
)

// DocComms is the incident's stakeholder update cadence in the document:
// update_every ("20m", null when the severity has none), the last update
// and when the next is due (null when none). Only update_every is read
// back; the times are derived from the events.
type DocComms struct {
	UpdateEvery   *string    `json:"update_every"`
	LastUpdate    *time.Time `json:"last_update"`
	NextUpdateDue *time.Time `json:"next_update_due"`
}

func newDocComms(s *Snapshot) DocComms {
	c := CommsOf(s)
	d := DocComms{LastUpdate: utcPtr(c.LastUpdate), NextUpdateDue: utcPtr(c.NextDue)}
	if every := FormatEvery(c.UpdateEvery); every != "" {
		d.UpdateEvery = &every
	}
	return d
}

// commsSnapshot reads the cadence back into s.UpdateEvery.
func (d Document) commsSnapshot(s *Snapshot) error {
	c := d.Incident.Comms
	if c.UpdateEvery == nil {
		return nil
	}
	every, err := ParseInterval("update_every", *c.UpdateEvery)
	if err != nil {
		return fmt.Errorf("incident: comms: %w", err)
	}
	s.UpdateEvery = every
	return nil
}

func (r *documentReader) comms(c *DocComms) {
	r.object(func(key []byte) {
		switch string(key) {
		case "update_every":
			c.UpdateEvery = r.strPtr()
		case "last_update":
			c.LastUpdate = r.timePtr()
		case "next_update_due":
			c.NextUpdateDue = r.timePtr()
		default:
			r.ok = false
		}
	})
}

// strPtr reads a string that may be null.
func (r *documentReader) strPtr() *string {
	if r.literal("null") {
		return nil
	}
	s := r.str()
	if !r.ok {
		return nil
	}
	return &s
}
