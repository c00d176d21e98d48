package github

import (
	"net"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"scribe/incident"
)

// DefaultAPIURL is github.com's REST API root.
const DefaultAPIURL = "https://api.github.com/"

// ParseAPIURL reads GITHUB_API_URL: "" means github.com; otherwise an https
// URL such as https://api.github.com or https://HOST/api/v3 for GitHub
// Enterprise Server. Plain http is refused, since the token would cross
// the network in clear text, except to a loopback host (127.0.0.0/8, ::1,
// localhost), where a stand-in API or a local proxy listens and nothing
// leaves the machine.
//
// The error never repeats the value's query, fragment or userinfo: a
// token pasted into the URL by mistake would sit there.
func ParseAPIURL(raw string) (*url.URL, error) {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		raw = DefaultAPIURL
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.Opaque != "" {
		return nil, incident.Errorf(incident.EINVALID,
			"invalid GITHUB_API_URL %s: use https://api.github.com or https://HOST/api/v3 for GitHub Enterprise", describeAPIURL(raw))
	}
	if u.Scheme == "http" && !loopbackHost(u.Hostname()) {
		return nil, incident.Errorf(incident.EINVALID,
			"refusing GITHUB_API_URL %s: plain http would send the GitHub token unencrypted; use https (http is accepted only for loopback hosts: 127.0.0.0/8, ::1, localhost)",
			describeAPIURL(raw))
	}
	if u.User != nil || u.RawQuery != "" || u.ForceQuery || u.Fragment != "" || strings.Contains(raw, "#") {
		return nil, incident.Errorf(incident.EINVALID,
			"invalid GITHUB_API_URL %s: give only scheme, host and path (no credentials, query or fragment)", describeAPIURL(raw))
	}
	if h := strings.ToLower(u.Host); (h == "github.com" || h == "www.github.com") && strings.Trim(u.Path, "/") == "" {
		// The web address, given where the API is meant: there is only one
		// API it can mean.
		u, _ = url.Parse(DefaultAPIURL)
	}
	if !strings.HasSuffix(u.Path, "/") {
		u.Path += "/"
	}
	return u, nil
}

// loopbackHost reports a host whose traffic never leaves the machine:
// localhost, 127.0.0.0/8 and ::1. Other names are not resolved here, since
// what a name resolves to can change between this check and the request.
func loopbackHost(host string) bool {
	if strings.EqualFold(strings.TrimSuffix(host, "."), "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// secureScheme reports whether a request to u may carry the token: https,
// or http to a loopback host.
func secureScheme(u *url.URL) bool {
	switch strings.ToLower(u.Scheme) {
	case "https":
		return true
	case "http":
		return loopbackHost(u.Hostname())
	}
	return false
}

// WebHost is the host `gh auth token --hostname` expects for an API root:
// github.com for api.github.com, the server's host for Enterprise.
func WebHost(api *url.URL) string {
	h := api.Hostname()
	if h == "api.github.com" {
		return "github.com"
	}
	return strings.TrimPrefix(h, "api.")
}

// maxQuoted bounds how much of a bad value an error repeats.
const maxQuoted = 80

// describeAPIURL quotes a GITHUB_API_URL for an error: scheme, host and
// path only. The userinfo is replaced, the query and fragment are cut off
// (where a credential pasted by mistake would be), and the rest is made
// printable and shortened.
func describeAPIURL(raw string) string {
	s := raw
	if i := strings.IndexAny(s, "?#"); i >= 0 {
		s = s[:i] + "…"
	}
	if scheme, rest, ok := strings.Cut(s, "://"); ok {
		auth, path, hasPath := strings.Cut(rest, "/")
		if i := strings.LastIndexByte(auth, '@'); i >= 0 {
			auth = "[redacted]@" + auth[i+1:]
		}
		s = scheme + "://" + auth
		if hasPath {
			s += "/" + path
		}
	} else if i := strings.LastIndexByte(s, '@'); i >= 0 {
		s = "[redacted]@" + s[i+1:]
	}
	return quoteShort(s)
}

// quoteShort quotes a value a user gave for an error message: at most
// maxQuoted characters, Go-quoted so that control, bidirectional and
// invisible characters show as escapes, with the full length said when it was cut.
func quoteShort(s string) string {
	n := utf8.RuneCountInString(s)
	if n <= maxQuoted {
		return strconv.Quote(s)
	}
	return strconv.Quote(string([]rune(s)[:maxQuoted])) + "… (" + strconv.Itoa(n) + " characters)"
}
