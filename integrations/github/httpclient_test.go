package github_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	ghub "scribe/integrations/github"
)

// A plain-http request connects only to a loopback address: one to
// another machine is refused before any byte is sent (192.0.2.1 is a
// documentation address nobody answers on, so without the check the dial
// would hang until its timeout). https is not limited.
func TestPlainHTTPConnectsOnlyToLoopback(t *testing.T) {
	c := ghub.NewHTTPClient()
	for _, u := range []string{"http://192.0.2.1:9/", "http://[2001:db8::1]:9/", "http://0.0.0.0:9/"} {
		resp, err := c.Get(u)
		if err == nil {
			resp.Body.Close()
			t.Fatalf("GET %s: answered %s, want a refusal", u, resp.Status)
		}
		if !strings.Contains(err.Error(), "not a loopback address") {
			t.Errorf("GET %s: %v; want a refusal naming loopback", u, err)
		}
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	defer srv.Close()
	local := strings.Replace(srv.URL, "127.0.0.1", "LOCALHOST", 1)
	for _, u := range []string{srv.URL, local} {
		resp, err := c.Get(u)
		if err != nil {
			t.Fatalf("GET %s (loopback): %v", u, err)
		}
		resp.Body.Close()
	}
}
