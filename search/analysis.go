package search

import (
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	keywordtok "github.com/blevesearch/bleve/v2/analysis/tokenizer/single"
	unicodetok "github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/registry"
	"golang.org/x/text/unicode/norm"
)

// Names of the analysis components this package adds to Bleve. The token
// filter types live in Bleve's process-wide registry (the only way Bleve
// resolves a filter named in a persisted mapping); the analyzers built from
// them are defined on each index mapping.
const (
	exactFilterName   = "vncite_exact"  // NFC, Ð→đ, tone-mark placement
	foldFilterName    = "vncite_fold"   // diacritics removed, đ→d
	exactAnalyzer     = "vncite_exact"  // title, body
	foldedAnalyzer    = "vncite_folded" // title_f, body_f
	filterKeyAnalyzer = "vncite_key"    // case- and diacritic-insensitive filter keys
)

// init registers the two token filter types with Bleve's registry. Bleve
// resolves analysis components by name only through that registry, also
// when it reopens an index from its stored mapping, so the registration
// must exist before any index is opened; this is the one side effect.
func init() {
	_ = registry.RegisterTokenFilter(exactFilterName, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return exactFilter{}, nil
	})
	_ = registry.RegisterTokenFilter(foldFilterName, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return foldFilter{}, nil
	})
}

// addAnalyzers defines the Vietnamese analyzers on im. Folding happens in
// token filters, never in a char filter, so token offsets stay on the
// original text and highlights never cut a UTF-8 sequence.
func addAnalyzers(im *mapping.IndexMappingImpl) error {
	defs := []struct {
		name      string
		tokenizer string
		filters   []string
	}{
		{exactAnalyzer, unicodetok.Name, []string{lowercase.Name, exactFilterName}},
		{foldedAnalyzer, unicodetok.Name, []string{lowercase.Name, foldFilterName}},
		{filterKeyAnalyzer, keywordtok.Name, []string{lowercase.Name, foldFilterName}},
	}
	for _, d := range defs {
		filters := make([]interface{}, len(d.filters))
		for i, f := range d.filters {
			filters[i] = f
		}
		err := im.AddCustomAnalyzer(d.name, map[string]interface{}{
			"type":          custom.Name,
			"tokenizer":     d.tokenizer,
			"token_filters": filters,
		})
		if err != nil {
			return err
		}
	}
	im.DefaultAnalyzer = keyword.Name
	return nil
}

// exactFilter normalizes a lower-cased token for the exact field: NFC,
// "ð" (from "Ð" U+00D0, a common stand-in for "Đ") to "đ", and one
// placement of the tone mark, so "hoá" and "hóa" are the same term.
type exactFilter struct{}

func (exactFilter) Filter(ts analysis.TokenStream) analysis.TokenStream {
	for _, t := range ts {
		t.Term = exactTerm(t.Term)
	}
	return ts
}

// foldFilter removes diacritics from a lower-cased token: "đảng" → "dang".
type foldFilter struct{}

func (foldFilter) Filter(ts analysis.TokenStream) analysis.TokenStream {
	for _, t := range ts {
		t.Term = foldTerm(t.Term)
	}
	return ts
}

// vowelRows holds every Vietnamese vowel with its five tone marks, in tone
// order: none, grave, acute, hook above, tilde, dot below.
var vowelRows = [...][6]rune{
	{'a', 'à', 'á', 'ả', 'ã', 'ạ'},
	{'ă', 'ằ', 'ắ', 'ẳ', 'ẵ', 'ặ'},
	{'â', 'ầ', 'ấ', 'ẩ', 'ẫ', 'ậ'},
	{'e', 'è', 'é', 'ẻ', 'ẽ', 'ẹ'},
	{'ê', 'ề', 'ế', 'ể', 'ễ', 'ệ'},
	{'i', 'ì', 'í', 'ỉ', 'ĩ', 'ị'},
	{'o', 'ò', 'ó', 'ỏ', 'õ', 'ọ'},
	{'ô', 'ồ', 'ố', 'ổ', 'ỗ', 'ộ'},
	{'ơ', 'ờ', 'ớ', 'ở', 'ỡ', 'ợ'},
	{'u', 'ù', 'ú', 'ủ', 'ũ', 'ụ'},
	{'ư', 'ừ', 'ứ', 'ử', 'ữ', 'ự'},
	{'y', 'ỳ', 'ý', 'ỷ', 'ỹ', 'ỵ'},
}

// vowelBase is the ASCII letter of each row of vowelRows.
const vowelBase = "aaaeeiooouuy"

// shaped marks the rows whose vowel carries a shape mark (ă â ê ô ơ ư): the
// tone goes on such a vowel whenever the syllable has one.
var shaped = [len(vowelRows)]bool{1: true, 2: true, 4: true, 7: true, 8: true, 10: true}

// vowelTable maps a rune (from 'a' to 'ỹ') to 1 + its row*6 + tone in
// vowelRows, 0 for no vowel: a read-only table built once from vowelRows.
var vowelTable = func() (t [0x1efa - 'a']uint8) {
	for i, row := range vowelRows {
		for j, r := range row {
			t[r-'a'] = uint8(1 + i*6 + j)
		}
	}
	return t
}()

// splitVowel returns r's row in vowelRows and its tone (0 for none).
func splitVowel(r rune) (row, tone int, ok bool) {
	if r < 'a' || int(r-'a') >= len(vowelTable) {
		return 0, 0, false
	}
	v := int(vowelTable[r-'a'])
	if v == 0 {
		return 0, 0, false
	}
	return (v - 1) / 6, (v - 1) % 6, true
}

func isASCII(s []byte) bool {
	for _, b := range s {
		if b >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// exactTerm normalizes one lower-cased token for the exact fields.
func exactTerm(term []byte) []byte {
	if isASCII(term) {
		return term
	}
	if !norm.NFC.IsNormal(term) {
		term = norm.NFC.Bytes(term)
	}
	var buf [32]rune // most tokens fit: no allocation unless changed
	rs := buf[:0]
	changed := false
	for _, r := range string(term) {
		if r == 'ð' {
			r = 'đ'
			changed = true
		}
		rs = append(rs, r)
	}
	if placeTones(rs) {
		changed = true
	}
	if !changed {
		return term
	}
	return []byte(string(rs))
}

// placeTones moves each vowel cluster's tone mark to one canonical vowel,
// following the modern rule: on the shaped vowel if there is one (ơ in
// "ươ"), else on the last vowel of a closed syllable ("hoàng"), on the
// second of an open "oa", "oe", "uy" ("hoà", "thuỷ"), on the middle of an
// open three-vowel cluster ("khoái") and on the first of any other open
// pair ("mái"). The "u" of "qu" and the "i" of "gi" belong to the initial.
// It reports whether it changed rs.
func placeTones(rs []rune) bool {
	changed := false
	for i := 0; i < len(rs); {
		if _, _, ok := splitVowel(rs[i]); !ok {
			i++
			continue
		}
		start := i
		for i < len(rs) {
			if _, _, ok := splitVowel(rs[i]); !ok {
				break
			}
			i++
		}
		if placeTone(rs, start, i) {
			changed = true
		}
	}
	return changed
}

// placeTone handles the vowel cluster rs[start:end].
func placeTone(rs []rune, start, end int) bool {
	toned, tone := -1, 0
	for k := start; k < end; k++ {
		_, t, _ := splitVowel(rs[k])
		if t != 0 {
			if toned >= 0 {
				return false // two tones: not one syllable, leave it alone
			}
			toned, tone = k, t
		}
	}
	if toned < 0 || end-start < 2 {
		return false
	}
	// The glide of "qu" and "gi" is part of the initial consonant.
	if start > 0 && end-start >= 2 {
		row, _, _ := splitVowel(rs[start])
		prev := rs[start-1]
		if (prev == 'q' && vowelBase[row] == 'u' && !shaped[row]) || (prev == 'g' && vowelBase[row] == 'i' && row == 5) {
			start++
		}
	}
	n := end - start
	target := -1
	for k := start; k < end; k++ {
		row, _, _ := splitVowel(rs[k])
		if shaped[row] {
			target = k // the last shaped vowel: "ươ" → ơ
		}
	}
	closed := end < len(rs) && unicode.IsLetter(rs[end])
	switch {
	case target >= 0:
	case n == 1:
		target = start
	case closed:
		target = end - 1
	case n >= 3:
		target = start + 1
	default:
		pair := string([]rune{base(rs[start]), base(rs[start+1])})
		if pair == "oa" || pair == "oe" || pair == "uy" {
			target = start + 1
		} else {
			target = start
		}
	}
	if target == toned {
		return false
	}
	row, _, _ := splitVowel(rs[toned])
	rs[toned] = vowelRows[row][0]
	row, _, _ = splitVowel(rs[target])
	rs[target] = vowelRows[row][tone]
	return true
}

// base returns the toneless, unshaped ASCII letter of a vowel.
func base(r rune) rune {
	row, _, ok := splitVowel(r)
	if !ok {
		return r
	}
	return rune(vowelBase[row])
}

// foldTerm removes every diacritic from a lower-cased token; it accepts NFD
// as well as NFC input.
func foldTerm(term []byte) []byte {
	if isASCII(term) {
		return term
	}
	out := make([]byte, 0, len(term))
	for _, r := range string(term) {
		switch {
		case r < utf8.RuneSelf:
			out = append(out, byte(r))
		case r == 'đ' || r == 'ð':
			out = append(out, 'd')
		case unicode.Is(unicode.Mn, r):
			// a combining mark of NFD input
		default:
			if row, _, ok := splitVowel(r); ok {
				out = append(out, vowelBase[row])
				continue
			}
			for _, d := range norm.NFD.String(string(r)) {
				if !unicode.Is(unicode.Mn, d) {
					out = utf8.AppendRune(out, d)
				}
			}
		}
	}
	return out
}
