package github

import (
	"net/url"
	"strings"

	"scribe/incident"
)

// DefaultAPIURL is github.com's REST API root.
const DefaultAPIURL = "https://api.github.com/"

// ParseAPIURL reads GITHUB_API_URL: "" means github.com; otherwise an http
// or https URL such as https://api.github.com or https://HOST/api/v3 for
// GitHub Enterprise Server. It is used as given (with a trailing slash), so
// a stand-in API on loopback works too.
func ParseAPIURL(raw string) (*url.URL, error) {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		raw = DefaultAPIURL
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, incident.Errorf(incident.EINVALID,
			"invalid GITHUB_API_URL %q: use https://api.github.com or https://HOST/api/v3 for GitHub Enterprise", redactUserinfo(raw))
	}
	if u.User != nil || u.RawQuery != "" || u.Fragment != "" {
		return nil, incident.Errorf(incident.EINVALID,
			"invalid GITHUB_API_URL %q: give only scheme, host and path (no credentials, query or fragment)", redactUserinfo(raw))
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

// WebHost is the host `gh auth token --hostname` expects for an API root:
// github.com for api.github.com, the server's host for Enterprise.
func WebHost(api *url.URL) string {
	h := api.Hostname()
	if h == "api.github.com" {
		return "github.com"
	}
	return strings.TrimPrefix(h, "api.")
}

// redactUserinfo hides anything before an @ in the authority, where a
// credential could have been pasted.
func redactUserinfo(raw string) string {
	scheme, rest, ok := strings.Cut(raw, "://")
	if !ok {
		return raw
	}
	auth, path, _ := strings.Cut(rest, "/")
	if i := strings.LastIndexByte(auth, '@'); i >= 0 {
		auth = "[redacted]@" + auth[i+1:]
	}
	if path != "" || strings.Contains(rest, "/") {
		return scheme + "://" + auth + "/" + path
	}
	return scheme + "://" + auth
}
