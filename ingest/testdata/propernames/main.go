// Command propernames regenerates ingest/propernames.txt: the capitalised
// one-word proper names (given names, surnames, a few places and firms) of
// SCOWL's proper-names and upper lists up to size 50, by which an action item's
// leading "Lena - add a canary" is read as its owner. Run from the
// repository root with Debian's "scowl" package installed:
//
//	go run ./ingest/testdata/propernames /usr/share/dict/scowl > ingest/propernames.txt
package main

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: propernames SCOWL-DIR")
		os.Exit(2)
	}
	entries, err := os.ReadDir(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	list := regexp.MustCompile(`^(english|american)-(?:proper-names|upper)\.(\d+)$`)
	name := regexp.MustCompile(`^[A-Z][a-z]+$`)
	set := map[string]bool{}
	for _, e := range entries {
		m := list.FindStringSubmatch(e.Name())
		if m == nil {
			continue
		}
		if size, _ := strconv.Atoi(m[2]); size > 50 {
			continue
		}
		f, err := os.Open(filepath.Join(os.Args[1], e.Name()))
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			if w := sc.Text(); name.MatchString(w) {
				set[w] = true
			}
		}
		f.Close()
	}
	var out []string
	for w := range set {
		out = append(out, w)
	}
	sort.Strings(out)
	fmt.Print("# Proper names of SCOWL 2020.12.07 (Debian package \"scowl\"), english- and\n" +
		"# american-proper-names and -upper up to size 50, one capitalised word each: given names,\n" +
		"# surnames, some places and firms. Regenerate with\n" +
		"# go run ./ingest/testdata/propernames /usr/share/dict/scowl > ingest/propernames.txt\n")
	for _, w := range out {
		fmt.Println(w)
	}
}
