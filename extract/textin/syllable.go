package textin

import (
	"strings"
	"unicode"
)

// The syllable checker tells whether a word is a well-formed Vietnamese
// syllable: onset + rhyme (medial, nucleus, coda) + at most one tone, with
// the spelling rules (k/gh/ngh before front vowels, c/g/ng elsewhere) and the
// rule that a syllable closed by p, t, c or ch carries the sắc or nặng tone.
// It is deliberately compact: it judges which decoding of a byte stream reads
// as Vietnamese, it is not a dictionary.

// onsets, longest first so "ngh" is tried before "ng" and "n".
var onsets = []string{
	"ngh", "gh", "gi", "kh", "ng", "nh", "ph", "qu", "th", "tr", "ch",
	"b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "",
}

// rhymes is the set of toneless rhymes, built from nuclei and their codas.
var rhymes = buildRhymes()

func buildRhymes() map[string]bool {
	codas := map[string][]string{
		"a":  {"", "i", "o", "u", "y", "m", "n", "ng", "nh", "p", "t", "c", "ch"},
		"ă":  {"m", "n", "ng", "p", "t", "c"},
		"â":  {"u", "y", "m", "n", "ng", "p", "t", "c"},
		"e":  {"", "o", "m", "n", "ng", "p", "t", "c"},
		"ê":  {"", "u", "m", "n", "nh", "p", "t", "ch"},
		"i":  {"", "a", "u", "m", "n", "nh", "p", "t", "ch"},
		"iê": {"u", "m", "n", "ng", "p", "t", "c"},
		"yê": {"u", "m", "n", "ng", "p", "t", "c"},
		"y":  {""},
		"o":  {"", "i", "m", "n", "ng", "p", "t", "c"},
		"oo": {"ng", "c"},
		"ô":  {"", "i", "m", "n", "ng", "p", "t", "c"},
		"ơ":  {"", "i", "m", "n", "p", "t"},
		"u":  {"", "a", "i", "m", "n", "ng", "p", "t", "c"},
		"uô": {"i", "m", "n", "ng", "p", "t", "c"},
		"ư":  {"", "a", "i", "u", "m", "n", "ng", "t", "c"},
		"ươ": {"i", "u", "m", "n", "ng", "p", "t", "c"},
	}
	set := map[string]bool{}
	for nucleus, cs := range codas {
		for _, c := range cs {
			set[nucleus+c] = true
		}
	}
	// Medial o before a, ă, e; medial u before â, ê, y, yê, ơ.
	for _, r := range []string{"a", "ai", "ay", "ao", "am", "an", "ang", "anh", "ap", "at", "ac", "ach",
		"ăm", "ăn", "ăng", "ăt", "ăc", "e", "eo", "em", "en", "et"} {
		set["o"+r] = true
	}
	for _, r := range []string{"ân", "âng", "ât", "ây", "ê", "ên", "ênh", "êch", "êu",
		"y", "ya", "yu", "yt", "yn", "ynh", "ych", "yêu", "yên", "yêt", "ơ"} {
		set["u"+r] = true
	}
	return set
}

// stopCoda reports whether a rhyme ends in p, t, c or ch.
func stopCoda(rhyme string) bool {
	return strings.HasSuffix(rhyme, "p") || strings.HasSuffix(rhyme, "t") ||
		strings.HasSuffix(rhyme, "c") || strings.HasSuffix(rhyme, "ch")
}

// frontVowel reports whether a rhyme starts with i, e, ê or y, before which
// the velar onsets are spelled k, gh, ngh.
func frontVowel(rhyme string) bool {
	return strings.HasPrefix(rhyme, "i") || strings.HasPrefix(rhyme, "e") ||
		strings.HasPrefix(rhyme, "ê") || strings.HasPrefix(rhyme, "y")
}

// isSyllable reports whether word (letters only, any case, NFC) is a
// well-formed Vietnamese syllable.
func isSyllable(word string) bool {
	if word == "" || len(word) > 16 {
		return false
	}
	var sb strings.Builder
	tone := uint8(toneNone)
	for _, r := range word {
		r = unicode.ToLower(r)
		if v, ok := vowels.parts[r]; ok {
			if v.tone != toneNone {
				if tone != toneNone {
					return false
				}
				tone = v.tone
				v.tone = toneNone
				r = vowels.compose[v]
			}
			sb.WriteRune(r)
			continue
		}
		if r == 'đ' || r >= 'a' && r <= 'z' && r != 'f' && r != 'j' && r != 'w' && r != 'z' {
			sb.WriteRune(r)
			continue
		}
		return false
	}
	plain := sb.String()
	for _, on := range onsets {
		if !strings.HasPrefix(plain, on) {
			continue
		}
		if rhymeFits(on, plain[len(on):], tone) {
			return true
		}
	}
	return false
}

// rhymeFits checks a rhyme against its onset and tone.
func rhymeFits(onset, rhyme string, tone uint8) bool {
	if onset == "gi" {
		// "gì", "giữ", "giếng" (gi + iêng with the i shared).
		if rhyme == "" {
			return true
		}
		if strings.HasPrefix(rhyme, "i") {
			return false // "gi" + "i..." is "g" + "i..."
		}
		if strings.HasPrefix(rhyme, "ê") {
			rhyme = "i" + rhyme
		}
	}
	if !rhymes[rhyme] {
		return false
	}
	if stopCoda(rhyme) && tone != toneAcute && tone != toneDot {
		return false
	}
	switch onset {
	case "k", "gh", "ngh":
		if !frontVowel(rhyme) {
			return false
		}
	case "c", "g", "ng":
		if frontVowel(rhyme) {
			return false
		}
	case "qu":
		if strings.HasPrefix(rhyme, "o") || strings.HasPrefix(rhyme, "u") {
			return false
		}
	}
	// iê needs an onset ("tiên"); yê needs none or a medial u ("yên", "quyết").
	if strings.HasPrefix(rhyme, "iê") && onset == "" {
		return false
	}
	if strings.HasPrefix(rhyme, "yê") && onset != "" && onset != "qu" {
		return false
	}
	return true
}
