package store

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"scribe/incident"
)

const (
	readerDBEnv  = "SCRIBE_STORE_READER_DB"
	readerRun    = "^TestHelperProcessReads$"
	nobodyID     = 65534
	readerBinary = "store.test"
)

// TestHelperProcessReads is the body of the reader process started by
// TestOpenReadOnly; run directly it has nothing to do. It prints what it
// read, or the error, as one line.
func TestHelperProcessReads(t *testing.T) {
	path := os.Getenv(readerDBEnv)
	if path == "" {
		return
	}
	ctx := context.Background()
	s, err := OpenReadOnly(ctx, path)
	if err != nil {
		fmt.Printf("open: %s: %v\n", incident.ErrorCode(err), err)
		return
	}
	defer s.Close()
	list, err := s.Incidents(ctx)
	if err != nil {
		fmt.Printf("list: %v\n", err)
		return
	}
	snap, err := s.Snapshot(ctx, list[0].ID)
	if err != nil {
		fmt.Printf("snapshot: %v\n", err)
		return
	}
	e := incident.Event{IncidentID: list[0].ID, Kind: incident.KindNote, Text: "x"}
	werr := s.LogEvent(ctx, &e)
	fmt.Printf("read %d incidents, %d events; write: %s: %v\n", len(list), len(snap.Events), incident.ErrorCode(werr), werr)
}

// readAs runs the reader process on path as a user who cannot write
// there: nobody when the test runs as root (for whom permissions do not
// apply), else the test's own user. The test binary is copied where that
// user may run it.
func readAs(t *testing.T, bin, path string) string {
	t.Helper()
	cmd := exec.Command(bin, "-test.run="+readerRun, "-test.count=1")
	cmd.Env = append(os.Environ(), readerDBEnv+"="+path)
	if os.Geteuid() == 0 {
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: nobodyID, Gid: nobodyID}}
		cmd.Env = append(cmd.Env, "HOME=/", "GOCACHE=off")
	}
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("reader: %v\n%s", err, out)
	}
	return strings.TrimSpace(strings.Split(string(out), "\nPASS")[0])
}

// readOnlyFixture makes a database with one incident of three events in
// a directory of its own, closed cleanly (no -wal left), and the test
// binary beside the directories, runnable by anyone.
func readOnlyFixture(t *testing.T) (bin, dir, path string) {
	t.Helper()
	root := t.TempDir()
	// t.TempDir's own directories are private to the test's user.
	for d := root; d != os.TempDir() && d != "/"; d = filepath.Dir(d) {
		if err := os.Chmod(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	bin = filepath.Join(root, readerBinary)
	copyFile(t, os.Args[0], bin, 0o755)
	dir = filepath.Join(root, "db")
	path = filepath.Join(dir, "scribe.db")
	s := openAt(t, path)
	inc := newIncident(t, s)
	for _, text := range []string{"paged the DB team", "replica lag at 40s"} {
		e := incident.Event{IncidentID: inc.ID, Kind: incident.KindNote, Text: text}
		if err := s.LogEvent(context.Background(), &e); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return bin, dir, path
}

func copyFile(t *testing.T, from, to string, mode os.FileMode) {
	t.Helper()
	in, err := os.Open(from)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, mode)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestOpenReadOnly(t *testing.T) {
	const ok = "read 1 incidents, 3 events; write: invalid: database "
	t.Run("read-only file", func(t *testing.T) {
		bin, dir, path := readOnlyFixture(t)
		if err := os.Chmod(path, 0o444); err != nil {
			t.Fatal(err)
		}
		if os.Geteuid() == 0 {
			// nobody may create the -shm in a directory it owns.
			if err := os.Chown(dir, nobodyID, nobodyID); err != nil {
				t.Fatal(err)
			}
		}
		if got := readAs(t, bin, path); !strings.HasPrefix(got, ok) {
			t.Fatalf("reader said %q, want %q…", got, ok)
		}
	})
	t.Run("read-only file and directory", func(t *testing.T) {
		bin, dir, path := readOnlyFixture(t)
		for p, mode := range map[string]os.FileMode{path: 0o444, dir: 0o555} {
			if err := os.Chmod(p, mode); err != nil {
				t.Fatal(err)
			}
		}
		got := readAs(t, bin, path)
		if !strings.HasPrefix(got, ok) {
			t.Fatalf("reader said %q, want %q…", got, ok)
		}
		if !strings.Contains(got, "read-only") {
			t.Fatalf("the refused write says %q, want it to say read-only", got)
		}
	})
	t.Run("commits left in the WAL of a read-only directory", func(t *testing.T) {
		bin, dir, path := readOnlyFixture(t)
		// A copy taken while a writer had the file open: its last commit
		// is in the -wal, and there is no -shm.
		s := openAt(t, path)
		e := incident.Event{IncidentID: 1, Kind: incident.KindNote, Text: "only in the WAL"}
		if err := s.LogEvent(context.Background(), &e); err != nil {
			t.Fatal(err)
		}
		copyDir := filepath.Join(filepath.Dir(dir), "copy")
		if err := os.Mkdir(copyDir, 0o755); err != nil {
			t.Fatal(err)
		}
		copyFile(t, path, filepath.Join(copyDir, "scribe.db"), 0o444)
		copyFile(t, path+"-wal", filepath.Join(copyDir, "scribe.db-wal"), 0o444)
		if err := os.Chmod(copyDir, 0o555); err != nil {
			t.Fatal(err)
		}
		got := readAs(t, bin, filepath.Join(copyDir, "scribe.db"))
		if !strings.Contains(got, "open: invalid") || !strings.Contains(got, "write-ahead log") {
			t.Fatalf("reader said %q, want a refusal naming the write-ahead log", got)
		}
	})
}

func TestOpenReadOnlyRefusals(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	_, err := OpenReadOnly(ctx, filepath.Join(dir, "missing.db"))
	wantCode(t, err, incident.ENOTFOUND)
	if _, err := os.Stat(filepath.Join(dir, "missing.db")); !os.IsNotExist(err) {
		t.Fatalf("OpenReadOnly created the missing file: %v", err)
	}
	empty := filepath.Join(dir, "empty.db")
	if err := os.WriteFile(empty, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	_, err = OpenReadOnly(ctx, empty)
	wantCode(t, err, incident.ENOTFOUND)
	notes := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(notes, []byte(strings.Repeat("not a database\n", 20)), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err = OpenReadOnly(ctx, notes)
	wantCode(t, err, incident.EINVALID)
	_, err = OpenReadOnly(ctx, dir)
	wantCode(t, err, incident.EINVALID)

	// An older scribe's file needs the migrations a write would apply.
	old := filepath.Join(dir, "old.db")
	s := openAt(t, old)
	if _, err := s.db.ExecContext(ctx, "PRAGMA user_version = 2"); err != nil {
		t.Fatal(err)
	}
	_, err = OpenReadOnly(ctx, old)
	if incident.ErrorCode(err) != incident.EINVALID || !strings.Contains(err.Error(), "older scribe") {
		t.Fatalf("older schema: %v", err)
	}
}

func TestDanglingSymlinkDatabaseIsPrivate(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "data", "real.db")
	link := filepath.Join(dir, "scribe.db")
	if err := os.Symlink(filepath.Join("data", "real.db"), link); err != nil {
		t.Fatal(err)
	}
	openAt(t, link)
	fi, err := os.Stat(target)
	if err != nil {
		t.Fatalf("the database was not created where the link points: %v", err)
	}
	if perm := fi.Mode().Perm(); perm != 0o600 {
		t.Fatalf("database created through a dangling link has mode %o, want 600", perm)
	}
	lfi, err := os.Lstat(link)
	if err != nil || lfi.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the link itself was replaced: %v %v", lfi, err)
	}
	// And a loop of links is an error, not a hang.
	loop := filepath.Join(dir, "loop.db")
	if err := os.Symlink(loop, loop); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() {
		_, err := Open(context.Background(), loop)
		done <- err
	}()
	select {
	case err := <-done:
		if err == nil {
			t.Fatal("Open on a symbolic link loop succeeded")
		}
	case <-time.After(time.Minute):
		t.Fatal("Open on a symbolic link loop hangs")
	}
}
