package export

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

	"scribe/incident"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// generatedAt is the fixed "generated" time of golden exports.
var generatedAt = time.Date(2025, 11, 2, 9, 0, 0, 0, time.UTC)

func TestMarkdownGolden(t *testing.T) {
	cases := []struct {
		name string
		snap incident.Snapshot
		opts Options
	}{
		{"search-outage", searchOutage(), Options{Now: generatedAt}},
		{"search-outage-names", searchOutage(), Options{Names: true}},
		{"search-outage-utc", searchOutage(), Options{Zone: time.UTC}},
		{"overnight-migration", overnightMigration(), Options{}},
		{"empty", emptyIncident(), Options{}},
		{"self-resolving", selfResolving(), Options{}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := Markdown(&buf, c.snap, c.opts); err != nil {
				t.Fatal(err)
			}
			checkGolden(t, c.name+".md.golden", buf.Bytes())
			for _, m := range mermaidBlocks.FindAllStringSubmatch(buf.String(), -1) {
				checkGanttSyntax(t, m[1])
			}
		})
	}
}

func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./export -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the export; run go test ./export -update and review the diff\n--- got ---\n%s", path, got)
	}
}
