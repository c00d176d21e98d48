package ingest

import (
	"testing"
	"time"
)

// A static-site post whose front matter lists its images, each with a
// title of its own, after the post's title; and a TOML one with a table.
func TestFrontMatterNestedTitle(t *testing.T) {
	for _, doc := range []string{
		"---\ndate: 2023-03-02\ntitle: \"Mail relay backlog\"\nresources:\n- src: \"**.png\"\n  title: \"Figure #:n\"\n---\n\nOn March 2nd, 2023 at 08:10 UTC mail queued.\n\n# Timeline\n\n- **08:12** Queue alert fired\n",
		"+++\ntitle = \"Mail relay backlog\"\n\n[extra]\ntitle = \"Figure\"\n+++\n\n# Timeline\n\n- 2023-03-02 08:12 UTC Queue alert fired\n",
	} {
		res := ParseText(doc, Options{Zone: time.UTC, Reference: evalReference})
		if res.Title != "Mail relay backlog" {
			t.Errorf("title %q, want the post's", res.Title)
		}
		if n := len(res.Entries); n == 0 || res.Entries[n-1].At.Format("2006-01-02 15:04") != "2023-03-02 08:12" {
			t.Errorf("entries %v, want the last at 2023-03-02 08:12", res.Entries)
		}
	}
}
