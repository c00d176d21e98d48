package ingest

import "testing"

// An entry reads as the document shows it: a link's words in the
// sentence, its address kept at the end; "<https://…>" bare.
func TestLinkText(t *testing.T) {
	for in, want := range map[string]string{
		"A [message](https://chat.example/m/1) was sent to the deployments topic.":          "A message was sent to the deployments topic (https://chat.example/m/1).",
		"<https://git.example/pr/6834> (Move uploads to storage) was opened":                "https://git.example/pr/6834 (Move uploads to storage) was opened",
		"The [status page](https://status.example/) was updated":                            "The status page was updated (https://status.example/)",
		"[PR #51](https://git.example/pr/51)":                                               "[PR #51](https://git.example/pr/51)",
		"Rolled back, see [#12](https://git.example/12) and [#13](https://git.example/13)":  "Rolled back, see #12 and #13 (https://git.example/12, https://git.example/13)",
		"Lag in [Kibana](https://kb.example/app#/?_g=(time:(from:now-1h))) for all indices": "Lag in [Kibana](https://kb.example/app#/?_g=(time:(from:now-1h))) for all indices",
		"No link here": "No link here",
	} {
		if got := linkText(in); got != want {
			t.Errorf("linkText(%q) = %q, want %q", in, got, want)
		}
	}
}
