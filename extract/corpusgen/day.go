package corpusgen

import "strconv"

// day is a civil date as days since 1970-01-01. The generator does a lot of
// date arithmetic; this keeps it allocation-free.
type day int32

// civil returns the year, month and day of d (Howard Hinnant's algorithm).
func (d day) civil() (y, m, dd int) {
	z := int(d) + 719468
	era := z / 146097
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y = yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	dd = doy - (153*mp+2)/5 + 1
	if mp < 10 {
		m = mp + 3
	} else {
		m = mp - 9
	}
	if m <= 2 {
		y++
	}
	return y, m, dd
}

// dayOf returns the day of a civil date.
func dayOf(y, m, d int) day {
	if m <= 2 {
		y--
	}
	era := y / 400
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return day(era*146097 + doe - 719468)
}

// year returns the year of d.
func (d day) year() int { y, _, _ := d.civil(); return y }

// appendISO appends d as YYYY-MM-DD.
func (d day) appendISO(b []byte) []byte {
	y, m, dd := d.civil()
	b = strconv.AppendInt(b, int64(y), 10)
	b = append(b, '-', byte('0'+m/10), byte('0'+m%10), '-', byte('0'+dd/10), byte('0'+dd%10))
	return b
}

// String returns d as YYYY-MM-DD.
func (d day) String() string { return string(d.appendISO(make([]byte, 0, 10))) }

// parseDay parses YYYY-MM-DD.
func parseDay(s string) (day, bool) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return 0, false
	}
	y, err1 := strconv.Atoi(s[:4])
	m, err2 := strconv.Atoi(s[5:7])
	d, err3 := strconv.Atoi(s[8:])
	if err1 != nil || err2 != nil || err3 != nil || m < 1 || m > 12 || d < 1 || d > 31 {
		return 0, false
	}
	return dayOf(y, m, d), true
}

// mustDay parses a date literal of the tables.
func mustDay(s string) day {
	d, ok := parseDay(s)
	if !ok {
		panic("corpusgen: bad date literal " + s)
	}
	return d
}

// Central Party terms (khóa) with the days they began. Documents are never
// generated within termMargin days of a boundary, so the term a date falls
// in is never in doubt.
var terms = []struct {
	name  string
	start day
}{
	{"IX", mustDay("2001-04-22")},
	{"X", mustDay("2006-04-25")},
	{"XI", mustDay("2011-01-19")},
	{"XII", mustDay("2016-01-28")},
	{"XIII", mustDay("2021-02-01")},
	{"XIV", mustDay("2026-01-23")},
}

const termMargin = 20

// termOf returns the index in terms of the term in force on d (-1 before IX).
func termOf(d day) int {
	for i := len(terms) - 1; i >= 0; i-- {
		if d >= terms[i].start {
			return i
		}
	}
	return -1
}

// nearTermBoundary reports whether d is within termMargin days of the start
// of a term.
func nearTermBoundary(d day) bool {
	for _, t := range terms {
		if diff := d - t.start; diff > -termMargin && diff < termMargin {
			return true
		}
	}
	return false
}

// legislature returns the number of the National Assembly (khóa) sitting on
// d: XI from mid-2002, XV from mid-2021.
func legislature(d day) int {
	switch {
	case d >= mustDay("2021-07-20"):
		return 15
	case d >= mustDay("2016-07-20"):
		return 14
	case d >= mustDay("2011-07-21"):
		return 13
	case d >= mustDay("2007-07-18"):
		return 12
	case d >= mustDay("2002-07-19"):
		return 11
	}
	return 10
}

// appendVN appends d in one of the ways Vietnamese texts write a date
// beside a reference, chosen by style: 0 "14/7/2015", 1 "14/07/2015",
// 2 "14 tháng 7 năm 2015", 3 "14-7-2015".
func (d day) appendVN(b []byte, style int) []byte {
	y, m, dd := d.civil()
	switch style {
	case 1:
		b = append2(b, dd)
		b = append(b, '/')
		b = append2(b, m)
		b = append(b, '/')
	case 2:
		b = appendHeaderDay(b, dd, m)
		b = append(b, " năm "...)
	case 3:
		b = strconv.AppendInt(b, int64(dd), 10)
		b = append(b, '-')
		b = strconv.AppendInt(b, int64(m), 10)
		b = append(b, '-')
	default:
		b = strconv.AppendInt(b, int64(dd), 10)
		b = append(b, '/')
		b = strconv.AppendInt(b, int64(m), 10)
		b = append(b, '/')
	}
	return strconv.AppendInt(b, int64(y), 10)
}

// appendHeaderDay appends "04 tháng 5" as the place-and-date line of a
// document writes it: days below 10 and the months 1 and 2 with a zero.
func appendHeaderDay(b []byte, dd, m int) []byte {
	b = append2(b, dd)
	b = append(b, " tháng "...)
	if m <= 2 {
		return append2(b, m)
	}
	return strconv.AppendInt(b, int64(m), 10)
}

// append2 appends n (0..99) with two digits.
func append2(b []byte, n int) []byte { return append(b, byte('0'+n/10), byte('0'+n%10)) }
