package ingest

import (
	"bufio"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"scribe/incident"
)

// The documents in testdata/documents are whole postmortems written for the
// project in the layouts companies publish (SRE and Atlassian templates,
// blogs, status pages, wiki exports, plain text). Each NAME.want lists, by
// hand, what a reader sees in it:
//
//	# options: --year 2024 --tz Zone
//	# title: the title
//	2024-05-04T14:02Z  timeline entry (its text starts so)
//	action: title holds this | owner | P1 | 2024-05-10 | open|done|wont-do
//	summary: the field starts so     (also impact, root-cause, trigger, resolution, detection)
//	went-well: a note holds this     (also went-wrong, lucky, factor, lesson)
//	service: name
//	note: the stderr note holds this
//
// TestDocuments measures them as import is judged on held-out postmortems:
// action items found as action items (and never as events), timeline
// recall and precision, and the narrative in its fields.
//
// -documents DIR measures another folder of such documents (a new held-out
// batch, before it joins the fixtures):
//
//	go test ./ingest -run TestDocuments -v -args -documents testdata/heldout
var documentsDir = flag.String("documents", "testdata/documents", "folder of NAME.want documents TestDocuments measures")

func TestDocuments(t *testing.T) {
	wants, err := filepath.Glob(filepath.Join(*documentsDir, "*.want"))
	if least := 8; err != nil || len(wants) < least || len(wants) == 0 {
		if *documentsDir != "testdata/documents" {
			least = 1 // a held-out batch may be small
		}
		if err != nil || len(wants) < least {
			t.Fatalf("%d documents in %s (%v), want at least %d", len(wants), *documentsDir, err, least)
		}
	}
	var items, itemsFound, entries, entriesFound, emitted, emittedReal int
	for _, w := range wants {
		base := strings.TrimSuffix(w, ".want")
		in := base + ".md"
		for _, ext := range []string{".md", ".txt", ".rst"} {
			if _, err := os.Stat(base + ext); err == nil {
				in = base + ext
			}
		}
		text, err := os.ReadFile(in)
		if err != nil {
			t.Fatal(err)
		}
		d := readDocumentWant(t, w)
		res := ParseText(string(text), d.opts)
		name := filepath.Base(base)
		found, real, misses := evalScore(d.entries, Previews(res.Events(1, "")))
		entries, entriesFound, emitted, emittedReal = entries+len(d.entries), entriesFound+found, emitted+len(res.Entries), emittedReal+real
		if len(d.entries) > 0 && (float64(found) < minRecall*float64(len(d.entries)) || float64(real) < minPrecision*float64(len(res.Entries))) {
			t.Errorf("%s: timeline %d/%d found, %d/%d emitted real:\n  %s", name, found, len(d.entries), real, len(res.Entries), strings.Join(misses, "\n  "))
		}
		n := checkDocumentItems(t, name, d.items, res)
		items, itemsFound = items+len(d.items), itemsFound+n
		if extra := len(res.ActionItems) - n; extra > 0 {
			t.Errorf("%s: %d action items that are none: %v", name, extra, itemTitles(res.ActionItems))
		}
		checkDocumentNarrative(t, name, d, res)
		t.Logf("%-24s entries %d/%d (emitted %d), action items %d/%d", name, found, len(d.entries), len(res.Entries), n, len(d.items))
	}
	t.Logf("all: timeline recall %.1f%%, precision %.1f%%; action items %.1f%% (%d/%d)",
		100*float64(entriesFound)/float64(max(entries, 1)), 100*float64(emittedReal)/float64(max(emitted, 1)),
		100*float64(itemsFound)/float64(max(items, 1)), itemsFound, items)
}

type documentWant struct {
	opts    Options
	title   string
	entries []evalWant
	items   []incident.ActionItem
	fields  map[string][]string
}

func readDocumentWant(t *testing.T, path string) documentWant {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	d := documentWant{opts: Options{Zone: time.UTC, Reference: evalReference}, fields: map[string][]string{}}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		key, val, _ := strings.Cut(line, ":")
		val = strings.TrimSpace(val)
		switch {
		case line == "":
		case strings.HasPrefix(line, "# options:"):
			fs := strings.Fields(strings.TrimPrefix(line, "# options:"))
			for i := 0; i+1 < len(fs); i += 2 {
				switch fs[i] {
				case "--year":
					d.opts.Year, _ = strconv.Atoi(fs[i+1])
				case "--reference":
					if d.opts.Reference, err = time.Parse("2006-01-02", fs[i+1]); err != nil {
						t.Fatalf("%s:%d: %v", path, n, err)
					}
				case "--tz":
					if d.opts.Zone, err = incident.ParseZone(fs[i+1]); err != nil {
						t.Fatalf("%s:%d: %v", path, n, err)
					}
				}
			}
		case strings.HasPrefix(line, "# title:"):
			d.title = strings.TrimSpace(strings.TrimPrefix(line, "# title:"))
		case key == "action":
			parts := strings.Split(val, "|")
			if len(parts) != 5 {
				t.Fatalf("%s:%d: want action: title | owner | priority | due | state", path, n)
			}
			for i := range parts {
				parts[i] = strings.TrimSpace(parts[i])
			}
			d.items = append(d.items, incident.ActionItem{Title: parts[0], Owner: parts[1], Priority: incident.Priority(parts[2]), Due: parts[3], State: incident.ItemState(parts[4])})
		case len(line) > 18 && line[4] == '-' && line[10] == 'T':
			stamp, text, _ := strings.Cut(line, "  ")
			at, err := time.Parse("2006-01-02T15:04Z", stamp)
			if err != nil {
				t.Fatalf("%s:%d: %v", path, n, err)
			}
			d.entries = append(d.entries, evalWant{at: at, text: strings.TrimSpace(text)})
		default:
			d.fields[key] = append(d.fields[key], val)
		}
	}
	return d
}

// checkDocumentItems matches each expected action item to one read (its
// title holds the expected words: "Pinning broker settings" is read from
// "We are pinning broker settings explicitly.") and checks what the
// document says of it; it returns how many were found. None may be an
// event.
func checkDocumentItems(t *testing.T, name string, want []incident.ActionItem, res Result) int {
	t.Helper()
	used := make([]bool, len(res.ActionItems))
	found := 0
	for _, w := range want {
		hit := -1
		for i, a := range res.ActionItems {
			if !used[i] && strings.Contains(foldSpace(a.Title), foldSpace(w.Title)) {
				hit = i
				break
			}
		}
		for _, e := range res.Entries {
			if strings.Contains(foldSpace(e.Text), foldSpace(w.Title)) {
				t.Errorf("%s: action item %q is an event at line %d", name, w.Title, e.Line)
			}
		}
		if hit < 0 {
			t.Errorf("%s: action item %q not read (read: %v)", name, w.Title, itemTitles(res.ActionItems))
			continue
		}
		used[hit] = true
		found++
		a := res.ActionItems[hit]
		if a.Owner != w.Owner || a.Priority != w.Priority || a.Due != w.Due || a.State != w.State {
			t.Errorf("%s: %q: owner %q priority %q due %q state %q; want %q %q %q %q", name, w.Title,
				a.Owner, a.Priority, a.Due, a.State, w.Owner, w.Priority, w.Due, w.State)
		}
	}
	return found
}

func itemTitles(items []incident.ActionItem) []string {
	var out []string
	for _, a := range items {
		out = append(out, a.Title)
	}
	return out
}

func checkDocumentNarrative(t *testing.T, name string, d documentWant, res Result) {
	t.Helper()
	if d.title != "" && res.Title != d.title {
		t.Errorf("%s: title %q, want %q", name, res.Title, d.title)
	}
	n := res.Narrative
	fields := map[string]string{"summary": n.Summary, "impact": n.Impact, "root-cause": n.RootCause,
		"trigger": n.Trigger, "resolution": n.Resolution, "detection": n.Detection}
	for key, vals := range d.fields {
		for _, v := range vals {
			switch {
			case key == "service":
				if !containsFold(res.Services, v) {
					t.Errorf("%s: service %q not read (read %v)", name, v, res.Services)
				}
			case key == "note":
				if !strings.Contains(strings.Join(res.Notes, "\n"), v) {
					t.Errorf("%s: no note saying %q (notes %q)", name, v, res.Notes)
				}
			case fields[key] != "" || key == "summary" || key == "impact" || key == "root-cause" || key == "trigger" || key == "resolution" || key == "detection":
				if !strings.HasPrefix(foldSpace(fields[key]), foldSpace(v)) {
					t.Errorf("%s: %s is %q, want it to start %q", name, key, fields[key], v)
				}
			default:
				hit := false
				for _, r := range res.Retro {
					hit = hit || string(r.Section) == key && strings.Contains(foldSpace(r.Text), foldSpace(v))
				}
				if !hit {
					t.Errorf("%s: no %s note holding %q (retro %+v)", name, key, v, res.Retro)
				}
			}
		}
	}
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

// TestLeadingOwner: "Lena - add a canary" names its owner first; a
// category ("Monitoring - add alerts") or a capitalised task does not.
func TestLeadingOwner(t *testing.T) {
	for text, want := range map[string]string{
		"Lena - add a per-shard canary":       "Lena",
		"Omar: alert on p95 above 2 s":        "Omar",
		"Monitoring - add alerts on the pool": "",
		"Lena - Add a canary":                 "",
		"Add a canary - the ranking team":     "",
	} {
		if got := parseItem(text, 2025).Owner; got != want {
			t.Errorf("parseItem(%q).Owner = %q, want %q", text, got, want)
		}
	}
}
