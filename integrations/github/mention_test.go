package github

import (
	"strings"
	"testing"

	"scribe/integrations/github/githubtest"
)

// unjoin undoes neutralize's changes, to check that the text reads as typed.
func unjoin(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, wordJoiner, ""), "&amp;", "&")
}

func TestNeutralizeBreaksEveryMentionAndReference(t *testing.T) {
	for _, in := range []string{
		"cc @torvalds #1234 acme/other#5",
		"@torvalds", "(@dana)", "owner: @acme/payments-sre", "thanks @a, @b-c and @D9!",
		"#1", "see #42.", "fixes acme/payments#7 and GH-12 and gh-9", "x#3",
		"reverted in deadbeef1234 and 0123456789abcdef0123456789abcdef01234567",
		"acme@1234567abc", "acme/other@cafebabe99", "build 20240512",
		"&#64;torvalds &commat;torvalds &#x40;dana &#35;12 &num;12",
		"<!-- scribe:action-item:3f2a0c8e-1111-2222-3333-444455556666 -->",
		"`@code-span` ```\n@in-a-fence #5\n```",
		"**@bold** _#7_ [@link](https://example.com) ![#8](x.png)",
		"mail dana@example.com",
		"@ torvalds", "#  1", "a@b", "caf\u00e9 babe1234567",
	} {
		out := neutralize(in)
		if got := githubtest.Links(out); len(got) != 0 {
			t.Errorf("neutralize(%q) = %q still has %q", in, out, got)
		}
		if unjoin(out) != in {
			t.Errorf("neutralize(%q) = %q does not read as typed (%q)", in, out, unjoin(out))
		}
	}
}

func TestNeutralizeLeavesPlainTextAlone(t *testing.T) {
	for _, in := range []string{
		"Page when 5xx exceed 2% for 5 minutes.", "Rotate the webhook secret", "faced 123456 abcdef",
		"AT&T and R&D", "a & b; c", "# Heading", "C# and F#", "email at example dot com", "",
	} {
		if out := neutralize(in); out != in && unjoin(out) == in && strings.Contains(out, wordJoiner) {
			// A joiner is harmless but should be needed; these need none.
			t.Errorf("neutralize(%q) = %q changed text that links nothing", in, out)
		}
	}
	if out := neutralize("AT&T and R&D, a &b"); out != "AT&T and R&D, a &b" {
		t.Errorf("an ampersand that starts no reference changed: %q", out)
	}
}

// A URL the user wrote keeps working: its fragment, SHA and path stay as
// typed, where GitHub itself makes it a link. Only its @ is broken.
func TestNeutralizeSparesURLsGitHubLinks(t *testing.T) {
	spared := []string{
		"https://github.com/acme/payments/commit/0123456789abcdef0123456789abcdef01234567",
		"see https://github.com/acme/payments/blob/main/README.md#12 and",
		"(https://wiki.example.com/pm/7#12)",
		"http://status.example.com/incidents/GH-12",
	}
	for _, in := range spared {
		if out := neutralize(in); out != in {
			t.Errorf("neutralize(%q) = %q, want the URL kept", in, out)
		}
	}
	for in, why := range map[string]string{
		"http://localhost/#12":                 "no period in the host: GitHub makes no link",
		"https://a_b.example/#12":              "an underscore in the last two labels: no link",
		"xhttps://example.com/#12":             "not at a word start: no link",
		"<div>\nhttps://example.com/#12</div>": "inside raw HTML GitHub makes no link",
		"https://example.com/@torvalds":        "the @ is broken even in a URL",
	} {
		out := neutralize(in)
		if got := githubtest.Links(out); len(got) != 0 {
			t.Errorf("neutralize(%q) = %q still has %q (%s)", in, out, got, why)
		}
	}
}

// A URL of an issue, pull request or discussion, on github.com or any
// other host (GitHub Enterprise), would show on that issue as a
// cross-reference: it goes into a code span, whole and readable, wherever
// it stands; trailing punctuation stays outside.
func TestNeutralizeQuotesIssueURLs(t *testing.T) {
	for in, want := range map[string]string{
		"see https://github.com/acme/app/issues/3":                   "see `https://github.com/acme/app/issues/3`",
		"https://github.com/acme/app/pull/3.":                        "`https://github.com/acme/app/pull/3`.",
		"(was https://ghe.corp.example/acme/app/pull/3/files)":       "(was `https://ghe.corp.example/acme/app/pull/3/files`)",
		"http://GitHub.com/acme/app/issues/3#issuecomment-12, then":  "`http://GitHub.com/acme/app/issues/3#issuecomment-12`, then",
		"www.github.com/acme/app/discussions/8 and":                  "`www.github.com/acme/app/discussions/8` and",
		"<https://github.com/acme/app/issues/3>":                     "<`https://github.com/acme/app/issues/3`>",
		"[the fix](https://github.com/acme/app/pulls/3)":             "[the fix](`https://github.com/acme/app/pulls/3`)",
		"<b>hot</b> https://github.com/acme/app/issues/3":            "<b>hot</b> `https://github.com/acme/app/issues/3`",
		"already `https://github.com/acme/app/issues/3` quoted":      "already `https://github.com/acme/app/issues/3` quoted",
		"https://github.com/acme/app/issues and github.com/a/b/pull": "https://github.com/acme/app/issues and github.com/a/b/pull",
	} {
		out := neutralize(in)
		if out != want {
			t.Errorf("neutralize(%q)\n got %q\nwant %q", in, out, want)
		}
		if got := githubtest.Links(out); len(got) != 0 {
			t.Errorf("neutralize(%q) = %q still links %q", in, out, got)
		}
	}
}

// Whatever the text, once neutralized and with no URL in it, GitHub finds
// nothing in it to ping or link, and it reads as typed.
func FuzzNeutralize(f *testing.F) {
	for _, s := range []string{"cc @torvalds #1234 acme/other#5", "GH-1 deadbeef1", "&#64;x <!-- -->", "@@1##2", "\u2060@a", "www.github.com/a/b/issues/1."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		out := neutralize(in)
		// Issue URLs gain the backticks of a code span.
		unquote := func(s string) string { return strings.ReplaceAll(s, "`", "") }
		if unquote(unjoin(out)) != unquote(strings.ReplaceAll(in, "&amp;", "&")) && !strings.Contains(in, wordJoiner) && !strings.Contains(in, "&amp;") {
			t.Fatalf("neutralize(%q) = %q does not read as typed", in, out)
		}
		if strings.Contains(strings.ToLower(in), "http") {
			return
		}
		if got := githubtest.Links(out); len(got) != 0 {
			t.Fatalf("neutralize(%q) = %q still has %q", in, out, got)
		}
	})
}

// The references a Markdown writer uses for HTML's own characters stay as
// they are (escaping them again would show "&lt;" in the issue), and
// still nothing is linked; any other reference is shown as typed.
func TestNeutralizeKeepsPunctuationReferences(t *testing.T) {
	for in, want := range map[string]string{
		"&lt;iframe src=x&gt; &amp; &quot;q&quot; &apos;a&apos;": "&lt;iframe src=x&gt; &amp; &quot;q&quot; &apos;a&apos;",
		"&lt;!-- scribe:action-item:x --&gt;":                    "&lt;!-- scribe:action-item:x --&gt;",
		"&lt;@torvalds&gt;":                                      "&lt;@" + wordJoiner + "torvalds&gt;",
		"&#64;dana &#60;":                                        "&amp;#" + wordJoiner + "64;dana &amp;#" + wordJoiner + "60;",
	} {
		out := neutralize(in)
		if out != want {
			t.Errorf("neutralize(%q)\n got %q\nwant %q", in, out, want)
		}
		if got := githubtest.Links(out); len(got) != 0 {
			t.Errorf("neutralize(%q) = %q links %q", in, out, got)
		}
	}
}
