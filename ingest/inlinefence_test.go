package ingest

import (
	"testing"
	"time"
)

// A line that opens with three backticks and closes with them is code in
// the line, not a fence that would swallow the rest of the document: the
// sections after it are read.
func TestInlineTripleBackticks(t *testing.T) {
	doc := "### Incident on 2021-07-12 15:24 - Certificates mismatched\n\n" +
		"- **Key events**\n  - First detected 2021-07-12 15:44\n  - Repaired 2021-07-12 15:51\n\n" +
		"- **Identified**: a user reported an error from the error tracker:\n```Hostname/IP does not match certificate's altnames```\n\n" +
		"- **Impact**: Every ingress on the old domain served the wrong certificate.\n\n" +
		"- **Review actions**:\n  - Monitor the default certificate with a health check\n  - Add an assertion that the cluster name matches the workspace\n"
	res := ParseText(doc, Options{Zone: time.UTC, Reference: evalReference})
	if len(res.ActionItems) != 2 {
		t.Errorf("action items %+v, want the two review actions", res.ActionItems)
	}
	if res.Narrative.Impact == "" {
		t.Error("impact not read after the inline code line")
	}
	if fenceOf("```Hostname/IP does not match```") != "" || fenceOf("```go") != "```" || fenceOf("```") != "```" {
		t.Error("fenceOf: an inline code line is no fence; ```go and ``` are")
	}
}

// An incident log's "- **Identified**:" label tells how it was detected,
// and a field told in one bullet is that sentence, without the bullet.
func TestIdentifiedLabelAndOneBulletField(t *testing.T) {
	doc := "### Incident on 2021-09-04 22:05 - Metrics store restarting\n\n- **Key events**\n  - First detected 2021-09-04 22:05\n  - Repaired 2021-09-04 23:40\n  - Resolved 2021-09-05 10:00\n\n" +
		"- **Identified**: The metrics pod restarted several times, out of memory\n\n" +
		"- **Resolution**:\n  - Raised the memory limit of the metrics container from 25Gi to 50Gi\n"
	res := ParseText(doc, Options{Zone: time.UTC, Reference: evalReference})
	if res.Narrative.Detection != "The metrics pod restarted several times, out of memory" {
		t.Errorf("detection %q", res.Narrative.Detection)
	}
	if res.Narrative.Resolution != "Raised the memory limit of the metrics container from 25Gi to 50Gi" {
		t.Errorf("resolution %q", res.Narrative.Resolution)
	}
}
