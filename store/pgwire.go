package store

import (
	"context"
	"encoding/binary"
	"errors"
	"net"
	"sync"
	"time"
)

// errNotPostgres is what a connection's first bytes say when what answered
// does not speak PostgreSQL's protocol (see wireConn).
var errNotPostgres = errors.New("what answered does not speak PostgreSQL's protocol")

// pgDialer dials one driver connection's sockets (lib/pq may dial more
// than one: TLS first, then plain text, under sslmode=prefer; each host of
// a list), keeps the one in use, and wraps each in a wireConn. interrupt
// ends what it dialed and refuses to dial more: the connection's context
// has ended.
type pgDialer struct {
	mu          sync.Mutex
	conn        net.Conn
	interrupted bool
}

func (d *pgDialer) Dial(network, address string) (net.Conn, error) {
	return d.DialContext(context.Background(), network, address)
}

func (d *pgDialer) DialTimeout(network, address string, timeout time.Duration) (net.Conn, error) {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	return d.DialContext(ctx, network, address)
}

func (d *pgDialer) DialContext(ctx context.Context, network, address string) (net.Conn, error) {
	nd := net.Dialer{KeepAlive: 5 * time.Minute}
	c, err := nd.DialContext(ctx, network, address)
	if err != nil {
		return nil, err
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.interrupted {
		c.Close()
		return nil, context.Canceled
	}
	d.conn = &wireConn{Conn: c}
	return d.conn, nil
}

// interrupt makes every read and write of the socket in use fail at once,
// and any later dial.
func (d *pgDialer) interrupt() {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.interrupted = true
	if d.conn != nil {
		d.conn.SetDeadline(time.Unix(1, 0))
	}
}

// socket is the socket in use.
func (d *pgDialer) socket() net.Conn {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.conn
}

// maxStartupMessage bounds a message a server sends before the connection
// is ready (an error, an authentication step, a parameter): a few
// kilobytes at most, where the first bytes of another protocol's greeting
// read as a length of megabytes.
const maxStartupMessage = 1 << 16

// wireState is how far wireConn has followed the connection's start.
type wireState int

const (
	wireFirst    wireState = iota // nothing written yet
	wireSSLReply                  // asked for TLS: one byte, S or N, comes back
	wireAsked                     // TLS refused: the startup message comes next
	wireStartup                   // startup sent: messages until ReadyForQuery
	wireDone                      // started, or encrypted: no longer followed
)

// wireConn follows a connection's start, up to the server's first
// ReadyForQuery (or the start of TLS), and fails a read when what answers
// does not speak PostgreSQL: a reply to the TLS request other than S, N or
// E; a message no server sends while a connection starts, or one of
// megabytes (an SSH server's greeting "SSH-2.0…" reads as a ParameterStatus
// of 1.4 GB). lib/pq would wait for those bytes until the connect timeout
// and report a timeout, where the user needs to hear that the port is
// wrong.
type wireConn struct {
	net.Conn
	state wireState
	head  [5]byte // the message header being read
	got   int     // bytes of head read
	skip  int     // bytes of the message body still to come
}

func (c *wireConn) Write(b []byte) (int, error) {
	switch c.state {
	case wireFirst:
		c.state = wireDone
		if len(b) >= 8 {
			switch binary.BigEndian.Uint32(b[4:8]) {
			case 80877103: // SSLRequest
				c.state = wireSSLReply
			case 0x30000, 0x30002: // StartupMessage, protocol 3.0 or 3.2
				c.state = wireStartup
			}
		}
	case wireAsked:
		c.state = wireStartup
	}
	return c.Conn.Write(b)
}

func (c *wireConn) Read(b []byte) (int, error) {
	n, err := c.Conn.Read(b)
	if c.state == wireSSLReply && n > 0 {
		switch b[0] {
		case 'S':
			c.state = wireDone
		case 'N':
			c.state = wireAsked
		case 'E':
			c.state = wireStartup
		default:
			return 0, errNotPostgres
		}
		return n, err
	}
	if c.state == wireStartup && !c.follow(b[:n]) {
		return 0, errNotPostgres
	}
	return n, err
}

// follow reads the message headers in b, a part of what the server sent
// since the startup message; false when one is not PostgreSQL's.
func (c *wireConn) follow(b []byte) bool {
	for len(b) > 0 && c.state == wireStartup {
		if c.skip > 0 {
			k := min(c.skip, len(b))
			c.skip -= k
			b = b[k:]
			continue
		}
		k := copy(c.head[c.got:], b)
		c.got += k
		b = b[k:]
		if c.got < len(c.head) {
			return true
		}
		c.got = 0
		size := binary.BigEndian.Uint32(c.head[1:])
		switch c.head[0] {
		case 'R', 'E', 'N', 'v', 'S', 'K', 'Z':
		default:
			return false
		}
		if size < 4 || size > maxStartupMessage {
			return false
		}
		c.skip = int(size) - 4
		if c.head[0] == 'Z' {
			c.state = wireDone
		}
	}
	return true
}
