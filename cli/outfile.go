package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"golang.org/x/sys/unix"

	"scribe/store"
)

// `export -o FILE` writes FILE atomically: a temporary file beside it,
// synced, renamed into place. A FIFO or a device is written in place
// (renaming over /dev/null would replace the device for everyone), with
// the open and the writes honouring Ctrl+C and SIGTERM: a FIFO nobody reads
// blocks forever otherwise. Nothing is ever written over the open database
// or its -wal, -shm or -journal file, whatever name leads there.

// localDatabase is the SQLite file an output must never overwrite: the
// database, or in team mode the outbox that holds what the team database
// has not had yet.
func (a *App) localDatabase() (string, error) {
	db, err := a.DBPath()
	if err != nil || !store.IsPostgres(db) {
		return db, err
	}
	return a.outboxPath()
}

// refuseDatabase refuses an output path that is the database or one of
// its companion files. By identity (device and inode, through symlinks and
// hard links) for the files that exist, and by resolved name for those that
// may not exist yet: a -journal or a super-journal (-mjXXXX) comes and goes
// with each transaction, and a file written there now is deleted (or, worse,
// played back into the database) by the next open. SQLite names them after
// the database's real path (symlinks followed), so both that name and the
// one given are guarded.
func refuseDatabase(out, db string) error {
	if store.IsPostgres(db) {
		return nil // no local file: a team database guards its own
	}
	refuse := func(what string) error {
		return usageError{fmt.Errorf("-o %s is %s: writing the export there would destroy the database; give another file name", out, what)}
	}
	if target, err := os.Stat(out); err == nil {
		for _, suffix := range sqliteSidecars() {
			fi, err := os.Stat(db + suffix)
			if err == nil && os.SameFile(target, fi) {
				return refuse(sidecarName(db, suffix))
			}
		}
	}
	name, ok := resolvedName(out)
	if !ok {
		return nil // its directory cannot be reached: the write fails anyway
	}
	for _, base := range databaseNames(db) {
		for _, suffix := range sqliteSidecars() {
			if name == base+suffix {
				return refuse(sidecarName(db, suffix))
			}
		}
		if strings.HasPrefix(name, base+"-mj") {
			return refuse("the database's super-journal " + name)
		}
	}
	return nil
}

// sqliteSidecars are the suffixes of the files SQLite keeps beside a
// database ("" is the database itself).
func sqliteSidecars() []string { return []string{"", "-wal", "-shm", "-journal"} }

func sidecarName(db, suffix string) string {
	if suffix == "" {
		return "the database " + db + " itself"
	}
	return "the database's " + suffix + " file " + db + suffix
}

// databaseNames is the database's path as given and as SQLite resolves it,
// both absolute with their directories' symlinks followed.
func databaseNames(db string) []string {
	var names []string
	if dir, err := filepath.EvalSymlinks(filepath.Dir(db)); err == nil {
		if abs, err := filepath.Abs(filepath.Join(dir, filepath.Base(db))); err == nil {
			names = append(names, abs)
		}
	}
	if real, ok := resolvedName(db); ok {
		names = append(names, real)
	}
	return names
}

// maxSymlinks bounds the symlinks resolvedName follows (a loop ends there).
const maxSymlinks = 40

// resolvedName is the absolute name the kernel would reach for path: the
// directory's symlinks followed, and the last element's too, even when it
// dangles (a symlink to a -journal that does not exist yet leads there).
// ok is false when the directory cannot be resolved.
func resolvedName(path string) (name string, ok bool) {
	for range maxSymlinks {
		dir, base := filepath.Split(path)
		if dir == "" {
			dir = "."
		}
		real, err := filepath.EvalSymlinks(dir)
		if err != nil {
			return "", false
		}
		if real, err = filepath.Abs(real); err != nil {
			return "", false
		}
		full := filepath.Join(real, base)
		target, err := os.Readlink(full)
		if err != nil {
			return full, true // not a symlink, or nothing there yet
		}
		if !filepath.IsAbs(target) {
			target = filepath.Join(real, target)
		}
		path = target
	}
	return "", false
}

// tempPattern names the temporary files of an atomic write to path:
// ".NAME.PID-RANDOM.tmp", so that a later run can tell one left by a dead
// process (kill -9, power loss) from one being written right now.
func tempPrefix(path string) string { return "." + filepath.Base(path) + "." }

// writeFileAtomic replaces path with data through a temporary file in the
// same directory, synced and renamed, so that a crash or a full disk leaves
// either the old file or the new one, never half of one. An existing
// file's permissions are kept; a new file gets 0644. Temporary files an
// earlier run left behind for path (its process is gone) are removed first.
func writeFileAtomic(ctx context.Context, path string, data []byte) error {
	mode := os.FileMode(0o644)
	fi, err := os.Stat(path)
	if err == nil {
		if fi.IsDir() {
			return fmt.Errorf("-o %s is a directory: give a file name such as %s", path, filepath.Join(path, "postmortem.md"))
		}
		if !fi.Mode().IsRegular() {
			return writeInPlace(ctx, path, data)
		}
		mode = fi.Mode().Perm()
	}
	real, err := linkTarget(path, fi)
	if err != nil {
		return err
	}
	return replaceFile(ctx, real, data, mode)
}

// linkTarget is the file a write to path must replace: path itself, or,
// when path is a symlink (or a chain of them, or dangles), the file it
// leads to, so that the link stays a link. Renaming over the link instead
// would cut it: -o /dev/stdout with standard output in a file once made
// /dev/stdout a regular file for every program on the machine. existing is
// what path leads to now (nil when nothing): a link whose target cannot be
// named (a deleted file behind /proc/self/fd) is refused.
func linkTarget(path string, existing os.FileInfo) (string, error) {
	if fi, err := os.Lstat(path); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		return path, nil
	}
	real, ok := resolvedName(path)
	if ok && existing != nil {
		if fi, err := os.Stat(real); err != nil || !os.SameFile(fi, existing) {
			ok = false
		}
	}
	if !ok {
		return "", fmt.Errorf("-o %s is a symlink whose target scribe cannot name: give the file itself", path)
	}
	return real, nil
}

// replaceFile writes data to a temporary file beside path and renames it
// over path.
func replaceFile(ctx context.Context, path string, data []byte, mode os.FileMode) error {
	dir := filepath.Dir(path)
	removeStaleTemps(dir, path)
	f, err := os.CreateTemp(dir, tempPrefix(path)+strconv.Itoa(os.Getpid())+"-*.tmp")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	tmp := f.Name()
	defer func() {
		if tmp != "" {
			os.Remove(tmp)
		}
	}()
	if err := writeAndSync(f, data); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Chmod(tmp, mode); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	tmp = ""
	if d, err := os.Open(dir); err == nil {
		// Best effort: the rename is durable once the directory is synced.
		_ = d.Sync()
		d.Close()
	}
	return nil
}

// removeStaleTemps removes the temporary files of earlier writes to path
// whose process no longer runs. Only regular files named exactly as
// writeFileAtomic names them, owned by this user, are considered; one whose
// process is alive (another export of the same file, right now) is left.
func removeStaleTemps(dir, path string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	prefix := tempPrefix(path)
	for _, e := range entries {
		name := e.Name()
		rest, ok := strings.CutPrefix(name, prefix)
		if !ok || !strings.HasSuffix(rest, ".tmp") || !e.Type().IsRegular() {
			continue
		}
		pidText, _, ok := strings.Cut(rest, "-")
		pid, err := strconv.Atoi(pidText)
		if !ok || err != nil || pid <= 0 || processAlive(pid) {
			continue
		}
		full := filepath.Join(dir, name)
		if fi, err := os.Lstat(full); err == nil && fi.Mode().IsRegular() && ownedByMe(fi) {
			os.Remove(full)
		}
	}
}

// processAlive reports whether a process with this pid exists (it may not
// be ours to signal: EPERM still means alive).
func processAlive(pid int) bool {
	err := unix.Kill(pid, 0)
	return err == nil || errors.Is(err, unix.EPERM)
}

func ownedByMe(fi os.FileInfo) bool {
	st, ok := fi.Sys().(*syscall.Stat_t)
	return ok && int(st.Uid) == os.Getuid()
}

// fifoRetry is how often opening a FIFO without a reader is tried again.
const fifoRetry = 50 * time.Millisecond

// writeInPlace writes data to an existing FIFO, device or socket. The open
// is non-blocking and retried until a reader comes or ctx ends; the writes
// go through Go's poller, so ctx ending stops them too.
func writeInPlace(ctx context.Context, path string, data []byte) error {
	var f *os.File
	for {
		var err error
		f, err = os.OpenFile(path, os.O_WRONLY|unix.O_NONBLOCK, 0)
		if err == nil {
			break
		}
		if !errors.Is(err, unix.ENXIO) {
			return fmt.Errorf("write %s: %w", path, err)
		}
		// A FIFO without a reader: wait for one.
		select {
		case <-ctx.Done():
			return fmt.Errorf("write %s: no reader came: %w", path, ctx.Err())
		case <-time.After(fifoRetry):
		}
	}
	defer f.Close()
	stop := context.AfterFunc(ctx, func() { f.SetWriteDeadline(time.Now()) })
	defer stop()
	if _, err := io.Copy(f, bytes.NewReader(data)); err != nil {
		if ctx.Err() != nil {
			err = ctx.Err()
		}
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := f.Close(); err != nil && !errors.Is(err, os.ErrClosed) {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

func writeAndSync(f *os.File, data []byte) error {
	_, err := io.Copy(f, bytes.NewReader(data))
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
