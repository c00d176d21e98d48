package export

import (
	"os"
	"strings"
	"testing"
	"time"
)

func TestZZDebug(t *testing.T) {
	p := newPeople(heldout5Incident())
	for _, s := range strings.Split(os.Getenv("ZZ"), "|") {
		t.Logf("%q -> %q", s, p.rewrite(s, time.Time{}))
		for _, m := range p.find(s) {
			t.Logf("   %q unsure=%v %+v", s[m.start:m.end], m.unsure, m)
		}
		for _, b := range findBlame(s, p.find(s)) {
			t.Logf("   blame %s %q", b.class, b.phrase)
		}
	}
}
