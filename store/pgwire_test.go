package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"net"
	"testing"
)

// scriptedConn is a socket whose peer's bytes are fixed in advance and
// which accepts any write.
type scriptedConn struct {
	net.Conn
	peer *bytes.Reader
}

func (c *scriptedConn) Read(b []byte) (int, error)  { return c.peer.Read(b) }
func (c *scriptedConn) Write(b []byte) (int, error) { return len(b), nil }

// message is one server message: its type, its length, its body.
func message(kind byte, body string) []byte {
	out := []byte{kind, 0, 0, 0, 0}
	binary.BigEndian.PutUint32(out[1:], uint32(4+len(body)))
	return append(out, body...)
}

// startupPacket is what a client sends first: protocol 3.0 and a user.
func startupPacket() []byte {
	body := append([]byte{0, 3, 0, 0}, "user\x00ida\x00\x00"...)
	out := binary.BigEndian.AppendUint32(nil, uint32(4+len(body)))
	return append(out, body...)
}

// readAll reads the whole script through a wireConn that has sent first,
// a few bytes at a time, as a buffered reader's refills may split it.
func readAll(t *testing.T, first []byte, script []byte) error {
	t.Helper()
	c := &wireConn{Conn: &scriptedConn{peer: bytes.NewReader(script)}}
	if _, err := c.Write(first); err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 3)
	for {
		_, err := c.Read(buf)
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// What answers on the port is followed until the connection is ready: a
// PostgreSQL server's start passes, another protocol's greeting is told
// at once instead of being waited on until the connect timeout.
func TestPostgresWireTellsAnotherProtocol(t *testing.T) {
	ready := bytes.Join([][]byte{
		message('R', "\x00\x00\x00\x00"),
		message('S', "server_version\x0016.2\x00"),
		message('K', "\x00\x00\x00\x07\x01\x02\x03\x04"),
		message('Z', "I"),
		// Past ReadyForQuery anything goes: a large row, say.
		{'D', 0x7f, 0, 0, 0},
	}, nil)
	if err := readAll(t, startupPacket(), ready); err != nil {
		t.Fatalf("a PostgreSQL server's start: %v", err)
	}
	refused := message('E', "SFATAL\x00C28P01\x00Mpassword authentication failed\x00\x00")
	if err := readAll(t, startupPacket(), refused); err != nil {
		t.Fatalf("a PostgreSQL server's refusal: %v", err)
	}
	sslRequest := []byte{0, 0, 0, 8, 0x04, 0xd2, 0x16, 0x2f}
	if err := readAll(t, sslRequest, []byte("S\x16\x03\x03\x00\x7a")); err != nil {
		t.Fatalf("TLS accepted, then its handshake: %v", err)
	}
	for name, c := range map[string]struct{ first, script []byte }{
		"an SSH server":                  {startupPacket(), []byte("SSH-2.0-OpenSSH_9.6\r\n")},
		"an HTTP server":                 {startupPacket(), []byte("HTTP/1.1 400 Bad Request\r\n\r\n")},
		"an SSH server asked about TLS":  {sslRequest, []byte("XSH-2.0\r\n")},
		"an HTTP server asked about TLS": {sslRequest, []byte("HTTP/1.1 400 Bad Request\r\n")},
		"a length too short":             {startupPacket(), []byte{'R', 0, 0, 0, 2}},
	} {
		if err := readAll(t, c.first, c.script); !errors.Is(err, errNotPostgres) {
			t.Errorf("%s: %v, want errNotPostgres", name, err)
		}
	}
}
