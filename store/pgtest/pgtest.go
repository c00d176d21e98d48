// Package pgtest gives tests a real PostgreSQL: the server named by
// SCRIBE_TEST_POSTGRES (a URL of a user allowed to create databases; CI
// starts one), or else a throwaway cluster started from the machine's
// PostgreSQL binaries (initdb and postgres, found on PATH or under
// /usr/lib/postgresql/*/bin), stopped when the test binary ends (see
// Main). Without either, a test fails when CI is set and is skipped, saying
// how to get PostgreSQL, otherwise.
//
// It is for tests only. The one cluster a test binary starts is shared by
// its tests, so this package keeps it in a variable of its own, which the
// product's packages never do.
package pgtest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	// The PostgreSQL driver, registered as "postgres".
	_ "github.com/lib/pq"
)

// EnvURL names the server tests use when it is set.
const EnvURL = "SCRIBE_TEST_POSTGRES"

// Password is the password of the throwaway cluster's superuser: its TCP
// connections need one (scram-sha-256), so that tests can check that a
// wrong one is refused and that none leaks into a message.
const Password = "pgtest-s3cret-pw"

// cluster is the throwaway server of this test binary.
var cluster struct {
	once sync.Once
	url  string
	err  error
	stop func()
}

// Main runs the tests and then stops the throwaway cluster, if one was
// started; use it as TestMain's body: os.Exit(pgtest.Main(m)).
func Main(m *testing.M) int {
	code := m.Run()
	if cluster.stop != nil {
		cluster.stop()
	}
	return code
}

// Server returns the URL of a PostgreSQL server a test may create
// databases on, or ends the test (see the package comment).
func Server(t testing.TB) string {
	t.Helper()
	if u := os.Getenv(EnvURL); u != "" {
		return u
	}
	cluster.once.Do(func() { cluster.url, cluster.stop, cluster.err = start() })
	if cluster.err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("PostgreSQL for the team-mode tests: %v", cluster.err)
		}
		t.Skipf("PostgreSQL not available (%v): set %s=postgres://USER@HOST:PORT/postgres (a user allowed to create databases), or install PostgreSQL (apt-get install postgresql) so that the tests start their own", cluster.err, EnvURL)
	}
	return cluster.url
}

// Private starts a throwaway cluster for the test alone, stopped when it
// ends, and returns its URL (with Password): for test binaries whose
// TestMain does not call Main, such as the end-to-end tests.
func Private(t testing.TB) string {
	t.Helper()
	u, stop, err := start()
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("PostgreSQL for the team-mode tests: %v", err)
		}
		t.Skipf("PostgreSQL binaries not available (%v): install PostgreSQL (apt-get install postgresql) to run the team-mode tests", err)
	}
	t.Cleanup(stop)
	return u
}

// NewDatabase creates a fresh database on the server at base for the
// test, dropped when it ends, and returns its URL.
func NewDatabase(t testing.TB, base string) string {
	t.Helper()
	return createDatabase(t, base)
}

// LocalDatabase is Database on Local.
func LocalDatabase(t testing.TB) string {
	t.Helper()
	return createDatabase(t, Local(t))
}

// Local returns the URL of the throwaway cluster, started from the
// machine's binaries even when SCRIBE_TEST_POSTGRES is set: its TCP
// connections need a password (Password), which tests of password handling
// need and a CI server that trusts every connection cannot give.
func Local(t testing.TB) string {
	t.Helper()
	cluster.once.Do(func() { cluster.url, cluster.stop, cluster.err = start() })
	if cluster.err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("PostgreSQL for the team-mode tests: %v", cluster.err)
		}
		t.Skipf("PostgreSQL binaries not available (%v): install PostgreSQL (apt-get install postgresql) so that the tests start their own", cluster.err)
	}
	return cluster.url
}

// Database creates a fresh database on Server for the test, dropped when
// it ends, and returns its URL.
func Database(t testing.TB) string {
	t.Helper()
	return createDatabase(t, Server(t))
}

func createDatabase(t testing.TB, base string) string {
	t.Helper()
	admin, err := sql.Open("postgres", base)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	var b [6]byte
	if _, err := rand.Read(b[:]); err != nil {
		t.Fatal(err)
	}
	name := "scribe_test_" + hex.EncodeToString(b[:])
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if _, err := admin.ExecContext(ctx, "CREATE DATABASE "+name); err != nil {
		t.Fatalf("create test database: %v", err)
	}
	t.Cleanup(func() {
		admin, err := sql.Open("postgres", base)
		if err != nil {
			t.Errorf("drop test database %s: %v", name, err)
			return
		}
		defer admin.Close()
		if _, err := admin.Exec("DROP DATABASE " + name + " WITH (FORCE)"); err != nil {
			t.Errorf("drop test database %s: %v", name, err)
		}
	})
	return WithDatabase(base, name)
}

// WithDatabase is u with its database replaced by name.
func WithDatabase(u, name string) string {
	p, err := url.Parse(u)
	if err != nil {
		return u
	}
	p.Path = "/" + name
	return p.String()
}

// start runs initdb and postgres in a new temporary directory, on a free
// loopback port. As root, they run as the postgres user, since initdb
// refuses to run as root.
func start() (string, func(), error) {
	bin, err := binDir()
	if err != nil {
		return "", nil, err
	}
	dir, err := os.MkdirTemp("", "scribe-pgtest-")
	if err != nil {
		return "", nil, err
	}
	cleanup := func() { os.RemoveAll(dir) }
	cred, err := runAs(dir)
	if err != nil {
		cleanup()
		return "", nil, err
	}
	pwfile := filepath.Join(dir, "pw")
	if err := os.WriteFile(pwfile, []byte(Password+"\n"), 0o600); err != nil {
		cleanup()
		return "", nil, err
	}
	if cred != nil {
		if err := os.Chown(pwfile, int(cred.Uid), int(cred.Gid)); err != nil {
			cleanup()
			return "", nil, err
		}
	}
	data := filepath.Join(dir, "data")
	if out, err := run(cred, filepath.Join(bin, "initdb"), "-D", data, "-U", "postgres", "--pwfile", pwfile,
		"--auth-local=trust", "--auth-host=scram-sha-256", "--no-sync", "-E", "UTF8"); err != nil {
		cleanup()
		return "", nil, fmt.Errorf("initdb: %v: %s", err, out)
	}
	port, err := freePort()
	if err != nil {
		cleanup()
		return "", nil, err
	}
	ctl := filepath.Join(bin, "pg_ctl")
	if out, err := run(cred, ctl, "-D", data, "-l", filepath.Join(dir, "log"), "-w", "-t", "60", "-o",
		fmt.Sprintf("-p %d -k %s -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200", port, dir), "start"); err != nil {
		log, _ := os.ReadFile(filepath.Join(dir, "log"))
		cleanup()
		return "", nil, fmt.Errorf("pg_ctl start: %v: %s %s", err, out, log)
	}
	stop := func() {
		run(cred, ctl, "-D", data, "-m", "immediate", "stop")
		cleanup()
	}
	u := fmt.Sprintf("postgres://postgres:%s@127.0.0.1:%d/postgres?sslmode=disable", Password, port)
	return u, stop, nil
}

// binDir finds PostgreSQL's server binaries.
func binDir() (string, error) {
	if p, err := exec.LookPath("initdb"); err == nil {
		if _, err := exec.LookPath("pg_ctl"); err == nil {
			return filepath.Dir(p), nil
		}
	}
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	sort.Slice(dirs, func(i, j int) bool { return version(dirs[i]) > version(dirs[j]) })
	for _, d := range dirs {
		if _, err := os.Stat(filepath.Join(d, "initdb")); err == nil {
			return d, nil
		}
	}
	return "", errors.New("initdb not found on PATH or under /usr/lib/postgresql/*/bin")
}

func version(dir string) int {
	n, _ := strconv.Atoi(filepath.Base(filepath.Dir(dir)))
	return n
}

// runAs is who runs the cluster: nil for the current user, or, as root,
// the postgres user, who is given dir.
func runAs(dir string) (*syscall.Credential, error) {
	if os.Geteuid() != 0 {
		return nil, nil
	}
	u, err := user.Lookup("postgres")
	if err != nil {
		return nil, fmt.Errorf("running as root, and no postgres user to run PostgreSQL as: %v", err)
	}
	uid, _ := strconv.Atoi(u.Uid)
	gid, _ := strconv.Atoi(u.Gid)
	if err := os.Chown(dir, uid, gid); err != nil {
		return nil, err
	}
	return &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}, nil
}

func run(cred *syscall.Credential, name string, args ...string) (string, error) {
	cmd := exec.Command(name, args...)
	cmd.Dir = "/"
	cmd.Env = append(os.Environ(), "LC_ALL=C")
	if cred != nil {
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: cred}
	}
	out, err := cmd.CombinedOutput()
	return strings.TrimSpace(string(out)), err
}

// freePort is a loopback port nothing listens on right now.
func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}
