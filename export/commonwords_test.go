package export

import "testing"

// TestCommonWordList: the binary search needs the file in byte order, with
// no name that namewords.txt or namenouns.txt judge their own way.
func TestCommonWordList(t *testing.T) {
	l := commonWordList()
	if len(l) < 30000 {
		t.Fatalf("%d common words, want the 38 thousand of SCOWL's small list", len(l))
	}
	for i := 1; i < len(l); i++ {
		if l[i-1] >= l[i] {
			t.Fatalf("commonwords.txt out of order at %q, %q: regenerate it", l[i-1], l[i])
		}
	}
	for _, w := range []string{"black", "street", "max", "retries", "verification"} {
		if !isCommonWord(w) {
			t.Errorf("%q is not a common word", w)
		}
	}
	for _, w := range []string{"grant", "hunter", "maria", "priya", "blackk"} {
		if isCommonWord(w) {
			t.Errorf("%q is on commonwords.txt", w)
		}
	}
}
