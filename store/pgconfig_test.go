package store

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/lib/pq"

	"scribe/store/pgtest"
)

// The password file is read by libpq's rules: the first line that matches
// wins, * matches anything, a backslash escapes a colon or itself, and
// "localhost" matches a connection over the local socket.
func TestPostgresPasswordFileLines(t *testing.T) {
	file := strings.Join([]string{
		"# the team's database",
		"",
		`db.example.com:5432:team:ida:first\:pw`,
		"db.example.com:5432:team:ida:second",
		"*:6432:*:*:any-db-on-6432",
		`db.example.com:5432:other:ida:back\\slash`,
		"localhost:5432:team:ida:over-the-socket",
		"too:few:fields",
	}, "\r\n")
	for _, c := range []struct {
		host     string
		port     uint16
		db, user string
		want     string
		found    bool
	}{
		{"db.example.com", 5432, "team", "ida", "first:pw", true},
		{"other.example.com", 6432, "x", "bo", "any-db-on-6432", true},
		{"db.example.com", 5432, "other", "ida", `back\slash`, true},
		{"/var/run/postgresql", 5432, "team", "ida", "over-the-socket", true},
		{"localhost", 5432, "team", "ida", "over-the-socket", true},
		{"db.example.com", 5432, "team", "bo", "", false},
		{"too", 5432, "few", "fields", "", false},
	} {
		cfg := pq.Config{Host: c.host, Port: c.port, Database: c.db, User: c.user}
		got, found := passfileMatch(file, cfg)
		if got != c.want || found != c.found {
			t.Errorf("%s:%d/%s as %s: %q, %v; want %q, %v", c.host, c.port, c.db, c.user, got, found, c.want, c.found)
		}
	}
}

// What lib/pq lets through and libpq refuses is refused too, saying what
// is wrong; several ports in the host part say how to write them.
func TestPostgresURLNumbersSayWhatIsWrong(t *testing.T) {
	const secret = "Sup3r-s3cret-pw"
	for _, c := range []struct{ dsn, says string }{
		{"postgres://ida:" + secret + "@db.example.com:0/team", `the port "0" is not a number from 1 to 65535`},
		{"postgres://ida:" + secret + "@db.example.com/team?connect_timeout=-5", "invalid connect_timeout: -5 is negative"},
		{"postgres://ida:" + secret + "@a.example.com,b.example.com:5432,5433/team", "?port=PORT1,PORT2"},
		{"postgres://ida:" + secret + "@db.example.com/team?sslinline=maybe", `invalid sslinline: "maybe" is neither yes nor no`},
		{"postgres://ida:" + secret + "@db.example.com/team?x=%zz", `invalid URL escape "%zz"`},
	} {
		_, err := Open(context.Background(), c.dsn)
		if err == nil || !strings.Contains(err.Error(), c.says) || strings.Contains(err.Error(), secret) {
			t.Errorf("Open(%s) = %v; want it to say %q, without the password", c.dsn, err, c.says)
		}
	}
}

// A libpq environment variable lib/pq refuses names itself and how to go
// on, rather than a URL error the URL does not explain.
func TestPostgresUnsupportedEnvironmentSaysWhich(t *testing.T) {
	t.Setenv("PGGSSENCMODE", "disable")
	_, err := Open(context.Background(), "postgres://ida@db.example.com/team")
	if err == nil || !strings.Contains(err.Error(), "PGGSSENCMODE is set") || !strings.Contains(err.Error(), "env -u PGGSSENCMODE") {
		t.Fatalf("Open with PGGSSENCMODE set: %v", err)
	}
}

// A URL without a host means the local server's socket, as in libpq, not
// localhost over TCP.
func TestPostgresNoHostMeansTheLocalSocket(t *testing.T) {
	for _, v := range []string{"PGHOST", "PGHOSTADDR"} {
		t.Setenv(v, "")
		os.Unsetenv(v)
	}
	got := Describe("postgres:///team")
	if !strings.HasPrefix(got, "/") || !strings.HasSuffix(got, ":5432/team") {
		t.Fatalf("Describe(postgres:///team) = %q, want a socket directory", got)
	}
	if got := Describe("postgres://db.example.com/team"); got != "db.example.com:5432/team" {
		t.Fatalf("Describe with a host = %q", got)
	}
}

// A URL written for pgx, scribe's driver before lib/pq, still opens:
// default_query_exec_mode (for a transaction pooler) is not sent to the
// server as a setting it does not know; sslpassword, which would be, in
// clear, is refused.
func TestPostgresPgxURLParameters(t *testing.T) {
	dsn := pgtest.Database(t)
	for _, mode := range []string{"simple_protocol", "exec"} {
		s, err := Open(context.Background(), dsn+"&default_query_exec_mode="+mode)
		if err != nil {
			t.Fatalf("default_query_exec_mode=%s: %v", mode, err)
		}
		inc := newIncident(t, s)
		if _, err := s.Incident(context.Background(), inc.ID); err != nil {
			t.Fatalf("read with default_query_exec_mode=%s: %v", mode, err)
		}
		s.Close()
	}
	_, err := Open(context.Background(), dsn+"&sslpassword=k3y-pass")
	if err == nil || !strings.Contains(err.Error(), "sslpassword is not supported") || strings.Contains(err.Error(), "k3y-pass") {
		t.Fatalf("sslpassword: %v", err)
	}
}
