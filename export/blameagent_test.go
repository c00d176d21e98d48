package export

import "testing"

// TestBlameAgent: a failure verb blames a person, never a thing.
func TestBlameAgent(t *testing.T) {
	p := newPeople(heldout5Incident())
	for text, want := range map[string]bool{
		"The alert was ignored by the router because of a bad label.":                 false,
		"The alert was ignored by the on-call engineer.":                              true,
		"The alert was ignored by Gene.":                                              true,
		"The page was ignored.":                                                       true,
		"The warnings were ignored by the health check of the proxy.":                 false,
		"The load balancer forgot sticky sessions after the restart.":                 false,
		"The on-call engineer forgot the certificate renewal.":                        true,
		"Forgot to renew the certificate.":                                            true,
		"Max forgot to update the status page.":                                       true,
		"Young approved a change he clearly didn't understand.":                       true,
		"We didn't understand the failure mode until the second outage.":              false,
		"AWS forgot to notify us.":                                                    false,
		"We ignored the billing alerts on purpose during the migration window.":       false,
		"The alerts were ignored by design while the index rebuilt.":                  false,
		"Gene deliberately ignored the alert.":                                        true,
		"Dawn's hasty failover lost writes.":                                          true,
		"The SRE forgot to notify us.":                                                true,
		"The on-call engineer was supposed to get a page, but the routing was wrong.": false,
		"The engineer on call was supposed to check the dashboard every hour.":        true,
	} {
		if got := len(findBlame(text, p.find(text))) > 0; got != want {
			t.Errorf("blame(%q) = %v, want %v", text, got, want)
		}
	}
}
