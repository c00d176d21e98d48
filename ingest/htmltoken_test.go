package ingest

import (
	"strconv"
	"strings"
	"testing"
)

func TestHTMLTokens(t *testing.T) {
	tests := []struct{ in, want string }{
		{`<P class="x">a &amp; b</p>`, `<p>|text "a & b"|</p>`},
		{`<a title="1 > 0" href='/x'>link</a>`, `<a>|text "link"|</a>`},
		{`<!DOCTYPE html><!-- <b>not a tag</b> --><br/>x`, `<br/>|text "x"`},
		{`if a < b then <b>c</b>`, `text "if a < b then "|<b>|text "c"|</b>`},
		{`<script>if (a<b) { x = "</p>" }</SCRIPT>after`, `<script>|text "if (a<b) { x = \"</p>\" }"|</script>|text "after"`},
		{`<title>Outage &#8211; review</title>`, `<title>|text "Outage – review"|</title>`},
		{`text <b unterminated`, `text "text "`},
		{`<h2>Timeline</h2>`, `<h2>|text "Timeline"|</h2>`},
		{`<3 and </ 4`, `text "<3 and </ 4"`},
	}
	for _, tt := range tests {
		var got []string
		htmlTokens(tt.in, func(kind htmlToken, data string) {
			switch kind {
			case htmlStart:
				got = append(got, "<"+data+">")
			case htmlSelfClosing:
				got = append(got, "<"+data+"/>")
			case htmlEnd:
				got = append(got, "</"+data+">")
			default:
				got = append(got, "text "+strconv.Quote(data))
			}
		})
		if g := strings.Join(got, "|"); g != tt.want {
			t.Errorf("htmlTokens(%q)\n got %s\nwant %s", tt.in, g, tt.want)
		}
	}
}
