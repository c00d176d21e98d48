package ingest

import (
	"strings"
	"testing"
	"time"
)

// "What was impacted" heads the impact, as a project's disclosure post
// words it.
func TestWhatWasImpactedHeading(t *testing.T) {
	doc := "# Bot token disclosure\n\nOn 2022-03-02 10:00 UTC a token leaked.\n\n### What was impacted\n\nOne formula repository could have been pushed to.\n\n### What we're doing about it\n\n- The token has been revoked.\n"
	res := ParseText(doc, Options{Zone: time.UTC, Reference: evalReference})
	if !strings.HasPrefix(res.Narrative.Impact, "One formula repository") {
		t.Errorf("impact %q", res.Narrative.Impact)
	}
}
