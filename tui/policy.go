package tui

import (
	"time"

	"scribe/incident"
)

// The team's policy (Options.UpdateEvery, Options.Checklist) as the screen
// uses it: the snapshot carries its severity's update cadence, so the
// header counts down and the preview's Communications know it, and a
// declaration or an escalation brings its checklist.

// updateEvery is the cadence of a severity, 0 without a policy.
func (c *common) updateEvery(sev incident.Severity) time.Duration {
	if c.opts.UpdateEvery == nil {
		return 0
	}
	return c.opts.UpdateEvery(sev)
}

// checklist is the checklist of a severity, nil without a policy.
func (c *common) checklist(sev incident.Severity) []string {
	if c.opts.Checklist == nil {
		return nil
	}
	return c.opts.Checklist(sev)
}

// applyPolicy sets the snapshot's cadence from its current severity.
func (s *incidentScreen) applyPolicy() {
	s.snap.UpdateEvery = s.c.updateEvery(s.snap.Incident.Severity)
}
