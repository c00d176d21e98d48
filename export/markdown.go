package export

import (
	"fmt"
	"io"

	"scribe/incident"
)

// Markdown writes the postmortem of snap to w through opts.Template (the
// embedded default when nil). On error w may hold part of the document:
// callers that write files render into a buffer first.
func Markdown(w io.Writer, snap incident.Snapshot, opts Options) error {
	t := opts.Template
	if t == nil {
		var err error
		if t, err = ParseTemplate("postmortem.md.tmpl", defaultTemplate); err != nil {
			return err
		}
	}
	if err := t.Execute(w, Build(snap, opts)); err != nil {
		return fmt.Errorf("render postmortem of incident #%d: %w", snap.Incident.ID, err)
	}
	return nil
}
