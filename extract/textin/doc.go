package textin

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// Legacy Word (.doc, Word 97-2003) files are OLE2 compound files. The text
// of the WordDocument stream is found through the piece table (the Clx in
// the table stream): each piece is either 8-bit Windows-1252 or UTF-16.
// Old Vietnamese documents set in .VnTime or VNI fonts store their 8-bit
// codes as Windows-1252 pieces, which the mojibake repair then decodes.

// oleMagic starts every OLE2 compound file: .doc, .xls, .ppt and
// password-protected Office files.
const oleMagic = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"

// errNotCFB and friends are wrapped into ErrCorrupt by decodeDOC.
var errNotCFB = errors.New("not an OLE2 compound file")

const (
	cfbEndOfChain = 0xFFFFFFFE
	cfbFree       = 0xFFFFFFFF
	cfbMaxSectors = 1 << 24
)

// cfbEntry is a directory entry of a compound file.
type cfbEntry struct {
	name  string
	typ   byte // 1 storage, 2 stream, 5 root
	start uint32
	size  uint64
}

// cfbFile reads streams out of a compound file held in memory.
type cfbFile struct {
	data        []byte
	sectorSize  int
	miniSize    int
	miniCutoff  uint64
	fat         []uint32
	miniFAT     []uint32
	miniStream  []byte
	entries     []cfbEntry
	maxExpanded int64
}

func le16(b []byte, off int) uint16 {
	if off < 0 || off+2 > len(b) {
		return 0
	}
	return binary.LittleEndian.Uint16(b[off:])
}

func le32(b []byte, off int) uint32 {
	if off < 0 || off+4 > len(b) {
		return 0
	}
	return binary.LittleEndian.Uint32(b[off:])
}

// openCFB parses the header, FAT, directory and mini stream.
func openCFB(data []byte, maxExpanded int64) (*cfbFile, error) {
	if len(data) < 512 || !bytes.HasPrefix(data, []byte(oleMagic)) {
		return nil, errNotCFB
	}
	shift := le16(data, 0x1E)
	miniShift := le16(data, 0x20)
	if shift != 9 && shift != 12 || miniShift != 6 {
		return nil, fmt.Errorf("sector size 2^%d, mini sector 2^%d", shift, miniShift)
	}
	f := &cfbFile{data: data, sectorSize: 1 << shift, miniSize: 1 << miniShift,
		miniCutoff: uint64(le32(data, 0x38)), maxExpanded: maxExpanded}
	nSectors := (len(data) - 512) / f.sectorSize
	if nSectors <= 0 || nSectors > cfbMaxSectors {
		return nil, fmt.Errorf("%d sectors", nSectors)
	}
	// The FAT's own sectors: 109 in the header, the rest in a DIFAT chain.
	var fatSectors []uint32
	for i := 0; i < 109; i++ {
		if s := le32(data, 0x4C+4*i); s < uint32(nSectors) {
			fatSectors = append(fatSectors, s)
		}
	}
	difat := le32(data, 0x44)
	perSector := f.sectorSize/4 - 1
	for seen := 0; difat < uint32(nSectors) && seen < nSectors; seen++ {
		sec := f.sector(difat)
		for i := 0; i < perSector; i++ {
			if s := le32(sec, 4*i); s < uint32(nSectors) {
				fatSectors = append(fatSectors, s)
			}
		}
		difat = le32(sec, 4*perSector)
	}
	for _, s := range fatSectors {
		sec := f.sector(s)
		for i := 0; i+4 <= len(sec); i += 4 {
			f.fat = append(f.fat, le32(sec, i))
		}
	}
	dir, err := f.chain(le32(data, 0x30), f.fat, f.sectorSize, f.sector, 0)
	if err != nil {
		return nil, fmt.Errorf("directory: %w", err)
	}
	for off := 0; off+128 <= len(dir); off += 128 {
		e := dir[off : off+128]
		n := int(le16(e, 0x40))
		if n < 2 || n > 64 {
			f.entries = append(f.entries, cfbEntry{})
			continue
		}
		units := make([]uint16, (n-2)/2)
		for i := range units {
			units[i] = le16(e, 2*i)
		}
		size := uint64(le32(e, 0x78))
		if f.sectorSize == 4096 {
			size |= uint64(le32(e, 0x7C)) << 32
		}
		f.entries = append(f.entries, cfbEntry{name: string(utf16.Decode(units)), typ: e[0x42], start: le32(e, 0x74), size: size})
	}
	if len(f.entries) == 0 || f.entries[0].typ != 5 {
		return nil, errors.New("no root entry")
	}
	if mf := le32(data, 0x3C); mf < uint32(nSectors) {
		b, err := f.chain(mf, f.fat, f.sectorSize, f.sector, 0)
		if err != nil {
			return nil, fmt.Errorf("mini FAT: %w", err)
		}
		for i := 0; i+4 <= len(b); i += 4 {
			f.miniFAT = append(f.miniFAT, le32(b, i))
		}
	}
	root := f.entries[0]
	if root.size > 0 {
		if f.miniStream, err = f.chain(root.start, f.fat, f.sectorSize, f.sector, root.size); err != nil {
			return nil, fmt.Errorf("mini stream: %w", err)
		}
	}
	return f, nil
}

// sector returns sector n of the file (empty when out of range).
func (f *cfbFile) sector(n uint32) []byte {
	off := (int64(n) + 1) * int64(f.sectorSize)
	if off+int64(f.sectorSize) > int64(len(f.data)) {
		return nil
	}
	return f.data[off : off+int64(f.sectorSize)]
}

func (f *cfbFile) miniSector(n uint32) []byte {
	off := int64(n) * int64(f.miniSize)
	if off+int64(f.miniSize) > int64(len(f.miniStream)) {
		return nil
	}
	return f.miniStream[off : off+int64(f.miniSize)]
}

// chain reads a sector chain; size 0 reads it all. Loops, bad links and
// chains past the expansion limit are errors.
func (f *cfbFile) chain(start uint32, table []uint32, unit int, get func(uint32) []byte, size uint64) ([]byte, error) {
	var out []byte
	for n, s := 0, start; s != cfbEndOfChain; n++ {
		if n > len(table) || int(s) >= len(table) {
			return nil, fmt.Errorf("broken sector chain at %d", s)
		}
		sec := get(s)
		if sec == nil {
			return nil, fmt.Errorf("sector %d out of range", s)
		}
		out = append(out, sec...)
		if int64(len(out)) > f.maxExpanded {
			return nil, ErrTooLarge
		}
		if size > 0 && uint64(len(out)) >= size {
			break
		}
		s = table[s]
	}
	if size > 0 {
		if uint64(len(out)) < size {
			return nil, fmt.Errorf("stream shorter (%d) than its size (%d)", len(out), size)
		}
		out = out[:size]
	}
	return out, nil
}

// stream returns the named stream at the top of the file, or nil.
func (f *cfbFile) stream(name string) ([]byte, error) {
	for _, e := range f.entries {
		if e.typ != 2 || !strings.EqualFold(e.name, name) {
			continue
		}
		if e.size == 0 {
			return []byte{}, nil
		}
		if e.size > uint64(f.maxExpanded) {
			return nil, ErrTooLarge
		}
		if e.size < f.miniCutoff {
			return f.chain(e.start, f.miniFAT, f.miniSize, f.miniSector, e.size)
		}
		return f.chain(e.start, f.fat, f.sectorSize, f.sector, e.size)
	}
	return nil, nil
}

func (f *cfbFile) has(name string) bool {
	for _, e := range f.entries {
		if strings.EqualFold(e.name, name) {
			return true
		}
	}
	return false
}

// decodeDOC reads the text of a Word 97-2003 document: the main text,
// then footnotes and endnotes.
func (o Options) decodeDOC(data []byte) (Text, error) {
	f, err := openCFB(data, o.MaxExpanded)
	if err != nil {
		if errors.Is(err, ErrTooLarge) {
			return Text{}, fmt.Errorf("textin: %w: .doc unpacks past the limit of %d bytes", ErrTooLarge, o.MaxExpanded)
		}
		return Text{}, fmt.Errorf("textin: %w: .doc: %v", ErrCorrupt, err)
	}
	switch {
	case f.has("EncryptedPackage"):
		return Text{}, fmt.Errorf("textin: %w: password-protected Office file; remove the password and save it as .docx", ErrUnsupported)
	case f.has("Workbook") || f.has("Book"):
		return Text{}, fmt.Errorf("textin: %w: an Excel workbook (.xls)", ErrUnsupported)
	case f.has("PowerPoint Document"):
		return Text{}, fmt.Errorf("textin: %w: a PowerPoint file (.ppt)", ErrUnsupported)
	case !f.has("WordDocument"):
		return Text{}, fmt.Errorf("textin: %w: OLE2 file that is no Word document", ErrUnsupported)
	}
	wd, err := f.stream("WordDocument")
	if err != nil {
		return Text{}, docError(err)
	}
	if le16(wd, 0) != 0xA5EC {
		return Text{}, fmt.Errorf("textin: %w: .doc: bad Word signature", ErrCorrupt)
	}
	if nFib := le16(wd, 2); nFib < 101 {
		return Text{}, fmt.Errorf("textin: %w: Word 6/95 document (nFib %d); save it as .docx", ErrUnsupported, nFib)
	}
	flags := le16(wd, 0x0A)
	if flags&0x0100 != 0 {
		return Text{}, fmt.Errorf("textin: %w: password-protected .doc; remove the password and save it as .docx", ErrUnsupported)
	}
	tableName := "0Table"
	if flags&0x0200 != 0 {
		tableName = "1Table"
	}
	table, err := f.stream(tableName)
	if err != nil || table == nil {
		if err == nil {
			err = fmt.Errorf("no %s stream", tableName)
		}
		return Text{}, docError(err)
	}
	// FIB: FibBase (32 bytes), csw + fibRgW, cslw + fibRgLw, cbRgFcLcb + fibRgFcLcb.
	csw := int(le16(wd, 32))
	lw := 32 + 2 + 2*csw + 2
	cslw := int(le16(wd, lw-2))
	if cslw < 22 {
		return Text{}, fmt.Errorf("textin: %w: .doc: short FIB", ErrCorrupt)
	}
	ccp := func(i int) int { return int(int32(le32(wd, lw+4*i))) }
	ccpText, ccpFtn, ccpHdd, ccpAtn, ccpEdn := ccp(3), ccp(4), ccp(5), ccp(7), ccp(8)
	fcLcb := lw + 4*cslw + 2
	fcClx, lcbClx := int(le32(wd, fcLcb+33*8)), int(le32(wd, fcLcb+33*8+4))
	if fcClx < 0 || lcbClx <= 0 || fcClx+lcbClx > len(table) {
		return Text{}, fmt.Errorf("textin: %w: .doc: piece table out of range", ErrCorrupt)
	}
	pieces, err := parsePieces(table[fcClx : fcClx+lcbClx])
	if err != nil {
		return Text{}, fmt.Errorf("textin: %w: .doc: %v", ErrCorrupt, err)
	}
	textAt := func(cpStart, n int) (string, bool, error) {
		if n <= 0 {
			return "", false, nil
		}
		return pieces.text(wd, cpStart, cpStart+n, o.MaxBytes)
	}
	var parts []string
	unicodeText := false
	for _, r := range [][2]int{{0, ccpText}, {ccpText, ccpFtn}, {ccpText + ccpFtn + ccpHdd + ccpAtn, ccpEdn}} {
		s, uni, err := textAt(r[0], r[1])
		if err != nil {
			return Text{}, docError(err)
		}
		unicodeText = unicodeText || uni
		if s = wordText(s); strings.TrimSpace(s) != "" {
			parts = append(parts, s)
		}
	}
	body := cleanText(strings.Join(parts, "\n\n"))
	enc := EncCP1252
	if unicodeText {
		enc = EncUTF16LE
	}
	if fixed, legacy := repairMojibake(body); legacy != "" {
		body, enc = fixed, enc+"+"+legacy
	}
	return documentText(body, FormatDOC, enc, ".doc without text")
}

func docError(err error) error {
	if errors.Is(err, ErrTooLarge) {
		return fmt.Errorf("textin: %w: .doc text past the limit", ErrTooLarge)
	}
	return fmt.Errorf("textin: %w: .doc: %v", ErrCorrupt, err)
}

// pieceTable maps character positions to bytes of the WordDocument stream.
type pieceTable struct {
	cps []int    // n+1 character positions
	fcs []uint32 // n FcCompressed values
}

// parsePieces finds the Pcdt in a Clx, skipping Prc entries.
func parsePieces(clx []byte) (pieceTable, error) {
	for i := 0; i < len(clx); {
		switch clx[i] {
		case 0x01: // Prc: cbGrpprl then grpprl
			n := int(int16(le16(clx, i+1)))
			if n < 0 {
				return pieceTable{}, errors.New("bad Prc")
			}
			i += 3 + n
		case 0x02: // Pcdt
			lcb := int(le32(clx, i+1))
			plc := clx[min(i+5, len(clx)):]
			if lcb < 16 || lcb > len(plc) || (lcb-4)%12 != 0 {
				return pieceTable{}, errors.New("bad piece table size")
			}
			n := (lcb - 4) / 12
			pt := pieceTable{cps: make([]int, n+1), fcs: make([]uint32, n)}
			for k := 0; k <= n; k++ {
				pt.cps[k] = int(int32(le32(plc, 4*k)))
				if k > 0 && pt.cps[k] < pt.cps[k-1] {
					return pieceTable{}, errors.New("piece positions out of order")
				}
			}
			for k := 0; k < n; k++ {
				pt.fcs[k] = le32(plc, 4*(n+1)+8*k+2)
			}
			return pt, nil
		default:
			return pieceTable{}, fmt.Errorf("unknown Clx entry 0x%02X", clx[i])
		}
	}
	return pieceTable{}, errors.New("no piece table")
}

// text returns characters [from, to) and whether any piece was UTF-16.
func (pt pieceTable) text(wd []byte, from, to int, limit int64) (string, bool, error) {
	var sb strings.Builder
	uni := false
	for k := 0; k+1 < len(pt.cps); k++ {
		start, end := max(pt.cps[k], from), min(pt.cps[k+1], to)
		if start >= end {
			continue
		}
		if int64(sb.Len()+(end-start)*3) > limit {
			return "", false, ErrTooLarge
		}
		fc := pt.fcs[k]
		off := start - pt.cps[k]
		if fc&0x40000000 != 0 { // compressed: one byte per character
			pos := int(fc&0x3FFFFFFF)/2 + off
			if pos < 0 || pos+end-start > len(wd) {
				return "", false, errors.New("piece out of range")
			}
			for _, c := range wd[pos : pos+end-start] {
				sb.WriteRune(cp1252Rune(c))
			}
			continue
		}
		uni = true
		pos := int(fc) + 2*off
		n := end - start
		if pos < 0 || pos+2*n > len(wd) {
			return "", false, errors.New("piece out of range")
		}
		units := make([]uint16, n)
		for i := range units {
			units[i] = le16(wd, pos+2*i)
		}
		sb.WriteString(string(utf16.Decode(units)))
	}
	return sb.String(), uni, nil
}

// wordText turns Word's special characters into plain text: paragraph
// marks and breaks into newlines, table cell marks into " | " and row ends
// into newlines; field codes are dropped (their results kept), as are
// picture and note anchors.
func wordText(s string) string {
	out := make([]byte, 0, len(s))
	depth := 0         // field nesting
	inCode := []bool{} // per open field: still in its code part
	codes := 0         // open fields still in their code part
	lastCell := false
	for _, r := range s {
		switch r {
		case 0x13: // field begin
			depth++
			inCode = append(inCode, true)
			codes++
			continue
		case 0x14: // field separator: the result follows
			if depth > 0 && inCode[depth-1] {
				inCode[depth-1] = false
				codes--
			}
			continue
		case 0x15: // field end
			if depth > 0 {
				depth--
				if inCode[depth] {
					codes--
				}
				inCode = inCode[:depth]
			}
			continue
		}
		if codes > 0 {
			continue // a field code, or a nested field's result inside one
		}
		cell := false
		switch {
		case r == '\r', r == 0x0B, r == 0x0C, r == 0x0E:
			out = append(out, '\n')
		case r == 0x07:
			if lastCell { // the row mark after the last cell
				out = bytes.TrimSuffix(out, []byte(" | "))
				out = append(out, '\n')
			} else {
				out = append(out, " | "...)
				cell = true
			}
		case r == 0x1E:
			out = append(out, '-')
		case r == '\t':
			out = append(out, '\t')
		case r == 0x1F:
			// Word's optional hyphen. Writers store a typed U+00AD this
			// way, and in a .VnTime document that byte is "ư": keep it as
			// U+00AD for the repair; finish removes what is left.
			out = append(out, "\u00AD"...)
		case r < 0x20:
			// anchors of pictures (0x01), drawn objects (0x08), notes (0x02, 0x05)
		default:
			out = utf8.AppendRune(out, r)
		}
		lastCell = cell
	}
	return string(out)
}
