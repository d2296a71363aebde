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

// scanTriggers finds the triggers of b in one pass. It reads eight bytes
// at a time (SWAR: a bit mask per kind of byte, see swar.go) and looks at
// single bytes only where a mask says a trigger may start. With checkNFC
// it also checks, on the same words, that b is certainly valid NFC (see
// nfcWindow), and gives up (false) at the first sign it may not be.
func scanTriggers(b []byte, checkNFC bool, t *triggers) bool {
	n := len(b)
	if t.slashes == nil {
		// One number per 400 bytes is dense text; grown when denser.
		t.slashes = make([]int, 0, n/256+8)
		t.digits = make([]int, 0, n/128+8)
	}
	var prev uint64       // the word before (zero before the text)
	var prevDigits uint64 // its digit mask
	var tail [8]byte
	for i := 0; i < n; i += 8 {
		var w uint64
		if i+8 <= n {
			w = load64(b[i:])
		} else {
			copy(tail[:], b[i:]) // zeros after the end start nothing
			w = load64(tail[:])
		}
		p1 := w<<8 | prev>>56 // p1 byte k is the byte before w's byte k
		if checkNFC && !nfcWindow(w, p1, w<<16|prev>>48) {
			// Rune by rune over the window, from the start of a rune the
			// window before cut; the next window is checked whole again.
			end := min(i+8, n)
			for j := cutRuneStart(b, i); j < end; {
				size, ok := nfcRune(b, j)
				if !ok {
					return false
				}
				j += size
			}
		}
		prev = w
		digits := between(w, '0'-1, '9'+1)
		slashes := eqMask(w, '/')
		// Bits mark, by the byte after it, each first byte of a literal:
		// "tr" of "trên"/"tren", a capital of namedLits, "Đ" (C4 90).
		tr := eqMask(p1, 't') & eqMask(w, 'r')
		named := between(p1, 'A'-1, 'Z'+1) | eqMask(p1, 0xC4)&eqMask(w, 0x90)
		// A digit run starts after a byte that is not a digit.
		runs := digits &^ (digits<<8 | prevDigits>>56)
		prevDigits = digits
		for m := slashes; m != 0; m &= m - 1 {
			t.slashes = append(t.slashes, i+bitIndex(m))
		}
		for m := runs; m != 0; m &= m - 1 {
			if k := i + bitIndex(m); k > 0 {
				switch b[k-1] {
				case ' ', '\t', '\n', '\r', 0xA0, ':':
					t.digits = append(t.digits, k)
				}
			}
		}
		for m := tr; m != 0; m &= m - 1 {
			k := i + bitIndex(m) - 1 // the 't'
			if k+3 < n && (b[k+2] == 'e' && b[k+3] == 'n' || k+4 < n && b[k+2] == 0xC3 && b[k+3] == 0xAA && b[k+4] == 'n') {
				t.tren = append(t.tren, k)
			}
		}
		for m := named; m != 0; m &= m - 1 {
			k := i + bitIndex(m) - 1 // the first byte
			if k+1 >= n {
				continue
			}
			// One table look-up: the rows of bytes that start no literal
			// are empty (a test on the first byte alone mispredicts).
			if c, d := b[k], b[k+1]; namedSecond[c][d>>6]&(1<<(d&63)) != 0 {
				t.addNamed(b, k)
			}
		}
	}
	if checkNFC {
		// A rune the last window cut at the end of the text.
		for j := cutRuneStart(b, n); j < n; {
			size, ok := nfcRune(b, j)
			if !ok {
				return false
			}
			j += size
		}
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
