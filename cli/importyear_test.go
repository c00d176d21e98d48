package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestImportYearZeroRefused: --year 0 is refused as --year 999 is, not
// taken for "no --year" and ignored.
func TestImportYearZeroRefused(t *testing.T) {
	notes := filepath.Join(t.TempDir(), "notes.md")
	if err := os.WriteFile(notes, []byte("- Mar 3 14:02 UTC paged\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, y := range []string{"0", "999", "-5", "12345"} {
		code, stdout, stderr := runApp(t, "", "import", "--new", notes, "--dry-run", "--year", y)
		if code != 2 || stdout != "" || !strings.Contains(stderr, "invalid --year "+y) {
			t.Errorf("--year %s: exit %d, stdout %q, stderr %q; want exit 2", y, code, stdout, stderr)
		}
	}
	code, stdout, stderr := runApp(t, "", "import", "--new", notes, "--dry-run", "--year", "2019")
	if code != 0 || !strings.Contains(stdout, "2019-03-03 14:02") {
		t.Errorf("--year 2019: exit %d, %q, %q", code, stdout, stderr)
	}
}
