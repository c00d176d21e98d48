package lazyregexp

import (
	"strings"
	"testing"
)

func TestNewCompilesOnceAndMatches(t *testing.T) {
	re := New(`^(\d+)-(\d+)$`)
	first := re()
	if first != re() {
		t.Fatal("second call compiled the expression again")
	}
	m := first.FindStringSubmatch("12-34")
	if len(m) != 3 || m[1] != "12" || m[2] != "34" {
		t.Fatalf("FindStringSubmatch(12-34) = %q", m)
	}
	if first.MatchString("12-x") {
		t.Fatal("12-x matched")
	}
}

func TestNewDefersABadExpressionToItsFirstUse(t *testing.T) {
	re := New(`(unclosed`) // building it must not panic
	defer func() {
		msg, _ := recover().(string)
		if !strings.Contains(msg, "missing closing )") {
			t.Fatalf("first use of a bad expression panicked with %q, want the parse error", msg)
		}
	}()
	re()
	t.Fatal("first use of a bad expression did not panic")
}
