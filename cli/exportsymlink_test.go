package cli

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// export -o through a symlink writes the file the link names and leaves the
// link alone. Renaming over the link instead once turned /dev/stdout (a
// link to /proc/self/fd/1) into a regular file for every program on the
// machine when standard output was a file.
func TestExportThroughASymlinkKeepsTheLink(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "scribe.db")
	if code, _, stderr := runApp(t, "", "--db", db, "new", "Links", "--tz", "UTC", "--at", "2026-11-20 10:00"); code != 0 {
		t.Fatalf("new: %s", stderr)
	}
	real := filepath.Join(dir, "docs", "pm.md")
	if err := os.MkdirAll(filepath.Dir(real), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(real, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	stdout := filepath.Join(dir, "stdout.txt")
	f, err := os.Create(stdout)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	links := map[string]string{
		filepath.Join(dir, "link.md"):     real,                                         // absolute
		filepath.Join(dir, "rel.md"):      filepath.Join("docs", "pm.md"),               // relative
		filepath.Join(dir, "chain.md"):    filepath.Join(dir, "link.md"),                // a link to a link
		filepath.Join(dir, "dangling.md"): filepath.Join(dir, "docs", "new.md"),         // nothing there yet
		filepath.Join(dir, "fd.md"):       "/proc/self/fd/" + strconv.Itoa(int(f.Fd())), // like /dev/stdout
	}
	for link, target := range links {
		if err := os.Symlink(target, link); err != nil {
			t.Fatal(err)
		}
	}
	for link, target := range links {
		code, _, stderr := runApp(t, "", "--db", db, "export", "1", "-o", link)
		if code != 0 {
			t.Errorf("export -o %s: exit %d: %s", link, code, stderr)
			continue
		}
		fi, err := os.Lstat(link)
		if err != nil || fi.Mode()&os.ModeSymlink == 0 {
			t.Errorf("-o %s: the link was replaced (%v, %v)", link, fi.Mode(), err)
			continue
		}
		if got, _ := os.Readlink(link); got != target {
			t.Errorf("-o %s: the link now names %s, want %s", link, got, target)
		}
		if strings.HasPrefix(target, "/proc/") {
			continue // the fd still holds the file that was replaced: checked below by name
		}
		data, err := os.ReadFile(link)
		if err != nil || !strings.Contains(string(data), "Links") {
			t.Errorf("-o %s: through the link: %q, %v", link, data, err)
		}
	}
	if data, _ := os.ReadFile(stdout); !strings.Contains(string(data), "Links") {
		t.Errorf("the file behind /proc/self/fd: %q", data)
	}
}
