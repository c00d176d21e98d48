package export

import (
	"strings"
	"unicode/utf8"
)

// wordIndex finds phrases (names, blaming words) in text in one pass over
// its words instead of one search per phrase: each phrase is filed under its
// first word, and only phrases whose first word occurs are compared. This
// keeps a 100,000-event export linear in the text's length.
type wordIndex struct {
	byWord map[string][]int
	// A word is looked up only when its first byte and its length could
	// match a key: most words of a timeline are rejected without hashing.
	first          [256]bool
	minLen, maxLen int
}

func newWordIndex() *wordIndex { return &wordIndex{byWord: map[string][]int{}} }

// lookup returns the entries filed under word.
func (ix *wordIndex) lookup(word string) []int {
	if len(word) < ix.minLen || len(word) > ix.maxLen || !ix.first[word[0]] {
		return nil
	}
	return ix.byWord[word]
}

// leadingWord is the first run of word characters of a phrase, ASCII
// lowered, without a leading '@' ("should" for "should've").
func leadingWord(phrase string) string {
	s := strings.TrimPrefix(phrase, "@")
	end := 0
	for end < len(s) {
		r, size := utf8.DecodeRuneInString(s[end:])
		if !isWordRune(r) {
			break
		}
		end += size
	}
	return asciiLower(s[:end])
}

// add files entry i under phrase's first word. Entries are kept in the order
// added, so callers add longer phrases first when those must win.
func (ix *wordIndex) add(phrase string, i int) {
	k := leadingWord(phrase)
	if k == "" {
		return
	}
	if len(ix.byWord) == 0 || len(k) < ix.minLen {
		ix.minLen = len(k)
	}
	ix.maxLen = max(ix.maxLen, len(k))
	ix.first[k[0]] = true
	ix.byWord[k] = append(ix.byWord[k], i)
}

// eachWord calls fn with the byte span of every word of lower (an ASCII-
// lowered text), left to right; fn returns where to resume scanning, at
// least end, to skip past a match.
func eachWord(lower string, fn func(start, end int) int) {
	i := 0
	for i < len(lower) {
		size := wordRuneLen(lower, i)
		if size < 0 {
			i -= size
			continue
		}
		end := i + size
		for end < len(lower) {
			size := wordRuneLen(lower, end)
			if size < 0 {
				break
			}
			end += size
		}
		i = max(fn(i, end), end)
	}
}

// wordRuneLen is the byte length of the character at s[i] when it is a word
// character, or minus its length when it is not. ASCII, the bulk of any
// timeline, is decided without decoding.
func wordRuneLen(s string, i int) int {
	if c := s[i]; c < utf8.RuneSelf {
		if l := c | 0x20; (l >= 'a' && l <= 'z') || (c >= '0' && c <= '9') || c == '_' {
			return 1
		}
		return -1
	}
	r, size := utf8.DecodeRuneInString(s[i:])
	if isWordRune(r) {
		return size
	}
	return -size
}
