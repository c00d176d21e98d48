// Command common regenerates export/commonwords.txt: the common English
// words that SCOWL does not know as names, so that a responder whose name is
// one of them ("Hope Black", "Lance Street", "Max Field") is recognised only
// where the sentence uses the word as a name, as namewords.txt's are. Run
// from the repository root with Debian's "scowl" package installed:
//
//	go run ./export/testdata/namewords/common /usr/share/dict/scowl > export/commonwords.txt
//
// A word qualifies when SCOWL lists it in lower case among its ordinary
// (American, British or common) words of size 35 or less (its "small" list) or its abbreviations of
// size 40 or less ("max", "min"), has at least two letters, and is in
// neither namewords.txt nor namenouns.txt.
package main

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: common SCOWL-DIR")
		os.Exit(2)
	}
	dir := os.Args[1]
	entries, err := os.ReadDir(dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	words := map[string]bool{}
	list := regexp.MustCompile(`^(english|american|british)-(words|abbreviations)\.(\d+)$`)
	lower := regexp.MustCompile(`^[a-z][a-z]+$`)
	for _, e := range entries {
		m := list.FindStringSubmatch(e.Name())
		if m == nil {
			continue
		}
		size, _ := strconv.Atoi(m[3])
		if m[2] == "words" && size > 35 || m[2] == "abbreviations" && size > 40 {
			continue
		}
		for _, w := range readLines(filepath.Join(dir, e.Name())) {
			if lower.MatchString(w) {
				words[w] = true
			}
		}
	}
	for _, f := range []string{"namewords.txt", "namenouns.txt"} {
		for _, l := range readLines(filepath.Join("export", f)) {
			if l != "" && l[0] != '#' {
				delete(words, strings.Fields(l)[0])
			}
		}
	}
	out := make([]string, 0, len(words))
	for w := range words {
		out = append(out, w)
	}
	sort.Strings(out)
	fmt.Print(header)
	for _, w := range out {
		fmt.Println(w)
	}
}

func readLines(path string) []string {
	f, err := os.Open(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		out = append(out, strings.TrimSpace(sc.Text()))
	}
	return out
}

const header = `# Common English words that SCOWL does not list as names ("black", "street",
# "max", "verification"), for responders named so anyway: like namewords.txt's,
# such a name is the person only where the sentence uses it as one ("Black
# moved traffic", "asked Street to"), and the word elsewhere ("Black box
# probes", "the dashboard went black", "Max connections", "Street-level
# outages"); after a name-word, such a capitalised word starts a setting's or
# a product's name ("Skip Verification"), not a full name.
#
# How it was made (export/testdata/namewords/common, which regenerates it):
# the lower-case words of SCOWL 2020.12.07 (Debian package "scowl") up to size
# 35 (its "small" list), British spellings too, and its lower-case
# abbreviations up to size 40, of two letters or more, without the words
# namewords.txt and namenouns.txt already have; sorted, one a line.
`
