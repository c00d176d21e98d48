// Command nouns regenerates export/namenouns.txt: names whose lower-case
// spelling is an ordinary English word ("hunter", "ruby", "frost") but which
// namewords.txt leaves out because they are written capitalised, as names,
// more often than not. Run from the repository root with Debian's "scowl"
// package installed:
//
//	go run ./export/testdata/namewords/nouns /usr/share/dict/scowl > export/namenouns.txt
//
// A word qualifies when SCOWL lists it in lower case among its ordinary
// (American, British or common) words of size 35 or less (its "small" list), lists it capitalised among
// its upper-case or proper-name entries of size 50 or less (common surnames
// and given names), has at least three letters, and is not already in
// namewords.txt.
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
		fmt.Fprintln(os.Stderr, "usage: nouns SCOWL-DIR")
		os.Exit(2)
	}
	dir := os.Args[1]
	entries, err := os.ReadDir(dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	words, names := map[string]bool{}, map[string]bool{}
	list := regexp.MustCompile(`^(english|american|british)-(words|upper|proper-names)\.(\d+)$`)
	lower, capital := regexp.MustCompile(`^[a-z]+$`), regexp.MustCompile(`^[A-Z][a-z]+$`)
	for _, e := range entries {
		m := list.FindStringSubmatch(e.Name())
		if m == nil {
			continue
		}
		size, _ := strconv.Atoi(m[3])
		isWords := m[2] == "words"
		if isWords && size > 35 || !isWords && size > 50 {
			continue
		}
		for _, w := range readLines(filepath.Join(dir, e.Name())) {
			switch {
			case isWords && lower.MatchString(w):
				words[w] = true
			case !isWords && capital.MatchString(w):
				names[strings.ToLower(w)] = true
			}
		}
	}
	known := map[string]bool{}
	for _, l := range readLines(filepath.Join("export", "namewords.txt")) {
		if l != "" && l[0] != '#' {
			known[strings.Fields(l)[0]] = true
		}
	}
	var out []string
	for w := range words {
		if names[w] && !known[w] && len(w) >= 3 {
			out = append(out, w)
		}
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

const header = `# Names whose lower-case spelling is an ordinary English word ("hunter",
# "ruby", "frost", "turner") but which namewords.txt leaves out because they
# are written capitalised, as names, more often than not. A responder with
# such a name is the person wherever the name is capitalised mid-sentence;
# at the start of a sentence only a verb after it says so ("Frost confirmed",
# not "Frost on the roof units"), and in lower case a noun after it makes it
# a word ("round robin balancing", "the hunter process").
#
# How it was made (export/testdata/namewords/nouns, which regenerates it):
# the lower-case words of SCOWL 2020.12.07 (Debian package "scowl") up to size
# 35, British spellings too ("grey"), intersected with its capitalised upper-case and proper-name entries up
# to size 50, without the words namewords.txt already has.
`
