package store

import (
	"context"
	"crypto/tls"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgproto3"
	"github.com/jackc/pgx/v5/stdlib"

	"scribe/incident"
)

// connectTimeout bounds connecting to the team database when the URL (or
// PGCONNECT_TIMEOUT) does not say: past it, a write goes to the outbox
// rather than keep the user waiting.
const connectTimeout = 2 * time.Second

// pgSchema holds scribe's tables, so that a database shared with other
// programs is fine.
const pgSchema = "scribe"

// openPostgres connects to the team database at dsn, a postgres:// URL,
// with libpq's conventions (pgx reads them): the password from the URL,
// PGPASSWORD or ~/.pgpass; sslmode from the URL or PGSSLMODE; PGHOST,
// PGPORT, PGUSER and PGDATABASE for what the URL leaves out. It applies
// the migrations once, under an advisory lock (see migratePostgres).
//
// No error it returns shows the password: they name the database by
// host:port/database.
func openPostgres(ctx context.Context, dsn string) (*Store, error) {
	// A scheme is case-insensitive (RFC 3986); pgx reads "POSTGRES://" as
	// a key=value string, and tried a local socket.
	if i := strings.Index(dsn, "://"); i >= 0 {
		dsn = strings.ToLower(dsn[:i]) + dsn[i:]
	}
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return nil, parseError(dsn, err)
	}
	if err := checkPassfile(dsn, cfg); err != nil {
		return nil, err
	}
	if cfg.ConnectTimeout == 0 {
		cfg.ConnectTimeout = connectTimeout
		dialer := &net.Dialer{Timeout: connectTimeout, KeepAlive: 5 * time.Minute}
		cfg.DialFunc = dialer.DialContext
	}
	cfg.RuntimeParams["search_path"] = pgSchema
	if cfg.RuntimeParams["application_name"] == "" {
		cfg.RuntimeParams["application_name"] = "scribe"
	}
	db := stdlib.OpenDB(*cfg)
	db.SetMaxOpenConns(maxOpenConns)
	db.SetMaxIdleConns(maxOpenConns)
	db.SetConnMaxIdleTime(5 * time.Minute)
	s := &Store{db: db, d: postgresDialect, location: describe(cfg.Config), pgConfig: cfg, Now: time.Now}
	if err := s.migratePostgres(ctx); err != nil {
		db.Close()
		return nil, noPassword(err, cfg)
	}
	return s, nil
}

// noPassword says, after a refused password, that none was given (pgx
// has read the URL, PGPASSWORD and the password file by then): libpq says
// so too, and "password authentication failed" alone sends the user
// looking for a typo.
func noPassword(err error, cfg *pgx.ConnConfig) error {
	var (
		pge *pgconn.PgError
		pe  *pgError
	)
	if cfg.Password != "" || !errors.As(err, &pge) || pge.Code != "28P01" || !errors.As(err, &pe) {
		return err
	}
	return &pgError{msg: pe.msg + ": no password was given (put it in PGPASSWORD or ~/.pgpass)", err: pe.err}
}

// checkPassfile refuses a password that came from a password file others
// may read, as libpq does (it ignores such a file, with a warning): the
// file is a secret, and a password read from it anyway would hide that.
func checkPassfile(dsn string, cfg *pgx.ConnConfig) error {
	if cfg.Password == "" || os.Getenv("PGPASSWORD") != "" {
		return nil
	}
	u, err := url.Parse(dsn)
	if err != nil {
		return nil
	}
	if _, ok := u.User.Password(); ok || u.Query().Get("password") != "" {
		return nil
	}
	path := u.Query().Get("passfile")
	if path == "" {
		path = os.Getenv("PGPASSFILE")
	}
	if path == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			return nil
		}
		path = filepath.Join(home, ".pgpass")
	}
	fi, err := os.Stat(path)
	if err != nil || fi.Mode().Perm()&0o077 == 0 {
		return nil
	}
	return incident.Errorf(incident.EINVALID, "the password file %s may be read by others (mode %04o): libpq ignores such a file, and so does scribe; make it yours alone: chmod 600 %s",
		path, fi.Mode().Perm(), path)
}

// describe names a PostgreSQL database as host:port/database.
func describe(cfg pgconn.Config) string {
	host := cfg.Host
	if strings.Contains(host, ":") && !strings.HasPrefix(host, "/") {
		host = "[" + host + "]" // IPv6
	}
	return fmt.Sprintf("%s:%d/%s", host, cfg.Port, cfg.Database)
}

// Redact returns dsn without its password (in the user part or as a
// password= or sslpassword= parameter), for the outbox to key its queue by
// and for messages. A value that is not a URL comes back as it is.
func Redact(dsn string) string {
	u, err := url.Parse(dsn)
	if err != nil || u.Scheme == "" {
		if m := urlScheme(dsn); m != "" && IsPostgres(dsn) {
			return redactUnparsed(dsn, m)
		} else if m != "" {
			return redactScheme(dsn, m)
		}
		return dsn
	}
	if u.User != nil {
		u.User = url.User(u.User.Username())
	}
	q := u.Query()
	for _, k := range []string{"password", "sslpassword"} {
		q.Del(k)
	}
	u.RawQuery = q.Encode()
	return u.String()
}

// Describe names the database dsn points at as messages and the TUI's
// header do: host:port/database for a PostgreSQL URL (never a password),
// else the path itself.
func Describe(dsn string) string {
	if !IsPostgres(dsn) {
		return dsn
	}
	cfg, err := pgconn.ParseConfig(dsn)
	if err != nil {
		return Redact(dsn)
	}
	return describe(*cfg)
}

// parseError is a URL pgx cannot read, said without the URL (which holds
// the password, if any) beyond its redacted form, and with what is wrong
// in words: pgx's own reason, a number that is not one named as such, a
// bad port quoted.
func parseError(dsn string, err error) error {
	why := "it is not one"
	var pe *pgconn.ParseConfigError
	if errors.As(err, &pe) {
		why = scrub(parseReason(pe, dsn), dsn)
	}
	return incident.Errorf(incident.EINVALID, "database URL %s is not a valid PostgreSQL URL (%s): use postgres://USER@HOST:PORT/DATABASE?sslmode=…, with the password in PGPASSWORD or ~/.pgpass",
		Redact(dsn), why)
}

// parseReason is pgx's reason for refusing dsn without the URL it repeats.
func parseReason(pe *pgconn.ParseConfigError, dsn string) string {
	text := pe.Error()
	if i := strings.LastIndex(text, "`: "); i >= 0 {
		text = text[i+3:]
	}
	var num *strconv.NumError
	if errors.As(pe, &num) {
		text = strings.Replace(text, " ("+num.Error()+")", ": "+strconv.Quote(num.Num)+" is not a whole number", 1)
	}
	if text == "invalid port" {
		if port := urlPort(Redact(dsn)); port != "" {
			text = fmt.Sprintf("the port %s is not a number from 1 to 65535", strconv.Quote(port))
		}
	}
	return text
}

// urlPort is the port written in a URL's host part ("" when none is).
func urlPort(u string) string {
	rest := u
	if m := urlScheme(u); m != "" {
		rest = strings.TrimPrefix(u, m)
	}
	if i := strings.IndexAny(rest, "/?#"); i >= 0 {
		rest = rest[:i]
	}
	rest = rest[strings.LastIndex(rest, "@")+1:]
	if i := strings.LastIndex(rest, ":"); i >= 0 && !strings.HasSuffix(rest, "]") {
		return rest[i+1:]
	}
	return ""
}

// scrub removes the password dsn carries from text.
func scrub(text, dsn string) string {
	if u, err := url.Parse(dsn); err == nil && u.User != nil {
		if pw, ok := u.User.Password(); ok && pw != "" {
			text = strings.ReplaceAll(text, pw, "xxxxx")
			text = strings.ReplaceAll(text, url.PathEscape(pw), "xxxxx")
		}
	}
	return strings.ReplaceAll(text, dsn, Redact(dsn))
}

// pgError is a PostgreSQL failure as one clear line: the database (host,
// port, name), what scribe was doing, and why, in words that never include
// the password. The cause stays in the chain, for Unreachable.
type pgError struct {
	msg string
	err error
}

func (e *pgError) Error() string { return e.msg }
func (e *pgError) Unwrap() error { return e.err }

// pgFault wraps err, from the team database at location, as a pgError.
func pgFault(location, what string, err error) error {
	var already *pgError
	if errors.As(err, &already) {
		return err
	}
	msg := "team database " + location
	if what != "" {
		msg += ": " + what
	}
	return &pgError{msg: msg + ": " + pgReason(err), err: err}
}

// pgReason says in a few words why a PostgreSQL call failed.
func pgReason(err error) string {
	var (
		pge   *pgconn.PgError
		dns   *net.DNSError
		tlsE  *tls.RecordHeaderError
		certE *tls.CertificateVerificationError
	)
	switch {
	case errors.As(err, &pge):
		return pge.Message + " (" + pge.Code + ")"
	case notPostgres(err):
		return "what answered is not a PostgreSQL server (is the port right?)"
	case errors.Is(err, context.DeadlineExceeded) || pgconn.Timeout(err):
		return "no answer in time (is the server up and reachable? the connect timeout is " + connectTimeout.String() + " unless connect_timeout= says otherwise)"
	case errors.Is(err, context.Canceled):
		return "cancelled"
	case errors.As(err, &dns):
		return "host " + strconv.Quote(dns.Name) + " not found"
	case errors.Is(err, syscall.ECONNREFUSED):
		return "connection refused (is PostgreSQL running on that host and port?)"
	case errors.As(err, &tlsE), errors.As(err, &certE):
		return "TLS failed: " + innermost(err)
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, syscall.ECONNRESET), errors.Is(err, syscall.EPIPE),
		errors.Is(err, pgconn.ErrConnClosed), errors.Is(err, sql.ErrConnDone):
		return "the connection was lost"
	}
	return innermost(err)
}

// innermost is the text of the deepest error in err's chain: pgx's outer
// layers repeat the user and database, and the inner one says what failed.
//
// Errors joined (pgx tries TLS, then plain text, under sslmode=prefer) are
// told by the last attempt's, as libpq does, so that the reason stays one
// line.
func innermost(err error) string {
	for {
		if j, ok := err.(interface{ Unwrap() []error }); ok {
			if errs := j.Unwrap(); len(errs) > 0 {
				err = errs[len(errs)-1]
				continue
			}
		}
		next := errors.Unwrap(err)
		if next == nil {
			return strings.ReplaceAll(err.Error(), "\n", "; ")
		}
		err = next
	}
}

// notPostgres reports whether what answered does not speak PostgreSQL's
// protocol: its first bytes read as a message no server sends (an SSH or
// HTTP server on the port given, a proxy in between).
func notPostgres(err error) bool {
	var tooLong *pgproto3.ExceededMaxBodyLenErr
	return errors.As(err, &tooLong) || strings.Contains(err.Error(), "unknown message type")
}

// Unreachable reports whether err means the database could not be reached
// or the connection was lost (refused, timed out, host not found, TLS
// failed, server shutting down): a write that fails so may be queued and
// sent again later. A refusal by the database itself (an invalid value, a
// wrong password, a missing database) is not.
func Unreachable(err error) bool {
	if err == nil {
		return false
	}
	var pge *pgconn.PgError
	if errors.As(err, &pge) {
		// Class 08 is connection exceptions; 57P01-57P03 a server shutting
		// down or starting up.
		return strings.HasPrefix(pge.Code, "08") || pge.Code == "57P01" || pge.Code == "57P02" || pge.Code == "57P03"
	}
	var (
		netErr net.Error
		dns    *net.DNSError
		tlsE   *tls.RecordHeaderError
		certE  *tls.CertificateVerificationError
	)
	// What answered in the database's place (a proxy while the VPN is down,
	// or a wrong port) is no database: a write is kept for later, never
	// lost, and the message says what answered.
	return errors.Is(err, context.DeadlineExceeded) || pgconn.Timeout(err) || errors.As(err, &netErr) || notPostgres(err) ||
		errors.As(err, &dns) || errors.As(err, &tlsE) || errors.As(err, &certE) ||
		errors.Is(err, syscall.ECONNREFUSED) || errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.EPIPE) ||
		errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, driver.ErrBadConn) ||
		errors.Is(err, pgconn.ErrConnClosed) || errors.Is(err, sql.ErrConnDone)
}
