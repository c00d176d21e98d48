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
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/lib/pq"
)

// connectTimeout bounds connecting to the team database when the URL (or
// PGCONNECT_TIMEOUT) does not say: past it, a write goes to the outbox
// rather than keep the user waiting.
const connectTimeout = 2 * time.Second

// pgSchema holds scribe's tables, so that a database shared with other
// programs is fine.
const pgSchema = "scribe"

// openPostgres connects to the team database at dsn, a postgres:// URL,
// with libpq's conventions (see pgConfig), through lib/pq (see
// pgConnector). It applies the migrations once, under an advisory lock
// (see migratePostgres).
//
// No error it returns shows the password: they name the database by
// host:port/database.
func openPostgres(ctx context.Context, dsn string) (*Store, error) {
	// A scheme is case-insensitive (RFC 3986); lib/pq reads "POSTGRES://"
	// as a key=value string.
	if i := strings.Index(dsn, "://"); i >= 0 {
		dsn = strings.ToLower(dsn[:i]) + dsn[i:]
	}
	set, err := pgConfig(dsn)
	if err != nil {
		return nil, err
	}
	db := sql.OpenDB(&pgConnector{cfg: set.cfg})
	db.SetMaxOpenConns(maxOpenConns)
	db.SetMaxIdleConns(maxOpenConns)
	db.SetConnMaxIdleTime(5 * time.Minute)
	s := &Store{db: db, d: postgresDialect, location: describe(set.cfg), listenURL: set.listen, Now: time.Now}
	if err := s.migratePostgres(ctx); err != nil {
		db.Close()
		return nil, noPassword(err, set.cfg)
	}
	return s, nil
}

// noPassword says, after a refused password, that none was given (none
// in the URL, PGPASSWORD or the password file): libpq says so too, and
// "password authentication failed" alone sends the user looking for a
// typo.
func noPassword(err error, cfg pq.Config) error {
	var (
		pge *pq.Error
		pe  *pgError
	)
	if cfg.Password != "" || !errors.As(err, &pge) || pge.Code != "28P01" || !errors.As(err, &pe) {
		return err
	}
	return &pgError{msg: pe.msg + ": no password was given (put it in PGPASSWORD or ~/.pgpass)", err: pe.err}
}

// describe names a PostgreSQL database as host:port/database.
func describe(cfg pq.Config) string {
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
	cfg, err := pq.NewConfig(dsn)
	if err != nil {
		return Redact(dsn)
	}
	if socket := defaultSocket(urlOf(dsn), cfg); socket != "" {
		cfg.Host = socket
	}
	return describe(cfg)
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
		pge   *pq.Error
		dns   *net.DNSError
		tlsE  *tls.RecordHeaderError
		certE *tls.CertificateVerificationError
	)
	switch {
	case errors.As(err, &pge):
		return pge.Message + " (" + string(pge.Code) + ")"
	case notPostgres(err):
		return "what answered is not a PostgreSQL server (is the port right?)"
	case timeout(err):
		return "no answer in time (is the server up and reachable? the connect timeout is " + connectTimeout.String() + " unless connect_timeout= says otherwise)"
	case errors.Is(err, context.Canceled):
		return "cancelled"
	case errors.As(err, &dns):
		return "host " + strconv.Quote(dns.Name) + " not found"
	case errors.Is(err, syscall.ECONNREFUSED):
		return "connection refused (is PostgreSQL running on that host and port?)"
	case errors.As(err, &tlsE), errors.As(err, &certE):
		return "TLS failed: " + innermost(err)
	case errors.Is(err, pq.ErrSSLNotSupported):
		return "server refused TLS connection"
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, syscall.ECONNRESET), errors.Is(err, syscall.EPIPE),
		errors.Is(err, driver.ErrBadConn), errors.Is(err, sql.ErrConnDone):
		return "the connection was lost"
	}
	return innermost(err)
}

// innermost is the text of the deepest error in err's chain: outer layers
// repeat what was being done, and the inner one says what failed.
//
// Errors joined (lib/pq tries each host of a list) are told by the last
// attempt's, as libpq does, so that the reason stays one line.
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
// protocol (see wireConn): an SSH or HTTP server on the port given, a
// proxy in between.
func notPostgres(err error) bool {
	return errors.Is(err, errNotPostgres)
}

// timeout reports whether err is a call that ran out of time: its context
// ended (see pgConn), or the connect timeout passed.
func timeout(err error) bool {
	var netErr net.Error
	return errors.Is(err, context.DeadlineExceeded) || errors.Is(err, os.ErrDeadlineExceeded) ||
		(errors.As(err, &netErr) && netErr.Timeout())
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
	var pge *pq.Error
	if errors.As(err, &pge) {
		// Class 08 is connection exceptions; 57P01-57P03 a server shutting
		// down or starting up.
		return pge.Code.Class() == "08" || pge.Code == "57P01" || pge.Code == "57P02" || pge.Code == "57P03"
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
	return timeout(err) || errors.As(err, &netErr) || notPostgres(err) ||
		errors.As(err, &dns) || errors.As(err, &tlsE) || errors.As(err, &certE) ||
		errors.Is(err, syscall.ECONNREFUSED) || errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.EPIPE) ||
		errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, driver.ErrBadConn) ||
		errors.Is(err, sql.ErrConnDone)
}
