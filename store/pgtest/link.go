package pgtest

import (
	"net"
	"net/url"
	"sync"
	"testing"
	"time"
)

// Link is a TCP proxy in front of a PostgreSQL server that a test can cut
// and restore, as a VPN drops and comes back: Cut closes every connection
// and refuses new ones on the same port, Restore listens there again.
// Freeze is the other way a network fails: connections stay open and
// nothing more gets through either way (a VPN gone without a reset, a
// server that stopped answering).
type Link struct {
	t      testing.TB
	addr   string // where clients connect
	target string // the server

	mu     sync.Mutex
	thawed *sync.Cond // signalled when frozen ends
	frozen bool
	dials  int // connections accepted, for tests that a read stays local
	l      net.Listener
	conns  []net.Conn
}

// NewLink starts a link to the server of dsn and returns it with dsn
// pointing through it. It is cut when the test ends.
func NewLink(t testing.TB, dsn string) (*Link, string) {
	t.Helper()
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	k := &Link{t: t, target: u.Host}
	k.thawed = sync.NewCond(&k.mu)
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	k.addr = l.Addr().String()
	k.serve(l)
	t.Cleanup(k.Cut)
	u.Host = k.addr
	return k, u.String()
}

// Addr is where clients connect.
func (k *Link) Addr() string { return k.addr }

func (k *Link) serve(l net.Listener) {
	k.mu.Lock()
	k.l = l
	k.mu.Unlock()
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			s, err := net.Dial("tcp", k.target)
			if err != nil {
				c.Close()
				continue
			}
			k.mu.Lock()
			k.dials++
			k.conns = append(k.conns, c, s)
			k.mu.Unlock()
			go k.pipe(s, c)
			go k.pipe(c, s)
		}
	}()
}

// pipe copies src to dst, holding what it read while the link is frozen.
func (k *Link) pipe(dst, src net.Conn) {
	defer dst.Close()
	buf := make([]byte, 32<<10)
	for {
		n, err := src.Read(buf)
		if n > 0 {
			k.mu.Lock()
			for k.frozen {
				k.thawed.Wait()
			}
			k.mu.Unlock()
			if _, werr := dst.Write(buf[:n]); werr != nil {
				return
			}
		}
		if err != nil {
			return
		}
	}
}

// Dials is how many connections the link has accepted.
func (k *Link) Dials() int {
	k.mu.Lock()
	defer k.mu.Unlock()
	return k.dials
}

// Freeze holds every byte in both directions, on the connections open and
// on new ones, until Cut.
func (k *Link) Freeze() {
	k.mu.Lock()
	defer k.mu.Unlock()
	k.frozen = true
}

// Cut drops the link: every connection, and the port. It ends a freeze.
func (k *Link) Cut() {
	k.mu.Lock()
	defer k.mu.Unlock()
	k.frozen = false
	k.thawed.Broadcast()
	if k.l != nil {
		k.l.Close()
		k.l = nil
	}
	for _, c := range k.conns {
		c.Close()
	}
	k.conns = nil
}

// Restore listens on the same port again.
func (k *Link) Restore() {
	k.t.Helper()
	var l net.Listener
	var err error
	for range 50 { // the port may linger a moment after the close
		if l, err = net.Listen("tcp", k.addr); err == nil {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err != nil {
		k.t.Fatal(err)
	}
	k.serve(l)
}
