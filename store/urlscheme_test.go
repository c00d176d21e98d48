package store

import (
	"regexp"
	"testing"
)

// urlScheme is written out for speed; the expression it replaced is the
// definition it must keep to.
func TestURLSchemeMatchesItsDefinition(t *testing.T) {
	def := regexp.MustCompile(`^[A-Za-z][A-Za-z0-9+.-]*://`)
	for _, dsn := range []string{
		"", "scribe.db", "./a/b.db", "/tmp/x.db", "C:/x.db", `C:\x.db`,
		"postgres://u@h/db", "postgresql://h/db", "mysql://root@h/db", "MySQL://h",
		"sqlite3://x", "git+ssh://h/r", "a.b-c+d://x", "1http://x", "+x://y", "://x",
		"http:/x", "http:", "http", "file:scribe.db", "x://", "é://x", "ht tp://x", "a:b://x",
	} {
		if got, want := urlScheme(dsn), def.FindString(dsn); got != want {
			t.Errorf("urlScheme(%q) = %q, want %q", dsn, got, want)
		}
	}
}
