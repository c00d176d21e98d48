package github_test

import (
	"net"
	"strings"
	"testing"

	ghub "scribe/integrations/github"
)

// TestFileFailsFastWhenTheAPIRefusesConnections: a mistyped loopback port
// (nothing listens there) is not a transient fault: no request reached a
// server, so nothing can have been made, and retrying with backoff only
// makes the user wait. The run stops at once, saying what was refused.
func TestFileFailsFastWhenTheAPIRefusesConnections(t *testing.T) {
	e := newEnv(t, "Alert on checkout error rate", "Canary stage")
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := "http://" + l.Addr().String()
	l.Close()
	_, err = e.file(ghub.Config{APIURL: closed}, ghub.FileOptions{})
	if err == nil {
		t.Fatal("filing against a closed port succeeded")
	}
	if len(e.sleeps) != 0 {
		t.Errorf("refused connections were retried, sleeping %v", e.sleeps)
	}
	if msg := err.Error(); !strings.Contains(msg, "cannot connect to "+strings.TrimPrefix(closed, "http://")) || !strings.Contains(msg, "GITHUB_API_URL") {
		t.Errorf("error %q does not say which address refused and what to check", msg)
	}
	for _, it := range e.stored() {
		if it.GitHub.Number != 0 {
			t.Errorf("item %d records issue #%d", it.ID, it.GitHub.Number)
		}
	}
}
