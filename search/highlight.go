package search

import (
	"html"
	"slices"
	"strings"
	"unicode/utf8"

	bsearch "github.com/blevesearch/bleve/v2/search"
)

// Highlight shape.
const (
	maxFragments       = 3
	bodyFragmentBytes  = 240
	titleFragmentBytes = 400
	contextBefore      = 80 // bytes of text shown before the first match of a fragment
)

// span is a byte range [start, end) of a field's text.
type span struct{ start, end int }

// matchSpans collects the byte ranges of the matched terms of a field from
// the term locations of its exact and folded copies (same text, same
// tokenizer, so the same offsets), sorted, without duplicates. Offsets that
// fall outside text or inside a UTF-8 sequence are dropped, so a fragment can
// never cut a character in half.
func matchSpans(text string, locs ...bsearch.TermLocationMap) []span {
	var out []span
	for _, tl := range locs {
		for _, ls := range tl {
			for _, l := range ls {
				s, e := int(l.Start), int(l.End)
				if s < 0 || e > len(text) || s >= e || !utf8.RuneStart(text[s]) || (e < len(text) && !utf8.RuneStart(text[e])) {
					continue
				}
				out = append(out, span{s, e})
			}
		}
	}
	slices.SortFunc(out, func(a, b span) int {
		if a.start != b.start {
			return a.start - b.start
		}
		return b.end - a.end
	})
	// Drop duplicates and spans inside an earlier one; join the parts of
	// a document number ("25", "NQ", "TW" of 25-NQ/TW) into one span.
	kept := out[:0]
	for _, s := range out {
		n := len(kept)
		if n > 0 && s.start < kept[n-1].end {
			continue
		}
		if n > 0 && isNumberJoint(text[kept[n-1].end:s.start]) {
			kept[n-1].end = s.end
			continue
		}
		kept = append(kept, s)
	}
	return kept
}

// isNumberJoint reports whether gap is the separator between the parts of
// a document number: one "-", "/" or "." with no space.
func isNumberJoint(gap string) bool {
	return gap == "-" || gap == "/" || gap == "."
}

// fragments cuts text into at most maxFrags fragments of about width bytes around
// spans, HTML-escaped, each span wrapped in <mark>…</mark>. A fragment that
// does not start or end with the text gets "…" there.
func fragments(text string, spans []span, maxFrags, width int) []string {
	var out []string
	for i := 0; i < len(spans) && len(out) < maxFrags; {
		start := 0
		if len(text) > width {
			start = wordStart(text, spans[i].start-contextBefore, spans[i].start)
		}
		limit := max(start+width, spans[i].end)
		end := len(text)
		if limit < len(text) {
			end = wordEnd(text, limit, spans[i].end)
		}
		var b strings.Builder
		if start > 0 {
			b.WriteString("…")
		}
		pos := start
		for ; i < len(spans) && spans[i].end <= end; i++ {
			b.WriteString(html.EscapeString(text[pos:spans[i].start]))
			b.WriteString("<mark>")
			b.WriteString(html.EscapeString(text[spans[i].start:spans[i].end]))
			b.WriteString("</mark>")
			pos = spans[i].end
		}
		b.WriteString(html.EscapeString(text[pos:end]))
		if end < len(text) {
			b.WriteString("…")
		}
		out = append(out, strings.TrimSpace(b.String()))
	}
	return out
}

// wordStart returns a position at or after from (and at most before) where
// a word starts: just after a space, else at a rune boundary.
func wordStart(text string, from, before int) int {
	if from <= 0 {
		return 0
	}
	if i := strings.IndexAny(text[from:before], " \n\t"); i >= 0 {
		return from + i + 1
	}
	for from < before && !utf8.RuneStart(text[from]) {
		from++
	}
	return from
}

// wordEnd returns a position at or before limit (and at least after) where
// a word ends: at a space, else at a rune boundary.
func wordEnd(text string, limit, after int) int {
	if i := strings.LastIndexAny(text[after:limit], " \n\t"); i >= 0 {
		return after + i
	}
	for limit > after && limit < len(text) && !utf8.RuneStart(text[limit]) {
		limit--
	}
	return limit
}
