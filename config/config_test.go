package config_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"scribe/config"
	"scribe/incident"
	"scribe/update"
)

func TestDefault(t *testing.T) {
	c := config.Default()
	for sev, want := range map[incident.Severity]time.Duration{1: 20 * time.Minute, 2: 30 * time.Minute, 3: time.Hour, 4: 0, 5: 0} {
		if got := c.UpdateEvery(sev); got != want {
			t.Errorf("%s cadence = %v, want %v", sev, got, want)
		}
	}
	sev1 := c.For(1).Checklist
	if len(sev1) < 5 || !strings.Contains(strings.Join(sev1, "|"), "Name an incident commander") || !strings.Contains(strings.Join(sev1, "|"), "status page") {
		t.Errorf("SEV1 default checklist is not a real one: %q", sev1)
	}
	if sev3 := c.For(3).Checklist; len(sev3) == 0 || len(sev3) >= len(sev1) {
		t.Errorf("SEV3 checklist has %d items, want a shorter list than SEV1's %d", len(sev3), len(sev1))
	}
	if len(c.For(4).Checklist) != 0 || c.For(9).UpdateEvery != 0 {
		t.Error("SEV4 or an invalid severity has a policy")
	}
	// For hands out copies: a caller cannot change the policy.
	c.For(1).Checklist[0] = "changed"
	if c.For(1).Checklist[0] == "changed" {
		t.Error("For shares the checklist slice")
	}
}

func TestLoadMissingFileIsDefault(t *testing.T) {
	c, err := config.Load(filepath.Join(t.TempDir(), "scribe", "config.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if c.File != "" || c.UpdateEvery(1) != 20*time.Minute {
		t.Errorf("missing file gave %+v", c)
	}
}

func writeConfig(t *testing.T, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "config.toml")
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestLoadOverridesKeyByKey(t *testing.T) {
	path := writeConfig(t, `
# Our policy.
[sev1]
update_every = "10m"
checklist = ["Page the DBA", "Open the bridge", "Tell the CEO"]

[sev2]
update_every = "none"

[sev3]
checklist = ["Name an IC"]

[sev4]
update_every = "1h 30m"
checklist = []

[update]
template = '''
{{.Bold .Title}} is {{.State}}.
Next: {{.NextUpdate}}'''

[followups]
P0 = "2d"
P2 = "30d"
`)
	c, err := config.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if c.File != path {
		t.Errorf("File = %q", c.File)
	}
	checks := []struct {
		sev   incident.Severity
		every time.Duration
		items string
	}{
		{1, 10 * time.Minute, "Page the DBA|Open the bridge|Tell the CEO"},
		{2, 0, strings.Join(config.Default().For(2).Checklist, "|")}, // checklist not set: default kept
		{3, time.Hour, "Name an IC"},                                 // cadence not set: default kept
		{4, 90 * time.Minute, ""},
		{5, 0, ""},
	}
	for _, ck := range checks {
		p := c.For(ck.sev)
		if p.UpdateEvery != ck.every || strings.Join(p.Checklist, "|") != ck.items {
			t.Errorf("%s = %v %q, want %v %q", ck.sev, p.UpdateEvery, p.Checklist, ck.every, ck.items)
		}
	}
	if c.UpdateTemplate == nil || !strings.Contains(c.UpdateTemplateSource, "{{.Bold .Title}}") {
		t.Errorf("template not loaded: %q", c.UpdateTemplateSource)
	}
	// P0 and P2 from the file, P1 and P3 and unprioritized as scribe's.
	def := incident.DefaultFollowUpPolicy()
	if f := c.FollowUps; f.Deadlines[incident.P0] != 48*time.Hour || f.Deadlines[incident.P2] != 30*24*time.Hour ||
		f.Deadlines[incident.P1] != def.Deadlines[incident.P1] || f.Deadlines[incident.P3] != 0 || f.Unprioritized != def.Unprioritized {
		t.Errorf("follow-up deadlines = %s", f.Describe())
	}
}

func TestLoadRefusesBrokenFiles(t *testing.T) {
	for _, tt := range []struct{ name, text, want string }{
		{"syntax", "[sev1]\nupdate_every = 10m\n", ":2:18: not valid TOML: strings must be quoted"},
		{"unterminated", "[sev1]\nchecklist = [\"a\"\n", ":2:17: not valid TOML: array is incomplete"},
		{"misspelt key", "[sev1]\nupdate_evry = \"10m\"\n", `:2:1: unknown key "update_evry" in [sev1]: accepted there are update_every, checklist`},
		{"unknown table", "[sev6]\nchecklist = []\n", `:1:2: unknown table or key "sev6": accepted are the tables [sev1], [sev2], [sev3], [sev4], [sev5], [update], [followups]`},
		{"two unknown keys", "colour = 1\nsize = 2\n", `:1:1: unknown table or key "colour": accepted are the tables [sev1]`},
		{"bad span", "[sev2]\nupdate_every = \"10 parsecs\"\n", `:2:16: sev2.update_every: invalid update_every "10 parsecs": use a span such as 15m, 1h, 1h30m or 2d, or "none"`},
		{"number for span", "[sev2]\nupdate_every = 10\n", `:2:16: sev2.update_every must be a span in quotes such as "20m", "1h" or "1h30m", or "none"`},
		{"string for list", "[sev1]\nchecklist = \"page\"\n", `:2:13: sev1.checklist must be a list of one-line strings`},
		{"number in list", "[sev1]\nchecklist = [\"a\", 2]\n", `:2:19: sev1.checklist must be a list of one-line strings`},
		{"empty item", "[sev3]\nchecklist = [\"a\", \"  \"]\n", `:2:19: sev3.checklist: checklist item is empty`},
		{"multi-line item", "[sev3]\nchecklist = [\"\"\"a\nb\"\"\"]\n", `:2:14: sev3.checklist: checklist item "a…" spans several lines`},
		{"duplicate item", "[sev1]\nupdate_every = \"5m\"\nchecklist = [\"Page the DBA\", \"page the  DBA\"]\n", `:3:1: sev1.checklist lists "page the  DBA" twice: each step once`},
		{"duplicate in inline table", "sev1 = {checklist = [\"x\", \"X\"]}\n", `:1:9: sev1.checklist lists "X" twice`},
		{"template field", "[update]\ntemplate = \"{{.Title}} {{.Titel}}\"\n", `:2:12: update.template: the update template does not work: template:1:13: executing "template" at <.Titel>: can't evaluate field Titel in type update.Draft (lines counted from the template's first)`},
		{"template syntax", "[update]\ntemplate = \"{{if .Title}}\"\n", `:2:12: update.template: the update template does not work: template:1: unexpected EOF`},
		{"deadline", "[followups]\nP1 = \"soon\"\n", `:2:6: followups.P1: invalid deadline "soon": use a span such as 2w, 30d or 12h, or "none"`},
		{"deadline in weeks", "[followups]\nP1 = \"99w\"\n", `:2:6: followups.P1: invalid deadline "99w"`},
		{"lower-case priority", "[followups]\np9 = \"1d\"\n", `unknown key "p9" in [followups]: accepted there are P0, P1, P2, P3, unprioritized`},
		{"scalar for table", "update = 5\n", `:1:10: update must be a table`},
		{"bool in list", "[sev2]\nchecklist = [true]\n", `:2:14: sev2.checklist must be a list of one-line strings`},
		{"table for span", "[sev2]\nupdate_every = {m = 1}\n", `:2:16: sev2.update_every must be a span in quotes`},
		{"repeated table", "[sev1]\n[sev1]\n", `:2:2: sev1: table sev1 already exists`},
	} {
		path := writeConfig(t, tt.text)
		_, err := config.Load(path)
		if err == nil {
			t.Errorf("%s: accepted", tt.name)
			continue
		}
		msg := err.Error()
		if !strings.HasPrefix(msg, "config "+path+":") || !strings.Contains(msg, tt.want) {
			t.Errorf("%s: error\n  %s\nwant it to start with the file and contain\n  %s", tt.name, msg, tt.want)
		}
		if strings.Contains(msg, "\n") {
			t.Errorf("%s: error spans several lines: %q", tt.name, msg)
		}
	}
}

func TestLoadUnreadable(t *testing.T) {
	dir := t.TempDir()
	_, err := config.Load(dir)
	if err == nil || !strings.HasPrefix(err.Error(), "config "+dir+": cannot read it: ") {
		t.Errorf("directory as config: %v", err)
	}
}

func TestEmptyFileIsDefault(t *testing.T) {
	c, err := config.Load(writeConfig(t, "# nothing yet\n"))
	if err != nil {
		t.Fatal(err)
	}
	if c.UpdateEvery(2) != 30*time.Minute || len(c.For(1).Checklist) == 0 {
		t.Errorf("empty file changed the policy: %+v", c)
	}
}

// FuzzParse: whatever the file holds, Parse returns a policy or one line
// that names the file; it never panics.
func FuzzParse(f *testing.F) {
	f.Add("[sev1]\nupdate_every = \"10m\"\nchecklist = [\"a\", \"b\"]\n")
	f.Add("sev1 = {checklist = [\"x\", 1]}\n[update]\ntemplate = '''{{.Title}}'''\n")
	f.Add("[followups]\nP1 = \"7d\"\n\"a\\nb\" = 1\n")
	f.Add("[[sev1]]\n[sev1.x]\n")
	f.Fuzz(func(t *testing.T, text string) {
		c, err := config.Parse("f.toml", []byte(text))
		if err != nil {
			if msg := err.Error(); !strings.HasPrefix(msg, "config f.toml") || strings.ContainsAny(msg, "\n\r\x1b") {
				t.Fatalf("error %q is not one line naming the file", msg)
			}
			return
		}
		for sev := incident.Severity(1); sev <= 5; sev++ {
			for _, item := range c.For(sev).Checklist {
				if err := incident.ValidateChecklistText(item); err != nil {
					t.Fatalf("accepted an invalid item %q: %v", item, err)
				}
			}
		}
	})
}

// TestWriteReadsBack: the printed policy is a file Parse reads back to the
// same policy, for the defaults and for a policy with awkward text.
func TestWriteReadsBack(t *testing.T) {
	custom, err := config.Parse("c.toml", []byte(`
[sev2]
update_every = "45m"
checklist = ["Say \"hi\" to the \\ backslash", "Ünïcödé ✓"]
[sev5]
update_every = "2h"
[update]
template = "{{.Title}} it's '''quoted''' \n"
[followups]
P1 = "3w"
P2 = "none"
unprioritized = "45d"
`))
	if err != nil {
		t.Fatal(err)
	}
	for name, c := range map[string]config.Config{"default": config.Default(), "custom": custom} {
		var buf strings.Builder
		if err := config.Write(&buf, c); err != nil {
			t.Fatal(err)
		}
		back, err := config.Parse("written.toml", []byte(buf.String()))
		if err != nil {
			t.Fatalf("%s: written policy does not read back: %v\n%s", name, err, buf.String())
		}
		for sev := incident.Severity(1); sev <= 5; sev++ {
			if a, b := c.For(sev), back.For(sev); a.UpdateEvery != b.UpdateEvery || strings.Join(a.Checklist, "|") != strings.Join(b.Checklist, "|") {
				t.Errorf("%s %s: wrote %+v, read back %+v", name, sev, a, b)
			}
		}
		wantSrc := c.UpdateTemplateSource
		if wantSrc == "" {
			wantSrc = update.DefaultTemplateSource()
		}
		if back.UpdateTemplateSource != wantSrc {
			t.Errorf("%s: template read back as %q, want %q", name, back.UpdateTemplateSource, wantSrc)
		}
		if back.FollowUps.Describe() != c.FollowUps.Describe() {
			t.Errorf("%s: follow-ups %s, want %s", name, back.FollowUps.Describe(), c.FollowUps.Describe())
		}
	}
}

// TestLoadUnreadableFileIsAnError: a file that is there but cannot be read
// is refused (a policy not applied must not pass silently); a directory on
// the way that cannot be searched hides no policy of this user's.
func TestLoadUnreadableFileIsAnError(t *testing.T) {
	if os.Getuid() == 0 {
		t.Skip("root reads any file: permissions are not enforced")
	}
	path := writeConfig(t, "[sev1]\nupdate_every = \"10m\"\n")
	if err := os.Chmod(path, 0o000); err != nil {
		t.Fatal(err)
	}
	if _, err := config.Load(path); err == nil || !strings.Contains(err.Error(), "cannot read it: permission denied") {
		t.Errorf("unreadable file: %v", err)
	}
	dir := filepath.Dir(path)
	if err := os.Chmod(path, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(dir, 0o000); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(dir, 0o700) })
	if c, err := config.Load(path); err != nil || c.File != "" {
		t.Errorf("a file behind an unsearchable directory: %+v, %v", c.File, err)
	}
}

// A file saved with a UTF-8 byte order mark (Notepad and some Windows
// editors write one) is read as the same file without it, and an error in
// it is placed where the user sees it.
func TestParseByteOrderMark(t *testing.T) {
	c, err := config.Parse("bom.toml", []byte("\xef\xbb\xbf[sev1]\nupdate_every = \"5m\"\n"))
	if err != nil || c.UpdateEvery(1) != 5*time.Minute {
		t.Fatalf("a file with a BOM: %v", err)
	}
	_, err = config.Parse("bom.toml", []byte("\xef\xbb\xbf[sev1]\nupdate_evry = \"5m\"\n"))
	if err == nil || !strings.Contains(err.Error(), "bom.toml:2:1: unknown key") {
		t.Errorf("an error after a BOM: %v", err)
	}
}
