package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"scribe/incident"
	"scribe/store/pgtest"
)

const (
	pgWriterURLEnv      = "SCRIBE_STORE_PG_WRITER_URL"
	pgWriterIncidentEnv = "SCRIBE_STORE_PG_WRITER_INCIDENT"
	pgWriterNameEnv     = "SCRIBE_STORE_PG_WRITER_NAME"
	pgWriters           = 8
	pgWritesEach        = 25
)

func TestOpenRefusesURLsOfOtherSchemes(t *testing.T) {
	t.Chdir(t.TempDir())
	for _, dsn := range []string{"mysql://root:hunter2@db.example.com/scribe", "http://example.com/scribe.db",
		"sqlite://./scribe.db", "Postgress://u:hunter2@h/db", "file://x",
		// A PostgreSQL URL with a slash or two missing became a local
		// file ("postgres:team") or directory ("postgresql:").
		"postgres:team", "postgresql:/var/db/team", "POSTGRES:u:hunter2@h/db", "postgres:"} {
		_, err := Open(context.Background(), dsn)
		if incident.ErrorCode(err) != incident.EINVALID {
			t.Fatalf("Open(%q) = %v, want EINVALID", dsn, err)
		}
		if strings.Contains(err.Error(), "hunter2") {
			t.Fatalf("Open(%q) shows the password: %v", dsn, err)
		}
		if !strings.Contains(err.Error(), "postgres://") {
			t.Fatalf("Open(%q) = %v: want it to say what is accepted", dsn, err)
		}
	}
	entries, err := os.ReadDir(".")
	if err != nil || len(entries) != 0 {
		t.Fatalf("refused URLs left %v behind (%v)", entries, err)
	}
}

// The first users of a new team database open it at once: the migrations
// run once, under the advisory lock, and everyone gets a working store.
func TestPostgresConcurrentFirstOpens(t *testing.T) {
	dsn := pgtest.Database(t)
	var wg sync.WaitGroup
	errs := make(chan error, pgWriters)
	stores := make(chan *Store, pgWriters)
	for range pgWriters {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s, err := Open(context.Background(), dsn)
			if err != nil {
				errs <- err
				return
			}
			stores <- s
		}()
	}
	wg.Wait()
	close(errs)
	close(stores)
	for err := range errs {
		t.Errorf("concurrent first Open: %v", err)
	}
	var first *Store
	for s := range stores {
		if first == nil {
			first = s
			continue
		}
		s.Close()
	}
	if first == nil {
		t.Fatal("no store opened")
	}
	defer first.Close()
	ms, err := pgMigrations()
	if err != nil {
		t.Fatal(err)
	}
	var n int
	if err := first.db.QueryRow(`SELECT count(*) FROM scribe.schema_migrations`).Scan(&n); err != nil || n != len(ms) {
		t.Fatalf("schema_migrations has %d rows (%v), want %d", n, err, len(ms))
	}
	inc := incident.Incident{Title: "Works", Timezone: "UTC"}
	if err := first.CreateIncident(context.Background(), &inc, Origin{}); err != nil {
		t.Fatal(err)
	}
}

// Eight processes log 25 lines each into one incident at once: every line
// arrives, none twice, and no process sees an error.
func TestPostgresConcurrentProcesses(t *testing.T) {
	dsn := pgtest.Database(t)
	s := openAt(t, dsn)
	inc := newIncident(t, s)
	var cmds []*exec.Cmd
	outs := make([]string, pgWriters)
	for w := range pgWriters {
		cmd := exec.Command(os.Args[0], "-test.run=^TestHelperProcessPostgresWriter$", "-test.count=1")
		cmd.Env = append(os.Environ(), pgWriterURLEnv+"="+dsn, pgWriterIncidentEnv+"="+strconv.FormatInt(inc.ID, 10),
			pgWriterNameEnv+"=writer-"+strconv.Itoa(w))
		outs[w] = filepath.Join(t.TempDir(), "out")
		f, err := os.Create(outs[w])
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		cmd.Stdout, cmd.Stderr = f, f
		cmds = append(cmds, cmd)
	}
	for _, cmd := range cmds {
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
	}
	for w, cmd := range cmds {
		if err := cmd.Wait(); err != nil {
			out, _ := os.ReadFile(outs[w])
			t.Errorf("writer %d: %v\n%s", w, err, out)
		}
	}
	evs, err := s.Events(context.Background(), inc.ID)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, e := range evs {
		if e.Kind == incident.KindNote {
			if seen[e.Text] {
				t.Errorf("line %q arrived twice", e.Text)
			}
			seen[e.Text] = true
		}
	}
	if len(seen) != pgWriters*pgWritesEach {
		t.Fatalf("%d/%d lines arrived", len(seen), pgWriters*pgWritesEach)
	}
	got, _ := s.Incident(context.Background(), inc.ID)
	if got.Seq != inc.Seq+pgWriters*pgWritesEach {
		t.Fatalf("seq = %d, want %d: every write bumps it once", got.Seq, inc.Seq+pgWriters*pgWritesEach)
	}
}

// TestHelperProcessPostgresWriter is the body of one writer process of
// TestPostgresConcurrentProcesses; run directly it has nothing to do.
func TestHelperProcessPostgresWriter(t *testing.T) {
	dsn := os.Getenv(pgWriterURLEnv)
	if dsn == "" {
		return
	}
	id, err := strconv.ParseInt(os.Getenv(pgWriterIncidentEnv), 10, 64)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	s, err := Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	name := os.Getenv(pgWriterNameEnv)
	for i := range pgWritesEach {
		e := incident.Event{IncidentID: id, Kind: incident.KindNote, Text: fmt.Sprintf("%s line %d", name, i), Author: name}
		if err := s.LogEvent(ctx, &e); err != nil {
			t.Fatal(err)
		}
	}
}

func TestPostgresRefusesNewerSchema(t *testing.T) {
	dsn := pgtest.Database(t)
	s := openAt(t, dsn)
	if _, err := s.db.Exec(`INSERT INTO scribe.schema_migrations (name, created_at) VALUES ('9999_future.sql', 'x')`); err != nil {
		t.Fatal(err)
	}
	_, err := Open(context.Background(), dsn)
	if err == nil || !strings.Contains(err.Error(), "newer scribe") {
		t.Fatalf("Open of a newer schema = %v", err)
	}
}

// withPassword is u with its password replaced.
func withPassword(t *testing.T, u, pw string) string {
	t.Helper()
	p, err := url.Parse(u)
	if err != nil {
		t.Fatal(err)
	}
	if pw == "" {
		p.User = url.User(p.User.Username())
	} else {
		p.User = url.UserPassword(p.User.Username(), pw)
	}
	return p.String()
}

// withHost is u pointing at another host and port.
func withHost(t *testing.T, u, host string) string {
	t.Helper()
	p, err := url.Parse(u)
	if err != nil {
		t.Fatal(err)
	}
	p.Host = host
	return p.String()
}

// silentServer accepts connections and never answers, as a server behind
// a dead VPN would.
func silentServer(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	go func() {
		var held []net.Conn
		defer func() {
			for _, c := range held {
				c.Close()
			}
		}()
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			held = append(held, c)
		}
	}()
	return l.Addr().String()
}

// otherServer is a loopback server that speaks another protocol: it
// greets as SSH does, as a wrong port in the URL would.
func otherServer(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			go func() {
				defer c.Close()
				c.Write([]byte("SSH-2.0-OpenSSH_9.2p1 Debian-2\r\n"))
				io.Copy(io.Discard, c) // held open until the client goes
			}()
		}
	}()
	return l.Addr().String()
}

// closedPort is a loopback address nothing listens on.
func closedPort(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	return addr
}

// A password given in the URL or in PGPASSWORD never shows in an error;
// each error is one line naming the database and what failed, and says
// whether the database could be reached.
func TestPostgresErrorsNeverShowThePassword(t *testing.T) {
	const secret = "Sup3r-s3cret-pw"
	base := pgtest.LocalDatabase(t)
	cases := []struct {
		name, dsn, pgpassword string
		says                  string
		unreachable           bool
	}{
		{"wrong password in the URL", withPassword(t, base, secret), "", "password authentication failed", false},
		{"wrong password in PGPASSWORD", withPassword(t, base, ""), secret, "password authentication failed", false},
		{"missing database", pgtest.WithDatabase(withPassword(t, base, pgtest.Password), "no_such_db"), "", "does not exist", false},
		{"refused", withHost(t, withPassword(t, base, secret), closedPort(t)), "", "connection refused", true},
		{"no answer", withHost(t, withPassword(t, base, secret), silentServer(t)), secret, "no answer in time", true},
		{"unknown host", withHost(t, withPassword(t, base, secret), "db.invalid:5432"), "", "not found", true},
		// sslmode=prefer tries TLS, then plain text: two failures, one line.
		{"not PostgreSQL", withHost(t, withPassword(t, base, secret), otherServer(t)) + "&sslmode=prefer", "", "not a PostgreSQL server", true},
		{"no password given", withPassword(t, base, ""), "", "no password was given", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Setenv("PGPASSWORD", c.pgpassword)
			t.Setenv("PGPASSFILE", filepath.Join(t.TempDir(), "none"))
			_, err := Open(context.Background(), c.dsn)
			if err == nil {
				t.Fatal("Open succeeded")
			}
			msg := err.Error()
			if strings.Contains(msg, secret) || strings.Contains(msg, url.QueryEscape(secret)) {
				t.Fatalf("the error shows the password: %s", msg)
			}
			if strings.Contains(msg, "\n") {
				t.Fatalf("the error is not one line: %q", msg)
			}
			if !strings.Contains(msg, c.says) || !strings.Contains(msg, "team database ") {
				t.Fatalf("error %q: want it to name the database and say %q", msg, c.says)
			}
			if Unreachable(err) != c.unreachable {
				t.Fatalf("Unreachable(%q) = %v, want %v", msg, Unreachable(err), c.unreachable)
			}
		})
	}
}

// libpq's conventions: the password from PGPASSWORD or a password file
// when the URL has none, sslmode from PGSSLMODE or the URL.
func TestPostgresLibpqConventions(t *testing.T) {
	base := pgtest.LocalDatabase(t)
	bare := withPassword(t, base, "")
	p, _ := url.Parse(base)
	open := func(t *testing.T, dsn string) error {
		t.Helper()
		s, err := Open(context.Background(), dsn)
		if err == nil {
			s.Close()
		}
		return err
	}
	t.Run("no password anywhere is refused", func(t *testing.T) {
		t.Setenv("PGPASSWORD", "")
		t.Setenv("PGPASSFILE", filepath.Join(t.TempDir(), "none"))
		if err := open(t, bare); err == nil {
			t.Fatal("connected without a password: the test server does not check them")
		}
	})
	t.Run("PGPASSWORD", func(t *testing.T) {
		t.Setenv("PGPASSWORD", pgtest.Password)
		if err := open(t, bare); err != nil {
			t.Fatal(err)
		}
	})
	for _, how := range []string{"PGPASSFILE", "~/.pgpass"} {
		t.Run(how, func(t *testing.T) {
			t.Setenv("PGPASSWORD", "")
			home := t.TempDir()
			file := filepath.Join(home, ".pgpass")
			line := fmt.Sprintf("%s:%s:%s:%s:%s\n", p.Hostname(), p.Port(), strings.TrimPrefix(p.Path, "/"), p.User.Username(), pgtest.Password)
			if err := os.WriteFile(file, []byte(line), 0o600); err != nil {
				t.Fatal(err)
			}
			if how == "PGPASSFILE" {
				t.Setenv("PGPASSFILE", file)
			} else {
				t.Setenv("PGPASSFILE", "")
				os.Unsetenv("PGPASSFILE")
				t.Setenv("HOME", home)
			}
			if err := open(t, bare); err != nil {
				t.Fatal(err)
			}
		})
	}
	t.Run("a password file others may read is refused, as libpq ignores it", func(t *testing.T) {
		t.Setenv("PGPASSWORD", "")
		home := t.TempDir()
		file := filepath.Join(home, ".pgpass")
		line := fmt.Sprintf("%s:%s:%s:%s:%s\n", p.Hostname(), p.Port(), strings.TrimPrefix(p.Path, "/"), p.User.Username(), pgtest.Password)
		if err := os.WriteFile(file, []byte(line), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(file, 0o644); err != nil { // whatever the umask
			t.Fatal(err)
		}
		t.Setenv("PGPASSFILE", file)
		err := open(t, bare)
		if err == nil || !strings.Contains(err.Error(), "chmod 600 "+file) || strings.Contains(err.Error(), pgtest.Password) {
			t.Fatalf("a world-readable password file: %v", err)
		}
		if err := os.Chmod(file, 0o600); err != nil {
			t.Fatal(err)
		}
		if err := open(t, bare); err != nil {
			t.Fatalf("the same file, mode 0600: %v", err)
		}
	})
	t.Run("the scheme in capitals", func(t *testing.T) {
		t.Setenv("PGPASSWORD", pgtest.Password)
		for _, scheme := range []string{"POSTGRES://", "PostgreSQL://"} {
			if err := open(t, scheme+strings.TrimPrefix(strings.TrimPrefix(bare, "postgresql://"), "postgres://")); err != nil {
				t.Errorf("%s: %v", scheme, err)
			}
		}
	})
	t.Run("PGSSLMODE", func(t *testing.T) {
		// The test server has no TLS: sslmode=require must fail, and the
		// URL's sslmode=disable wins over the environment.
		t.Setenv("PGSSLMODE", "require")
		noMode := strings.Replace(base, "sslmode=disable", "", 1)
		err := open(t, noMode)
		if err == nil || !strings.Contains(err.Error(), "TLS") || strings.Contains(err.Error(), pgtest.Password) {
			t.Fatalf("PGSSLMODE=require against a server without TLS: %v", err)
		}
		if err := open(t, base); err != nil {
			t.Fatalf("sslmode=disable in the URL: %v", err)
		}
	})
	t.Run("no sslmode anywhere is libpq's prefer", func(t *testing.T) {
		// lib/pq's own default, require, would refuse the test server,
		// which has no TLS.
		t.Setenv("PGSSLMODE", "")
		os.Unsetenv("PGSSLMODE")
		noMode := strings.TrimSuffix(strings.Replace(base, "sslmode=disable", "", 1), "?")
		if err := open(t, noMode); err != nil {
			t.Fatalf("no sslmode: %v", err)
		}
	})
	t.Run("connect timeout from the URL", func(t *testing.T) {
		dsn := withHost(t, base, silentServer(t)) + "&connect_timeout=1"
		start := time.Now()
		err := open(t, dsn)
		if err == nil || !Unreachable(err) {
			t.Fatalf("a silent server: %v", err)
		}
		// Bounded by a minute, as any hang would be: the value is taken.
		if time.Since(start) > time.Minute {
			t.Fatal("connect_timeout was ignored")
		}
	})
}

// A URL lib/pq cannot read is refused in one line that says which part is
// wrong in words (no Go parser's message), names the user, host and
// database (never the password), and never connects.
func TestPostgresURLErrorsSayWhatIsWrong(t *testing.T) {
	const secret = "Sup3r-s3cret-pw"
	for _, c := range []struct{ dsn, says, shows string }{
		{"postgres://ida:" + secret + "@db.example.com:notaport/team", `port "notaport"`, "postgres://ida@db.example.com:notaport/team"},
		{"postgres://ida:" + secret + "@db.example.com:99999/team", `port "99999"`, "postgres://ida@db.example.com:99999/team"},
		{"postgres://ida:" + secret + "@db.example.com/team?connect_timeout=abc", `invalid connect_timeout: "abc" is not a whole number`, "postgres://ida@db.example.com/team?connect_timeout=abc"},
		{"postgres://ida:" + secret + "@db.example.com/team?sslmode=bogus", "sslmode is invalid", "postgres://ida@db.example.com/team?sslmode=bogus"},
		{"postgres://ida:" + secret + "@db.example.com/team?target_session_attrs=bogus", "target_session_attrs", "postgres://ida@db.example.com/team"},
	} {
		_, err := Open(context.Background(), c.dsn)
		if err == nil {
			t.Fatalf("Open(%s) succeeded", c.dsn)
		}
		msg := err.Error()
		if strings.Contains(msg, secret) || strings.Contains(msg, "\n") {
			t.Errorf("%s: the password or a second line shows: %q", c.dsn, msg)
		}
		for _, bad := range []string{"strconv", "it is not one", "invalid syntax"} {
			if strings.Contains(msg, bad) {
				t.Errorf("%s: %q says %q, not what is wrong", c.dsn, msg, bad)
			}
		}
		if !strings.Contains(msg, c.says) || !strings.Contains(msg, c.shows) {
			t.Errorf("%s: %q; want it to say %q and show %q", c.dsn, msg, c.says, c.shows)
		}
	}
}

// Describe and Redact never show a password, and keep what tells databases
// apart.
func TestDescribeAndRedact(t *testing.T) {
	for _, c := range []struct{ in, describe, redact string }{
		{"postgres://ida:pw%21x@db.example.com:6432/team?sslmode=require&password=pw2",
			"db.example.com:6432/team", "postgres://ida@db.example.com:6432/team?sslmode=require"},
		{"postgresql://db.example.com/team", "db.example.com:5432/team", "postgresql://db.example.com/team"},
		{"/home/ida/.local/share/scribe/scribe.db", "/home/ida/.local/share/scribe/scribe.db", "/home/ida/.local/share/scribe/scribe.db"},
		// Not a URL Go can read (the port): the user, host and database
		// stay, the password and its parameter go.
		{"postgres://ida:pw@x@db.example.com:port/team?password=pw2&sslmode=require",
			"postgres://ida@db.example.com:port/team?sslmode=require", "postgres://ida@db.example.com:port/team?sslmode=require"},
	} {
		if got := Describe(c.in); got != c.describe {
			t.Errorf("Describe(%q) = %q, want %q", c.in, got, c.describe)
		}
		if got := Redact(c.in); got != c.redact {
			t.Errorf("Redact(%q) = %q, want %q", c.in, got, c.redact)
		}
	}
}

// Every write and read error from a database that went away is one line
// without the password, and Unreachable.
func TestPostgresLostConnection(t *testing.T) {
	dsn := pgtest.Database(t)
	s := openAt(t, dsn)
	inc := newIncident(t, s)
	// Kill the store's connections from the server side.
	admin, err := sql.Open("postgres", pgtest.Server(t))
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	p, _ := url.Parse(dsn)
	if _, err := admin.Exec(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`,
		strings.TrimPrefix(p.Path, "/")); err != nil {
		t.Fatal(err)
	}
	// database/sql retries a write on a fresh connection when the old one
	// is found dead before the statement was sent; either way nothing is
	// lost or doubled.
	e := incident.Event{IncidentID: inc.ID, Kind: incident.KindNote, Text: "after the server dropped us"}
	err = s.LogEvent(context.Background(), &e)
	if err != nil && !Unreachable(err) {
		t.Fatalf("LogEvent after the connections were killed: %v", err)
	}
	if err != nil {
		if err := s.LogEvent(context.Background(), &e); err != nil {
			t.Fatalf("LogEvent again: %v", err)
		}
	}
	evs, err := s.Events(context.Background(), inc.ID)
	if err != nil || len(evs) != 2 {
		t.Fatalf("events = %d, %v", len(evs), err)
	}
}

// A call on a connection that stopped answering (the VPN gone without a
// reset) ends when its context does, as one line that says so, and the
// store works again once the database answers.
func TestPostgresFrozenLinkEndsAtTheDeadline(t *testing.T) {
	k, dsn := pgtest.NewLink(t, pgtest.Database(t))
	s := openAt(t, dsn)
	inc := newIncident(t, s)
	k.Freeze()
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := s.Incident(ctx, inc.ID)
	if took := time.Since(start); took > 5*time.Second {
		t.Fatalf("the read waited %s for a frozen link", took)
	}
	if !Unreachable(err) || !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("read over a frozen link: %v", err)
	}
	e := incident.Event{IncidentID: inc.ID, Kind: incident.KindNote, Text: "typed while frozen"}
	wctx, wcancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer wcancel()
	start = time.Now()
	err = s.LogEvent(wctx, &e)
	if took := time.Since(start); took > 5*time.Second {
		t.Fatalf("the write waited %s for a frozen link", took)
	}
	if !Unreachable(err) || !strings.Contains(err.Error(), "no answer in time") || strings.Contains(err.Error(), "\n") {
		t.Fatalf("write over a frozen link: %v", err)
	}
	k.Cut()
	k.Restore()
	if _, err := s.Incident(context.Background(), inc.ID); err != nil {
		t.Fatalf("read once the link is back: %v", err)
	}
}
