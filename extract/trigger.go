package extract

// triggers are the places of a text where a reference can start, found in
// one pass over its bytes (eyecite's cheap literal pre-filter): the
// scanners then look only there, instead of each searching the whole text
// for its own literals.
type triggers struct {
	slashes []int // every '/': each document number has one
	digits  []int // digit runs right after a space, a no-break space or ':' (short forms)
	tren    []int // "trên" / "tren" (anaphora: "Chỉ thị nêu trên")
	named   []namedHit
}

// namedHit is one occurrence of a literal of namedLits.
type namedHit struct {
	pos int
	lit int8 // index into namedLits
}

// namedLits are the literals that open a reference by name (scanNamed's
// searches), grouped by first byte in namedByFirst.
var namedLits = [...]string{
	litBoLuat: "Bộ luật", litLuat: "Luật", litPhapLenh: "Pháp lệnh", litLuatASCII: "Luat",
	litQuyChe: "Quy chế", litDieuLe: "Điều lệ", litHienPhap: "Hiến pháp",
	litNQDaiHoi: "Nghị quyết Đại hội", litNQdaiHoi: "Nghị quyết đại hội", litNQDAIHOI: "NGHỊ QUYẾT ĐẠI HỘI",
	litQuyCheLamViec: "Quy chế làm việc",
}

const (
	litBoLuat = iota
	litLuat
	litPhapLenh
	litLuatASCII
	litQuyChe
	litDieuLe
	litHienPhap
	litNQDaiHoi
	litNQdaiHoi
	litNQDAIHOI
	litQuyCheLamViec
	nNamedLits
)

// Byte classes of the trigger pass; 0 is an ASCII byte that starts
// nothing. Bytes from 0x80 are classed for the NFC check (see nfcStep).
const (
	tNone = iota
	tSlash
	tDigit
	tT     // 't': "trên", "tren"
	tNamed // first byte of a literal of namedLits
	tLead2 // lead byte of a two-byte rune below U+0300
	tC3    // 0xC3: Latin-1 letters, but not the Icelandic Eth
	tC4    // 0xC4: also "Đ" of "Điều lệ"
	tE1    // 0xE1: Latin Extended Additional (the Vietnamese vowels)
	tE2    // 0xE2: punctuation
	tCont  // a continuation byte
	tOther // a byte that may start a rune that is not NFC
)

var triggerClass = func() (t [256]byte) {
	t['/'] = tSlash
	for c := '0'; c <= '9'; c++ {
		t[c] = tDigit
	}
	t['t'] = tT
	for _, l := range namedLits {
		if l[0] < 0x80 {
			t[l[0]] = tNamed
		}
	}
	for c := 0x80; c < 0x100; c++ {
		t[c] = tOther
	}
	for c := 0x80; c < 0xC0; c++ {
		t[c] = tCont
	}
	for c := 0xC2; c <= 0xCB; c++ {
		t[c] = tLead2
	}
	t[0xC3], t[0xC4], t[0xE1], t[0xE2] = tC3, tC4, tE1, tE2
	return t
}()

// namedSecond holds, for each first byte, the set of second bytes of
// the literals starting with it (a bit per byte).
var namedSecond = func() (m [256][4]uint64) {
	for _, l := range namedLits {
		m[l[0]][l[1]>>6] |= 1 << (l[1] & 63)
	}
	return m
}()

// namedByFirst lists, for each first byte, the literals starting with it.
var namedByFirst = func() (m [256][]int8) {
	for k, l := range namedLits {
		m[l[0]] = append(m[l[0]], int8(k))
	}
	return m
}()

// scanTriggers finds the triggers of b in one pass. With checkNFC it also
// checks, as isNFCFast does, that b is certainly NFC, and gives up (false)
// at the first byte that says otherwise.
func scanTriggers(b []byte, checkNFC bool, t *triggers) bool {
	n := len(b)
	if t.slashes == nil {
		// One number per 400 bytes is dense text; grown when denser.
		t.slashes = make([]int, 0, n/256+8)
		t.digits = make([]int, 0, n/128+8)
	}
	nfcNext := 0 // the NFC check resumes here (after a multi-byte rune)
	if !checkNFC {
		nfcNext = n + 4
	}
	for i := 0; i < n; {
		c := b[i]
		k := triggerClass[c]
		for k == tNone {
			// Most bytes: a tight loop with nothing to spill.
			if i++; i >= n {
				return true
			}
			c = b[i]
			k = triggerClass[c]
		}
		switch k {
		case tSlash:
			t.slashes = append(t.slashes, i)
		case tDigit:
			if i > 0 {
				switch b[i-1] {
				case ' ', '\t', '\n', '\r', 0xA0, ':':
					t.digits = append(t.digits, i)
				}
			}
		case tT:
			if i+3 < n && b[i+1] == 'r' && (b[i+2] == 'e' && b[i+3] == 'n' || i+4 < n && b[i+2] == 0xC3 && b[i+3] == 0xAA && b[i+4] == 'n') {
				t.tren = append(t.tren, i)
			}
		case tNamed:
			if i+1 < n && namedSecond[c][b[i+1]>>6]&(1<<(b[i+1]&63)) != 0 {
				t.addNamed(b, i)
			}
		default:
			if k == tC4 && i+1 < n && b[i+1] == 0x90 {
				t.addNamed(b, i) // "Điều lệ"
			}
			if i < nfcNext {
				break // inside a rune already checked, or no check
			}
			// isNFCFast's test of the rune led by c; then a step over
			// its continuation bytes, which start nothing (an ASCII byte
			// inside a broken rune is still read).
			switch k {
			case tE1:
				if i+2 >= n || b[i+1] < 0xB8 || b[i+1] > 0xBB {
					return false
				}
				nfcNext = i + 3
				if b[i+2]&0xC0 == 0x80 {
					i += 3
				} else {
					i += 2
				}
				continue
			case tLead2, tC4:
			case tC3:
				if i+1 < n && (b[i+1] == 0x90 || b[i+1] == 0xB0) {
					return false // Icelandic Eth for Đ: repaired by the slow path
				}
			case tE2:
				if !(i+2 < n && (b[i+1] == 0x80 && b[i+2] >= 0x90 || b[i+1] == 0x81 && b[i+2] <= 0xAF)) {
					return false
				}
				nfcNext = i + 3
				if b[i+2]&0xC0 == 0x80 {
					i += 3
				} else {
					i += 2
				}
				continue
			default:
				return false
			}
			nfcNext = i + 2
			if i+1 < n && b[i+1]&0xC0 == 0x80 {
				i += 2
			} else {
				i++
			}
			continue
		}
		i++
	}
	return true
}

func (t *triggers) addNamed(b []byte, i int) {
	for _, k := range namedByFirst[b[i]] {
		if hasPrefixAt(b, i, namedLits[k]) {
			t.named = append(t.named, namedHit{pos: i, lit: k})
		}
	}
}

// namedAt returns the positions of literal lit, in text order.
func (t *triggers) namedAt(lit int, buf []int) []int {
	buf = buf[:0]
	for _, h := range t.named {
		if int(h.lit) == lit {
			buf = append(buf, h.pos)
		}
	}
	return buf
}
