package store

import (
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/lib/pq"

	"scribe/incident"
)

// pgSettings is how scribe connects to a team database: lib/pq's reading
// of the URL and the environment, with scribe's defaults where neither
// says (see pgConfig).
type pgSettings struct {
	cfg pq.Config
	// listen is the URL Watch's notification connection uses, which lib/pq
	// takes as a string only: the user's URL with the settings scribe
	// chose written in. It may hold the password; it is never shown.
	listen string
}

// pgConfig reads dsn, a postgres:// URL with its scheme in lower case,
// with libpq's conventions (lib/pq reads them): the password from the
// URL, PGPASSWORD or the password file; sslmode from the URL or PGSSLMODE;
// PGHOST, PGPORT, PGUSER and PGDATABASE for what the URL leaves out. Where
// neither says, it uses libpq's defaults rather than lib/pq's: sslmode
// prefer (lib/pq requires TLS), and a local socket when no host is named.
// It adds scribe's: connectTimeout, the application name, and scribe's
// schema as the search path.
func pgConfig(dsn string) (pgSettings, error) {
	u, err := url.Parse(dsn)
	if err == nil {
		// Go's URL parser keeps a query it cannot read for later, and
		// lib/pq would then drop the parameter without a word.
		if _, qerr := url.ParseQuery(u.RawQuery); qerr != nil {
			return pgSettings{}, parseError(dsn, qerr)
		}
	}
	cfg, err := pq.NewConfig(dsn)
	if err != nil {
		return pgSettings{}, parseError(dsn, err)
	}
	if err := checkNumbers(dsn, cfg); err != nil {
		return pgSettings{}, err
	}
	if err := pgxParameters(dsn, u, &cfg); err != nil {
		return pgSettings{}, err
	}
	if socket := defaultSocket(u, cfg); socket != "" {
		cfg.Host, cfg.SSLMode = socket, pq.SSLModeDisable
	}
	fromFile, err := passfilePassword(cfg)
	if err != nil {
		return pgSettings{}, err
	}
	if fromFile != "" {
		cfg.Password = fromFile
	}
	// scribe has read the password file: lib/pq must not read it again,
	// and warn on stderr (the TUI's screen) about one others may read.
	cfg.Passfile = filepath.Join(os.DevNull, "read-by-scribe")
	if cfg.SSLMode == "" {
		cfg.SSLMode = pq.SSLModePrefer
	}
	if cfg.ConnectTimeout == 0 {
		cfg.ConnectTimeout = connectTimeout
	}
	if cfg.Runtime == nil {
		cfg.Runtime = map[string]string{}
	}
	cfg.Runtime["search_path"] = pgSchema
	if cfg.ApplicationName == "" {
		cfg.ApplicationName = "scribe"
	}
	q := u.Query()
	q.Set("sslmode", string(cfg.SSLMode))
	q.Set("connect_timeout", strconv.Itoa(int((cfg.ConnectTimeout+time.Second-1)/time.Second)))
	q.Set("application_name", cfg.ApplicationName)
	q.Set("passfile", cfg.Passfile)
	q.Del("default_query_exec_mode")
	if fromFile != "" {
		q.Set("password", fromFile)
	}
	if u.Host == "" && !q.Has("host") {
		q.Set("host", cfg.Host)
	}
	u.RawQuery = q.Encode()
	return pgSettings{cfg: cfg, listen: u.String()}, nil
}

// checkNumbers refuses what lib/pq lets through and libpq does not: port
// 0, and a negative connect_timeout.
func checkNumbers(dsn string, cfg pq.Config) error {
	ports := []uint16{cfg.Port}
	for _, m := range cfg.Multi {
		ports = append(ports, m.Port)
	}
	for _, p := range ports {
		if p == 0 {
			return parseError(dsn, errors.New(portReason("0")))
		}
	}
	if cfg.ConnectTimeout < 0 {
		return parseError(dsn, fmt.Errorf("invalid connect_timeout: %d is negative", cfg.ConnectTimeout/time.Second))
	}
	return nil
}

// pgxParameters reads the parameters of URLs written for pgx, scribe's
// driver before lib/pq, which lib/pq would send to the server as settings
// (and the server refuse): default_query_exec_mode (for a transaction
// pooler) is dropped, as lib/pq's binary_parameters, which scribe turns on
// unless the URL says, sends each statement in one round trip that a
// pooler keeps together; sslpassword is refused, since it would go to the
// server in clear.
func pgxParameters(dsn string, u *url.URL, cfg *pq.Config) error {
	if _, ok := cfg.Runtime["sslpassword"]; ok {
		return parseError(dsn, errors.New("sslpassword is not supported: give a client key without a passphrase (openssl pkey -in KEY -out KEY.plain)"))
	}
	delete(cfg.Runtime, "default_query_exec_mode")
	if u != nil && !u.Query().Has("binary_parameters") {
		cfg.BinaryParameters = true
	}
	return nil
}

// defaultSocket is the directory of the local server's socket when dsn
// names no host (nor PGHOST, nor a service): libpq's default, where lib/pq
// would try localhost over TCP. "" when a host is named, or no directory
// is there.
func defaultSocket(u *url.URL, cfg pq.Config) string {
	if u == nil || u.Host != "" || cfg.Service != "" || cfg.Host != "localhost" || cfg.Hostaddr.IsValid() {
		return ""
	}
	q := u.Query()
	if q.Has("host") || q.Has("hostaddr") || os.Getenv("PGHOST") != "" || os.Getenv("PGHOSTADDR") != "" {
		return ""
	}
	for _, dir := range []string{"/var/run/postgresql", "/private/tmp", "/tmp"} {
		if fi, err := os.Stat(dir); err == nil && fi.IsDir() {
			return dir
		}
	}
	return ""
}

// passfilePassword is the password the password file gives cfg's user on
// cfg's server (libpq's rules: the passfile parameter, else PGPASSFILE,
// else ~/.pgpass; the first line host:port:database:user:password that
// matches, * matching anything), or "" when cfg has a password already or
// the file has none for it. A file others may read is refused, as libpq
// ignores it (with a warning): the file is a secret, and a password read
// from it anyway would hide that.
func passfilePassword(cfg pq.Config) (string, error) {
	if cfg.Password != "" {
		return "", nil
	}
	path := cfg.Passfile
	if path == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			return "", nil
		}
		path = filepath.Join(home, ".pgpass")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return "", nil
	}
	pw, found := passfileMatch(string(data), cfg)
	if !found {
		return "", nil
	}
	if fi, err := os.Stat(path); err == nil && fi.Mode().Perm()&0o077 != 0 {
		return "", incident.Errorf(incident.EINVALID, "the password file %s may be read by others (mode %04o): libpq ignores such a file, and so does scribe; make it yours alone: chmod 600 %s",
			path, fi.Mode().Perm(), path)
	}
	return pw, nil
}

// passfileMatch finds the password for cfg in a password file's text.
func passfileMatch(text string, cfg pq.Config) (string, bool) {
	host := cfg.Host
	socket := host == "" || filepath.IsAbs(host) || strings.HasPrefix(host, "@")
	want := [4]string{host, strconv.Itoa(int(cfg.Port)), cfg.Database, cfg.User}
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSuffix(line, "\r")
		if line == "" || line[0] == '#' {
			continue
		}
		f := passfileFields(line)
		if len(f) != 5 {
			continue
		}
		ok := true
		for i, w := range want {
			if f[i] != "*" && f[i] != w && !(i == 0 && socket && f[i] == "localhost") {
				ok = false
				break
			}
		}
		if ok {
			return f[4], true
		}
	}
	return "", false
}

// passfileFields splits a password file's line at the colons a backslash
// does not escape.
func passfileFields(line string) []string {
	var fields []string
	var b strings.Builder
	escaped := false
	for _, c := range line {
		switch {
		case escaped:
			b.WriteRune(c)
			escaped = false
		case c == '\\':
			escaped = true
		case c == ':':
			fields = append(fields, b.String())
			b.Reset()
		default:
			b.WriteRune(c)
		}
	}
	return append(fields, b.String())
}

// parseError is a URL (or environment) lib/pq cannot read, said without
// the URL (which holds the password, if any) beyond its redacted form, and
// with what is wrong in words: lib/pq's reason, a number that is not one
// named as such, a bad port quoted.
func parseError(dsn string, err error) error {
	return incident.Errorf(incident.EINVALID, "database URL %s is not a valid PostgreSQL URL (%s): use postgres://USER@HOST:PORT/DATABASE?sslmode=…, with the password in PGPASSWORD or ~/.pgpass",
		Redact(dsn), scrub(parseReason(err, dsn), dsn))
}

// parseReason is why lib/pq (or Go's URL parser) refused dsn, without the
// URL it repeats and in words rather than a Go parser's message.
func parseReason(err error, dsn string) string {
	var ue *url.Error
	if errors.As(err, &ue) {
		text := ue.Err.Error()
		if strings.HasPrefix(text, "invalid port") {
			if port := urlPort(Redact(dsn)); strings.Contains(port, ",") {
				return "several ports in the host part: write them as a parameter, postgres://USER@HOST1,HOST2/DATABASE?port=PORT1,PORT2"
			} else if port != "" {
				return portReason(port)
			}
		}
		return text
	}
	text := strings.TrimPrefix(err.Error(), "pq: ")
	if name, ok := strings.CutPrefix(text, "environment variable $"); ok {
		name, _, _ = strings.Cut(name, " ")
		return fmt.Sprintf("%s is set, and scribe's PostgreSQL driver does not support it: unset it for scribe (env -u %s scribe …)", name, name)
	}
	rest, ok := strings.CutPrefix(text, "wrong value for ")
	if !ok {
		return text
	}
	key, why, _ := strings.Cut(rest, ": ")
	key = strings.TrimPrefix(strings.Trim(key, `"`), "$")
	var num *strconv.NumError
	switch {
	case errors.As(err, &num) && (key == "port" || key == "PGPORT"):
		return portReason(num.Num)
	case errors.As(err, &num) && num.Func == "ParseBool":
		return fmt.Sprintf("invalid %s: %s is neither yes nor no", key, strconv.Quote(num.Num))
	case errors.As(err, &num):
		return fmt.Sprintf("invalid %s: %s is not a whole number", key, strconv.Quote(num.Num))
	}
	return key + " is invalid: " + why
}

// portReason says that port (as written) is not a port.
func portReason(port string) string {
	return fmt.Sprintf("the port %s is not a number from 1 to 65535", strconv.Quote(port))
}

// urlOf is dsn parsed, or nil.
func urlOf(dsn string) *url.URL {
	u, err := url.Parse(dsn)
	if err != nil {
		return nil
	}
	return u
}
