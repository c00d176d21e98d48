package tui

import "scribe/incident"

// cadence is the header's word on stakeholder updates, long and short:
// "⏲ next update in 7m", or "⚠ update overdue 3m" in the error style;
// without a cadence (SEV4-5, or no policy) how long ago the last update
// went out. A marker and a word carry the state, so that it reads the
// same without colour.
func (h *header) cadence() (long, short string) {
	st := h.c.styles
	c := h.comms
	if late, overdue := c.Overdue(h.now); overdue {
		text := "⚠ update overdue " + incident.FormatDuration(late)
		return st.Error.Render(text), st.Error.Render(text)
	}
	if countdown := c.Countdown(h.now); countdown != "" {
		return st.Info.Render("⏲ " + countdown), st.Info.Render("⏲ " + countdown)
	}
	if c.LastUpdate.IsZero() && h.snap.Incident.State == incident.Resolved {
		return st.Muted.Render("no update recorded"), st.Muted.Render("no update")
	}
	if c.LastUpdate.IsZero() {
		return st.Muted.Render("no comms update yet"), st.Muted.Render("no update yet")
	}
	ago := formatAgo(h.now.Sub(c.LastUpdate))
	return st.Muted.Render("last update " + ago), st.Muted.Render("update " + ago)
}
