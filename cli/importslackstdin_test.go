package cli

import (
	"archive/zip"
	"bytes"
	"strings"
	"testing"
)

// slackExportFiles is a small workspace export written for this test.
var slackExportFiles = map[string]string{
	"users.json":    `[{"id": "U1NOOR", "name": "noor", "real_name": "Noor Haidari", "profile": {"real_name": "Noor Haidari"}}]`,
	"channels.json": `[{"id": "C1", "name": "inc-search", "topic": {"value": "Search results empty for some tenants"}, "purpose": {"value": ""}}]`,
	"inc-search/2024-07-02.json": `[
 {"type": "message", "user": "U1NOOR", "text": "Empty search pages reported by two tenants", "ts": "1719914400.000100"},
 {"type": "message", "user": "U1NOOR", "text": "Reindex job found stuck, restarting it", "ts": "1719915000.000200"}
]`,
}

func slackZipBytes(t *testing.T) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for name, text := range slackExportFiles {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(text)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestImportSlackOnStdin: a Slack export's zip, or one day's file, piped
// on stdin is read as Slack, as the same file named on the command line
// is, not refused as binary or read as text with no entries.
func TestImportSlackOnStdin(t *testing.T) {
	code, stdout, stderr := runApp(t, string(slackZipBytes(t)), "import", "--new", "-", "--dry-run")
	if code != 0 || !strings.HasPrefix(stdout, "Search results empty for some tenants — 2 events") ||
		!strings.Contains(stdout, "Reindex job found stuck, restarting it  — Noor Haidari") {
		t.Errorf("zip on stdin: exit %d\n%s\n%s", code, stdout, stderr)
	}
	code, stdout, stderr = runApp(t, slackExportFiles["inc-search/2024-07-02.json"], "import", "--new", "-", "--dry-run")
	if code != 0 || !strings.HasPrefix(stdout, "Imported timeline (stdin) — 2 events") ||
		!strings.Contains(stdout, "Empty search pages reported by two tenants  — U1NOOR") || !strings.Contains(stderr, "shown by Slack id (U1NOOR)") {
		t.Errorf("day file on stdin: exit %d\n%s\n%s", code, stdout, stderr)
	}
	code, _, stderr = runApp(t, "PK\x03\x04not really a zip", "import", "--new", "-", "--dry-run")
	if code != 1 || !strings.Contains(stderr, "stdin is not a zip archive Slack writes") {
		t.Errorf("a broken zip on stdin: exit %d, %q", code, stderr)
	}
	code, _, stderr = runApp(t, "- 2024-07-02 10:00 UTC text\n", "import", "--new", "-", "--dry-run", "--channel", "inc-search")
	if code != 2 || !strings.Contains(stderr, "stdin is not one") {
		t.Errorf("--channel with text on stdin: exit %d, %q", code, stderr)
	}
}
