package extract

import (
	"errors"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Number is a document number taken apart.
type Number struct {
	Canonical string // "25-NQ/TW"; empty when Partial
	Seq       string // "25", "12a" (at least two digits: "05")
	Type      string // canonical abbreviation: "NQ", "QĐ"
	TypeName  string // "Nghị quyết", when a type word was given
	Issuer    string // "TW", "TTg", "BTNMT-BNV-BTC"
	Year      int    // state numbers with a year: 18/2000/CT-TTg
	// Partial is set for a short form such as "Nghị quyết 25": a type and a
	// sequence number but no issuer.
	Partial bool
	// Party is set for the Party form N-TYPE/ISSUER ("25-NQ/TW"); state
	// numbers are N/[YYYY/]TYPE-ISSUER.
	Party bool
}

// ErrNotNumber is returned by ParseNumber for text that is no document number.
var ErrNotNumber = errors.New("extract: not a document number")

// typeCanon maps a type abbreviation (upper case, with Đ or with a plain D)
// to its canonical spelling.
var typeCanon = func() map[string]string {
	canon := []string{
		// Party and state alike.
		"NQ", "KL", "CT", "QĐ", "QĐi", "QC", "HD", "KH", "CTr", "TB", "BC", "TTr", "ĐA", "CV", "BB",
		"TT", "TTLT", "NQLT", "NĐ", "CĐ", "VBHN", "PA", "L", "KLTT", "QyĐ",
		"TTLN", "HDLT", "CTLT", "KHLT", "QĐLT",
	}
	m := make(map[string]string, 2*len(canon))
	for _, c := range canon {
		up := strings.ToUpper(c)
		m[up] = c
		if d := strings.ReplaceAll(up, "Đ", "D"); d != up {
			if _, taken := m[d]; !taken {
				m[d] = c
			}
		}
	}
	m["HD"] = "HD" // plain HD is Hướng dẫn, not Hợp đồng
	return m
}()

// typeNames gives the usual full name of an abbreviation (for a document's
// own type when its heading is missing). QĐ is ambiguous (Quyết định, and
// Quy định before 2018): the word in the text wins wherever there is one.
var typeNames = map[string]string{
	"NQ": "Nghị quyết", "KL": "Kết luận", "CT": "Chỉ thị", "QĐ": "Quyết định", "QĐi": "Quy định",
	"QC": "Quy chế", "HD": "Hướng dẫn", "KH": "Kế hoạch", "CTr": "Chương trình", "TB": "Thông báo",
	"BC": "Báo cáo", "TTr": "Tờ trình", "ĐA": "Đề án", "CV": "Công văn", "BB": "Biên bản",
	"TT": "Thông tư", "TTLT": "Thông tư liên tịch", "NQLT": "Nghị quyết liên tịch", "NĐ": "Nghị định",
	"CĐ": "Công điện", "VBHN": "Văn bản hợp nhất", "PA": "Phương án", "GM": "Giấy mời",
	"Luật": "Luật", "L": "Lệnh",
}

// TypeName returns the usual full name of a type abbreviation ("KH" →
// "Kế hoạch"), or "" when it has none.
func TypeName(abbr string) string { return typeNames[abbr] }

// issuerD restores the bar of Đ in issuer codes typed with a plain D
// ("HDND" → "HĐND"); codes not listed keep their letters.
var issuerD = map[string]string{
	"HDND": "HĐND", "DU": "ĐU", "DUK": "ĐUK", "BCSD": "BCSĐ", "BCD": "BCĐ", "BGDDT": "BGDĐT",
	"BLDTBXH": "BLĐTBXH", "DHQG": "ĐHQG", "HDQT": "HĐQT", "HDTV": "HĐTV", "DTN": "ĐTN",
	"DUQSTW": "ĐUQSTW", "DUCATW": "ĐUCATW", "DDBQH": "ĐĐBQH", "DUQS": "ĐUQS", "DUCA": "ĐUCA",
	"TTGDTX": "TTGDTX", "HDPH": "HĐPH", "BQLDA": "BQLDA", "DHDN": "ĐHĐN", "HDTD": "HĐTĐ",
}

// knownIssuers are issuer codes met often enough that a number may be
// glued to them ("07/2020/QĐUBND") or joined with spaced dashes.
var knownIssuers = map[string]bool{
	"TW": true, "TU": true, "HU": true, "QU": true, "ĐU": true, "CP": true, "TTg": true, "UBND": true,
	"HĐND": true, "BNV": true, "BTC": true, "BTNMT": true, "BCA": true, "BQP": true, "BYT": true,
	"BGDĐT": true, "BLĐTBXH": true, "BTP": true, "BCT": true, "BXD": true, "BGTVT": true,
	"BNNPTNT": true, "BKHĐT": true, "BTTTT": true, "BVHTTDL": true, "BKHCN": true, "BNG": true,
	"NHNN": true, "VPCP": true, "TTCP": true, "KTNN": true, "TANDTC": true, "VKSNDTC": true,
	"UBTVQH": true, "MTTQ": true, "UBDT": true, "BNN": true,
}

// partyIssuer reports whether an issuer code is a Party committee or one
// of its organs ("TW", "TU", "BTGTW", "VPHU"): such numbers are written
// N-TYPE/ISSUER even when a text writes them the state way.
func partyIssuer(code string) bool {
	switch code {
	case "TW", "TU", "HU", "QU", "ĐU", "ĐUK", "BCSĐ", "CB", "ĐĐ", "TxU":
		return true
	}
	if len(code) < 4 {
		return false
	}
	for _, suf := range []string{"TW", "TU", "HU", "QU"} {
		if strings.HasSuffix(code, suf) {
			p := code[:len(code)-2]
			switch p {
			case "VP", "BTC", "BTG", "BDV", "UBKT", "BTGDV", "BNC", "BKT", "ĐUQS", "ĐUCA", "ĐUK", "BCĐ", "BBV", "ĐUKCQ", "ĐUKDN":
				return true
			}
		}
	}
	return false
}

// numLexer splits the few bytes of a candidate number into tokens.
type numTok struct {
	kind    int // cDigit, cLetter, cDash, cSlash, cSpace
	s, e    int // byte span in the source
	key     [20]byte
	keyLen  int  // upper-cased canonical letters or digits (bytes of key)
	lower   bool // letters: any lower-case letter
	upper   bool // letters: any upper-case letter
	horn    bool // letters: contains Ư (OCR slip for U)
	nLower  int  // letters: how many are lower case
	newline int  // spaces: newlines inside
	runes   int
}

func (t *numTok) str() string { return string(t.key[:t.keyLen]) }

// lexNumber reads tokens of a candidate number starting at b[i]. It stops at
// the first rune that cannot be part of a number, after at most len(toks)
// tokens, or at a whitespace run that is too long to be inside a number.
func lexNumber(b []byte, i int, toks []numTok) int {
	n := 0
	for i < len(b) && n < len(toks) {
		r, size := rune(b[i]), 1
		if r >= utf8.RuneSelf {
			r, size = decodeRune(b[i:])
		}
		c, class := numRune(r)
		if class == cOther {
			break
		}
		if class == cNewline {
			class = cSpace
		}
		t := &toks[n]
		if n > 0 && toks[n-1].kind == class && (class == cDigit || class == cLetter || class == cSpace) {
			t = &toks[n-1]
		} else {
			*t = numTok{kind: class, s: i}
			n++
		}
		t.e = i + size
		t.runes++
		switch class {
		case cDigit:
			if t.keyLen < len(t.key) {
				t.key[t.keyLen] = byte(c)
				t.keyLen++
			}
		case cLetter:
			if c >= 'a' && c <= 'z' {
				t.lower = true
				t.nLower++
			} else if c >= 'A' && c <= 'Z' {
				t.upper = true
			}
			if c == 'Ư' {
				t.horn = true
			}
			u := upperNum(c)
			if t.keyLen+utf8.RuneLen(u) <= len(t.key) {
				t.keyLen += utf8.EncodeRune(t.key[t.keyLen:], u)
			}
		case cSpace:
			if r == '\n' {
				t.newline++
			}
			if t.runes > 3 || t.newline > 1 {
				// Too much space to be inside a number: end before it.
				return n - 1
			}
		}
		i += size
	}
	return n
}

// parsed is the result of reading one number in text.
type parsed struct {
	Number
	end  int  // byte offset just after the number
	horn bool // the issuer had Ư for U ("TƯ"): decide from context
}

// numParser walks the tokens of one candidate.
type numParser struct {
	t   []numTok
	pos int
}

func (p *numParser) peek() *numTok {
	if p.pos < len(p.t) {
		return &p.t[p.pos]
	}
	return nil
}

// skipSpace steps over one whitespace token.
func (p *numParser) skipSpace() {
	if t := p.peek(); t != nil && t.kind == cSpace {
		p.pos++
	}
}

// accept returns the next token (after optional space when spaced) if it
// has the kind.
func (p *numParser) accept(kind int, spaced bool) *numTok {
	save := p.pos
	if spaced {
		p.skipSpace()
	}
	if t := p.peek(); t != nil && t.kind == kind {
		p.pos++
		return t
	}
	p.pos = save
	return nil
}

// parseNumberAt reads a document number whose sequence number starts at
// b[start]. strong is set when the context says a number follows ("số",
// a type word), which admits the bare state form "1234/UBND-VX".
func parseNumberAt(b []byte, start int, strong bool) (parsed, bool) {
	var buf [16]numTok
	return parseNumberTok(b, start, strong, &buf)
}

// parseNumberTok is parseNumberAt with the caller's token buffer (the
// scanner reuses one rather than clearing 16 tokens per slash).
func parseNumberTok(b []byte, start int, strong bool, buf *[16]numTok) (parsed, bool) {
	n := lexNumber(b, start, buf[:])
	p := numParser{t: buf[:n]}
	seqTok := p.accept(cDigit, false)
	if seqTok == nil || seqTok.keyLen > 6 || seqTok.runes > 6 {
		return parsed{}, false
	}
	seq, ok := seqOf(seqTok)
	if !ok {
		return parsed{}, false
	}
	// A one-letter suffix of the sequence number: "12a/2019/NQ-HĐND".
	if t := p.peek(); t != nil && t.kind == cLetter && t.runes == 1 && (t.lower || t.upper) && !t.horn {
		next := p.pos + 1
		if next < len(p.t) && p.t[next].kind == cSpace {
			next++ // "04a / 2014 / NQ-HĐND"
		}
		if next < len(p.t) && (p.t[next].kind == cSlash || p.t[next].kind == cDash) {
			seq, _ = normSeq(seqTok.str(), strings.ToLower(t.str()))
			p.pos++
		}
	}
	var out parsed
	out.Seq = seq
	save := p.pos
	// Party form: N-TYPE/ISSUER, or N TYPE/ISSUER glued ("218QĐ/TW").
	if d := p.accept(cDash, true); d != nil || (p.peek() != nil && p.peek().kind == cLetter) {
		if d != nil {
			p.skipSpace()
		}
		if ty := p.accept(cLetter, false); ty != nil {
			if canon, ok := typeCanon[string(ty.key[:ty.keyLen])]; ok {
				if p.accept(cSlash, true) != nil {
					p.skipSpace()
					if is := p.accept(cLetter, false); is != nil && validIssuerTok(is) {
						issuer, horn := canonIssuer(is)
						out.Type, out.Issuer, out.Party, out.horn = canon, issuer, true, horn
						// A state issuer after the slash with a trailing
						// unit ("123-QĐ/UBND-VX") is not this form.
						out.end = is.e
						if partyIssuer(issuer) || !followedByDashLetter(&p) {
							return finish(b, out)
						}
					}
				}
			}
		}
		if d != nil {
			return parsed{}, false
		}
		p.pos = save
	}
	// State form: N/[YYYY/]TYPE-ISSUER[-ISSUER...], N/YYYY/QHk, N/ISSUER-UNIT.
	if p.accept(cSlash, true) == nil {
		return parsed{}, false
	}
	p.skipSpace()
	if y := p.peek(); y != nil && y.kind == cDigit {
		if y.keyLen != 4 {
			return parsed{}, false
		}
		year, _ := strconv.Atoi(y.str())
		if year < 1945 || year > 2100 {
			return parsed{}, false
		}
		p.pos++
		if p.accept(cSlash, true) == nil {
			return parsed{}, false
		}
		p.skipSpace()
		out.Year = year
	}
	a := p.accept(cLetter, false)
	if a == nil || !validIssuerTok(a) {
		return parsed{}, false
	}
	// Laws and resolutions of the National Assembly: 10/2022/QH15.
	if k := a.str(); (k == "QH" || k == "UBTVQH") && out.Year > 0 {
		if d := p.peek(); d != nil && d.kind == cDigit && d.s == a.e && d.keyLen <= 2 {
			p.pos++
			out.Issuer = k + d.str()
			out.end = d.e
			return finish(b, out)
		}
		return parsed{}, false
	}
	if canon, ok := typeCanon[string(a.key[:a.keyLen])]; ok {
		sep := p.accept(cDash, false)
		if sep == nil {
			sep = p.accept(cSlash, false) // "03/2015/TTLT/BTNMT-BNV"
		}
		if sep == nil {
			// Spaces around the dash: "16/CT - TTg".
			sep = p.accept(cDash, true)
			if sep != nil {
				p.skipSpace()
			}
		}
		if sep != nil {
			p.skipSpace() // "NĐ- CP", "CT-\nTTg"
			issuers, end, horn, ok := parseIssuers(&p)
			if ok {
				out.Type, out.Issuer, out.end, out.horn = canon, issuers, end, horn
				if out.Year == 0 && partyIssuer(out.Issuer) && !strings.Contains(out.Issuer, "-") {
					out.Party = true // "25/NQ-TW" is 25-NQ/TW
				}
				return finish(b, out)
			}
			return parsed{}, false
		}
	}
	// Type glued to the issuer: "07/2020/QĐUBND", "45/2016/TTBTC".
	if ty, is, ok := splitGlued(a.str()); ok && (out.Year > 0 || strong) {
		out.Type, out.Issuer, out.end = ty, is, a.e
		out.Party = out.Year == 0 && partyIssuer(is)
		return finish(b, out)
	}
	// No type at all: an official letter "1234/UBND-VX", only where the
	// context says a number stands here, and only with a unit after the
	// issuer or an issuer we know ("số 12/QL20" is an address).
	if strong && !a.lower && a.runes >= 2 {
		p.pos--
		issuers, end, horn, ok := parseIssuers(&p)
		first := issuers[:strings.IndexByte(issuers+"-", '-')]
		if ok && (strings.Contains(issuers, "-") || knownIssuers[issuers]) && !strings.ContainsAny(first, "0123456789") && !notDirectiveCode[first] && agencyCode(first) {
			out.Issuer, out.end, out.horn = issuers, end, horn
			return finish(b, out)
		}
	}
	return parsed{}, false
}

// notDirectiveCode are codes in the place of a type that mark papers
// other than directives: licences, invitations, certificates, contracts,
// registrations.
var notDirectiveCode = map[string]bool{"GP": true, "GM": true, "GCN": true, "GXN": true, "HĐ": true, "HD": false, "ĐK": true, "ĐKKD": true, "HĐLĐ": true, "GPXD": true}

// agencyCode reports whether a code can name the agency that sends an
// official letter ("1234/UBND-VX", "567/SNV-CCVC", "89/BNV-TCBC",
// "12/TTg-KGVX"): a known issuer, or the shape of a Sở, Bộ, Ban, office,
// committee or police code. "Mã số 123/ABC-DEF" is not one.
func agencyCode(c string) bool {
	if knownIssuers[c] || partyIssuer(c) {
		return true
	}
	if n := len(c); n < 2 || n > 8 {
		return false
	}
	for _, p := range []string{"S", "B", "VP", "UB", "HĐ", "CA", "BCH", "ĐU", "MT", "TTg", "CP", "BQL", "TA", "VKS"} {
		if strings.HasPrefix(c, p) {
			return true
		}
	}
	return false
}

// followedByDashLetter reports whether the parser stands before "-LETTERS".
func followedByDashLetter(p *numParser) bool {
	if p.pos+1 < len(p.t) && p.t[p.pos].kind == cDash && p.t[p.pos+1].kind == cLetter {
		return true
	}
	return false
}

// parseIssuers reads ISSUER(-ISSUER)*: joint documents name several.
func parseIssuers(p *numParser) (string, int, bool, bool) {
	var parts []string
	end, horn := 0, false
	for {
		is := p.accept(cLetter, false)
		if is == nil || !validIssuerTok(is) {
			break
		}
		code, h := canonIssuer(is)
		horn = horn || h
		// Digits glued to a code: "UBND-KT1" keeps them.
		if d := p.peek(); d != nil && d.kind == cDigit && d.s == is.e && d.keyLen <= 2 {
			code += d.str()
			p.pos++
			is = d
		}
		parts = append(parts, code)
		end = is.e
		save := p.pos
		if p.accept(cDash, false) != nil {
			continue
		}
		// A spaced dash only joins codes we know ("BTNMT - BNV"); else it
		// is the text's own dash ("16/CT-TTg - nhằm").
		if p.accept(cDash, true) != nil {
			p.skipSpace()
			if nt := p.peek(); nt != nil && nt.kind == cLetter {
				if c, _ := canonIssuer(nt); knownIssuers[c] {
					continue
				}
			}
		}
		p.pos = save
		break
	}
	if len(parts) == 0 {
		return "", 0, false, false
	}
	return strings.Join(parts, "-"), end, horn, true
}

// validIssuerTok rejects letter runs that cannot be an issuer code: too
// long, or mixed case other than the usual "TTg".
func validIssuerTok(t *numTok) bool {
	if t.runes > 12 {
		return false
	}
	if t.lower && t.upper {
		// Mixed case as in "TTg", "QĐi", "CTr", "GDTrH": mostly capitals,
		// one or two small letters; not a word such as "Ban".
		return t.nLower <= 2 && t.runes-t.nLower >= 2 && t.runes-t.nLower > t.nLower
	}
	return true
}

// canonIssuer returns the canonical spelling of one issuer code and whether
// it had Ư where U was meant.
func canonIssuer(t *numTok) (string, bool) {
	if !t.horn {
		if c, ok := issuerCanon[string(t.key[:t.keyLen])]; ok {
			return c, false // a common code: no new string
		}
	}
	return canonIssuerSlow(t.str(), t.horn)
}

// canonIssuerSlow is canonIssuer of the key k of a token.
func canonIssuerSlow(k string, horn bool) (string, bool) {
	if horn {
		k = strings.ReplaceAll(k, "Ư", "U")
	}
	switch k {
	case "TTG":
		return "TTg", horn
	case "TXU":
		return "TxU", horn
	case "TVV":
		return "TW", true // OCR reads W as VV
	}
	if d, ok := issuerD[k]; ok {
		return d, horn
	}
	return k, horn
}

// issuerCanon maps common issuer codes (upper-cased, as numTok keys hold
// them) to what canonIssuer returns for them, so that these need no new
// string.
var issuerCanon = func() map[string]string {
	m := map[string]string{}
	for k := range knownIssuers {
		m[strings.ToUpper(k)] = ""
	}
	for k, v := range issuerD {
		m[k], m[v] = "", ""
	}
	for _, k := range []string{"TW", "TU", "HU", "QU", "ĐU", "ĐUK", "BCSĐ", "CB", "ĐĐ", "TXU", "TTG", "VX", "KT", "NC", "TH", "VP", "BTGTW", "BDVTW", "BTCTW", "UBKTTW", "VPTW"} {
		m[k] = ""
	}
	for k := range m {
		c, _ := canonIssuerSlow(k, false)
		m[k] = c
	}
	return m
}()

// seqStrings are the canonical sequence numbers 1..999 ("01", "25").
var seqStrings = func() (t [1000]string) {
	for v := 1; v < len(t); v++ {
		t[v], _ = normSeq(strconv.Itoa(v), "")
	}
	return t
}()

// seqOf is normSeq of a digit token, without a new string for 1..999.
func seqOf(t *numTok) (string, bool) {
	v := 0
	for _, c := range t.key[:t.keyLen] {
		v = v*10 + int(c-'0')
	}
	if v > 0 && v < len(seqStrings) {
		return seqStrings[v], true
	}
	return normSeq(t.str(), "")
}

// splitGlued splits "QĐUBND" into a known type and a known issuer.
func splitGlued(k string) (string, string, bool) {
	for i := len(k) - 1; i > 0; i-- {
		if canon, ok := typeCanon[k[:i]]; ok {
			rest := k[i:]
			if d, ok := issuerD[rest]; ok {
				rest = d
			}
			if rest == "TTG" {
				rest = "TTg"
			}
			if knownIssuers[rest] {
				return canon, rest, true
			}
		}
	}
	return "", "", false
}

// normSeq strips leading zeros and pads to two digits ("5" and "005" are
// "05", as documents are numbered from 01), keeping a letter suffix.
func normSeq(digits, suffix string) (string, bool) {
	d := strings.TrimLeft(digits, "0")
	if d == "" {
		return "", false
	}
	if len(d) == 1 {
		d = "0" + d
	}
	return d + suffix, true
}

// finish checks what follows the number and fills the canonical form.
func finish(b []byte, out parsed) (parsed, bool) {
	e := out.end
	if e < len(b) {
		r, size := decodeRune(b[e:])
		// A letter right after: part of a longer word, not a number.
		if isWordRune(r) {
			return parsed{}, false
		}
		// Paths and file names: ".../25-NQ/TW/abc", "25-NQ-TW.pdf".
		if r == '/' || r == '_' || r == '\\' {
			return parsed{}, false
		}
		if r == '.' && e+size < len(b) && b[e+size] >= 'a' && b[e+size] <= 'z' {
			return parsed{}, false
		}
	}
	out.Canonical = out.canonical()
	return out, true
}

func (n *Number) canonical() string {
	var sb strings.Builder
	sb.Grow(24)
	sb.WriteString(n.Seq)
	if n.Party {
		sb.WriteByte('-')
		sb.WriteString(n.Type)
		sb.WriteByte('/')
		sb.WriteString(n.Issuer)
		return sb.String()
	}
	sb.WriteByte('/')
	if n.Year > 0 {
		sb.WriteString(strconv.Itoa(n.Year))
		sb.WriteByte('/')
	}
	if n.Type != "" && !strings.HasPrefix(n.Issuer, "QH") && !strings.HasPrefix(n.Issuer, "UBTVQH") {
		sb.WriteString(n.Type)
		sb.WriteByte('-')
	}
	sb.WriteString(n.Issuer)
	return sb.String()
}

// ParseNumber parses a document number in any spelling, optionally preceded
// by its type word and "số" ("Nghị quyết số 25-NQ/TW", "nq 25/tw",
// "Nghị quyết 25" → Partial).
func ParseNumber(s string) (Number, error) {
	if len(s) > 300 {
		return Number{}, ErrNotNumber
	}
	// NFKC also folds full-width digits and letters ("２５－ＮＱ").
	s = norm.NFKC.String(strings.TrimSpace(s))
	b := []byte(s)
	i := 0
	var typeName, typeAbbr string
	if tw, end, ok := typeWordAt(b, 0); ok {
		typeName, typeAbbr = tw.name, tw.abbr
		i = end
	} else if abbr, end, ok := typeAbbrAt(b, 0); ok {
		typeAbbr = abbr
		i = end
	}
	i = skipSo(b, skipSpaces(b, i))
	i = skipSpaces(b, i)
	if i >= len(b) || b[i] < '0' || b[i] > '9' {
		return Number{}, ErrNotNumber
	}
	rest := trimTrailingPunct(b)
	if p, ok := parseNumberAt(rest, i, true); ok && skipSpaces(rest, p.end) == len(rest) {
		n := p.Number
		if typeName != "" {
			n.TypeName = typeName
		}
		if n.Type == "" && typeAbbr != "" && !n.Party {
			n.Type = typeAbbr
			// "NQ 25/TW": the type was given before a Party issuer.
			if n.Year == 0 && !strings.Contains(n.Issuer, "-") && partyIssuer(n.Issuer) {
				n.Party = true
				n.Canonical = n.canonical()
			}
		}
		return n, nil
	}
	// "nq 25/tw": a type abbreviation, then N/ISSUER in any case.
	if typeAbbr != "" {
		var toks [6]numTok
		k := lexNumber(rest, i, toks[:])
		var kinds []int
		for _, t := range toks[:k] {
			if t.kind != cSpace {
				kinds = append(kinds, t.kind)
			}
		}
		// The sequence number as long as the grammar allows (six digits),
		// so that the canonical form parses again.
		if len(kinds) == 3 && kinds[0] == cDigit && kinds[1] == cSlash && kinds[2] == cLetter && toks[k-1].e == len(rest) &&
			toks[0].keyLen <= 6 && toks[0].runes <= 6 {
			is, _ := canonIssuer(&toks[k-1])
			seq, ok := normSeq(toks[0].str(), "")
			if ok && partyIssuer(is) {
				n := Number{Seq: seq, Type: typeAbbr, TypeName: typeName, Issuer: is, Party: true}
				n.Canonical = n.canonical()
				return n, nil
			}
		}
	}
	// A bare sequence number after a type: a short form.
	j := i
	for j < len(rest) && rest[j] >= '0' && rest[j] <= '9' {
		j++
	}
	if typeAbbr != "" && j-i <= 6 && skipSpaces(rest, j) == len(rest) {
		seq, ok := normSeq(string(rest[i:j]), "")
		if !ok {
			return Number{}, ErrNotNumber
		}
		return Number{Seq: seq, Type: typeAbbr, TypeName: typeName, Partial: true}, nil
	}
	return Number{}, ErrNotNumber
}

// Canonical returns the canonical form of a document number in any spelling:
// "218- QĐ/TW", "218-QD/TW", "nq 25/tw" → "218-QĐ/TW", "25-NQ/TW".
func Canonical(s string) (string, error) {
	n, err := ParseNumber(s)
	if err != nil {
		return "", err
	}
	if n.Partial {
		return "", ErrNotNumber
	}
	return n.Canonical, nil
}

func skipSpaces(b []byte, i int) int {
	for {
		ok, size := isSpaceAt(b, i)
		if !ok {
			return i
		}
		i += size
	}
}

// skipSo steps over "số", "Số", "SỐ", "so" and a colon after it.
func skipSo(b []byte, i int) int {
	for _, w := range []string{"số", "Số", "SỐ", "so", "So", "SO", "sô", "Sô"} {
		if hasPrefixAt(b, i, w) {
			j := i + len(w)
			if j < len(b) {
				r, _ := decodeRune(b[j:])
				if isWordRune(r) {
					continue
				}
			}
			j = skipSpaces(b, j)
			if j < len(b) && (b[j] == ':' || b[j] == '.') {
				j++
			}
			return j
		}
	}
	return i
}

func hasPrefixAt(b []byte, i int, w string) bool {
	return i+len(w) <= len(b) && string(b[i:i+len(w)]) == w
}

func trimTrailingPunct(b []byte) []byte {
	for len(b) > 0 {
		switch b[len(b)-1] {
		case '.', ',', ';', ':', ')', ' ', '"':
			b = b[:len(b)-1]
			continue
		}
		break
	}
	return b
}

// typeAbbrAt reads a type abbreviation used as a prefix ("NQ 25/TW").
func typeAbbrAt(b []byte, i int) (string, int, bool) {
	var toks [2]numTok
	n := lexNumber(b, i, toks[:])
	if n < 2 || toks[0].kind != cLetter || toks[1].kind != cSpace {
		return "", i, false
	}
	canon, ok := typeCanon[toks[0].str()]
	if !ok {
		return "", i, false
	}
	return canon, toks[1].e, true
}
