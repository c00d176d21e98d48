package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestImportDryRunRefusesNoEntries: a dry run of input the import would
// refuse for having no entries fails the same way (exit 1, same message),
// whatever it prints.
func TestImportDryRunRefusesNoEntries(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "go.mod")
	if err := os.WriteFile(file, []byte("module example.com/x\n\ngo 1.22\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, _, want := runApp(t, "", "--db", filepath.Join(dir, "a.db"), "import", "--new", file)
	if !strings.Contains(want, "no timeline entries found in go.mod") {
		t.Fatalf("the import: %q", want)
	}
	for _, extra := range [][]string{{}, {"--json"}, {"--document"}} {
		args := append([]string{"--db", filepath.Join(dir, "b.db"), "import", "--new", file, "--dry-run"}, extra...)
		code, stdout, stderr := runApp(t, "", args...)
		if code != 1 || stdout != "" || stderr != want {
			t.Errorf("--dry-run %v: exit %d, stdout %q, stderr %q; want exit 1 and %q", extra, code, stdout, stderr, want)
		}
	}
	code, _, stderr := runApp(t, "[]\n", "import", "--new", "-", "--dry-run")
	if code != 1 || !strings.Contains(stderr, "no timeline entries found in stdin") {
		t.Errorf("an empty JSON list on stdin: exit %d, %q", code, stderr)
	}
}

// TestImportDryRunListsFollowups: the plain preview counts and lists the
// action items and retro notes a postmortem gives, one line each.
func TestImportDryRunListsFollowups(t *testing.T) {
	doc := filepath.Join(t.TempDir(), "pm.md")
	text := "# Queue backlog on the ledger service\n\n## Timeline\n\n" +
		"- 2025-02-03 09:10 UTC consumer lag alert\n- 2025-02-03 09:40 UTC extra consumers started\n\n" +
		"## Action items\n\n- [ ] Cap batch size in the ledger consumer (owner: @mira, P2, due 2025-03-01)\n- [x] Page on consumer lag sooner\n\n" +
		"## What went well\n\n- The lag alert fired within two minutes.\n"
	if err := os.WriteFile(doc, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runApp(t, "", "import", "--new", doc, "--dry-run")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	lines := strings.Split(stdout, "\n")
	if lines[len(lines)-1] != "" {
		t.Errorf("the preview does not end with a newline: %q", stdout)
	}
	if !strings.HasPrefix(lines[0], "Queue backlog on the ledger service — 2 events, 2 action items and 1 retro note (times in UTC)") {
		t.Errorf("header %q", lines[0])
	}
	for _, want := range []string{
		"\nAction items\n  open     Cap batch size in the ledger consumer  (P2, owner @mira, due 2025-03-01)\n  done     Page on consumer lag sooner\n",
		"\nRetro notes\n  went-well  The lag alert fired within two minutes.\n",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("the preview lacks %q:\n%s", want, stdout)
		}
	}
}
