package e2e

import (
	"bufio"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"

	"scribe/integrations/github/githubtest"
)

// proxyTrap is an HTTP proxy that answers nothing useful and remembers
// every request line and Authorization header it was sent: a proxy may sit
// on another machine, so a plain-http request through it crosses the
// network in clear text.
type proxyTrap struct {
	mu   sync.Mutex
	seen []string
	ln   net.Listener
}

func newProxyTrap(t *testing.T) *proxyTrap {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &proxyTrap{ln: ln}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go p.serve(c)
		}
	}()
	return p
}

func (p *proxyTrap) serve(c net.Conn) {
	defer c.Close()
	req, err := http.ReadRequest(bufio.NewReader(c))
	if err != nil {
		return
	}
	p.mu.Lock()
	p.seen = append(p.seen, req.Method+" "+req.RequestURI+" Authorization="+req.Header.Get("Authorization"))
	p.mu.Unlock()
	c.Write([]byte("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"))
}

func (p *proxyTrap) requests() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]string(nil), p.seen...)
}

// Plain http is for a loopback API only, so it never goes through a proxy
// from the environment (HTTP_PROXY may name another machine): spellings of
// localhost that Go's proxy rules do not recognise as local (LOCALHOST,
// localhost.) must not send the token there either. The requests go
// straight to the stand-in on loopback and the run works.
func TestGitHubPlainHTTPNeverGoesThroughAProxy(t *testing.T) {
	gh := githubtest.New(t, ghToken)
	gh.AddRepo(ghRepo)
	trap := newProxyTrap(t)
	proxy := "http://" + trap.ln.Addr().String()
	port := gh.URL[strings.LastIndex(gh.URL, ":")+1:]
	for _, host := range []string{"LOCALHOST", "localhost.", "Localhost"} {
		db := githubIncident(t)
		env := []string{"GITHUB_API_URL=http://" + host + ":" + port, "GH_TOKEN=" + ghToken,
			"HTTP_PROXY=" + proxy, "http_proxy=" + proxy, "HTTPS_PROXY=" + proxy, "NO_PROXY=", "no_proxy="}
		r := scribe(t, db, "", env, "github", "file", "1", "--repo", ghRepo)
		if seen := trap.requests(); len(seen) > 0 {
			t.Fatalf("GITHUB_API_URL=http://%s: the proxy was sent %q", host, seen)
		}
		if r.code != 0 {
			t.Errorf("GITHUB_API_URL=http://%s: exit %d\n%s%s", host, r.code, r.stdout, r.stderr)
		}
		noToken(t, db, r)
	}
}
