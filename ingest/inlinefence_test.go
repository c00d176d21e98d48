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
