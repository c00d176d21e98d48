package ingest

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"scribe/incident"
)

var update = flag.Bool("update", false, "rewrite the expected results of testdata fixtures (review the diff!)")

// fixture is a testdata/NAME.json file: the options to parse NAME.md or
// NAME.txt with, and what must come out.
type fixture struct {
	Options struct {
		TZ        string `json:"tz,omitempty"`
		Year      int    `json:"year,omitempty"`
		Reference string `json:"reference,omitempty"` // YYYY-MM-DD
	} `json:"options"`
	Title    string    `json:"title"`
	Zone     string    `json:"zone"`
	Entries  []Preview `json:"entries"`
	Problems []string  `json:"problems"`
}

func (f fixture) parseOptions(t *testing.T) Options {
	t.Helper()
	var o Options
	if f.Options.TZ != "" {
		loc, err := incident.ParseZone(f.Options.TZ)
		if err != nil {
			t.Fatalf("options.tz: %v", err)
		}
		o.Zone = loc
	}
	o.Year = f.Options.Year
	if f.Options.Reference != "" {
		ref, err := time.Parse("2006-01-02", f.Options.Reference)
		if err != nil {
			t.Fatalf("options.reference: %v", err)
		}
		o.Reference = ref
	}
	return o
}

func TestFixtures(t *testing.T) {
	inputs, err := filepath.Glob("testdata/*.[mt][dx]*")
	if err != nil {
		t.Fatal(err)
	}
	if len(inputs) < 10 {
		t.Fatalf("found %d fixtures in testdata, want every format covered", len(inputs))
	}
	for _, in := range inputs {
		name := strings.TrimSuffix(in, filepath.Ext(in))
		t.Run(filepath.Base(name), func(t *testing.T) {
			text, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			var want fixture
			golden := name + ".json"
			if data, err := os.ReadFile(golden); err == nil {
				if err := json.Unmarshal(data, &want); err != nil {
					t.Fatalf("%s: %v", golden, err)
				}
			} else if !*update {
				t.Fatalf("%s is missing: run go test -update and review it", golden)
			}
			res := ParseText(string(text), want.parseOptions(t))
			got := want
			got.Title, got.Zone = res.Title, ""
			if res.Zone != nil {
				got.Zone = res.Zone.String()
			}
			got.Entries = Previews(res.Events(1, ""))
			got.Problems = []string{}
			for _, p := range res.Problems {
				got.Problems = append(got.Problems, p.String())
			}
			gotJSON, _ := json.MarshalIndent(got, "", "  ")
			if *update {
				if err := os.WriteFile(golden, append(gotJSON, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			wantJSON, _ := json.MarshalIndent(want, "", "  ")
			if string(gotJSON) != string(wantJSON) {
				t.Errorf("%s: got\n%s\nwant\n%s", in, gotJSON, wantJSON)
			}
		})
	}
}
