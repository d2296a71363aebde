package extract

import (
	"errors"
	"fmt"
	"strings"
)

// ErrNotDate is returned by ParseDate for text that is no date.
var ErrNotDate = errors.New("extract: not a date")

// ParseDate reads a Vietnamese date ("14/7/2015", "14-07-2015",
// "14.7.2015", "ngày 14 tháng 7 năm 2015", "2015-07-14") and returns it
// as YYYY-MM-DD.
func ParseDate(s string) (string, error) {
	b := []byte(strings.TrimSpace(s))
	i := 0
	if s, e := wordAfter(b, 0); e > s && lowerEq(b[s:e], "ngày") {
		i = e
	}
	i = skipSpaces(b, i)
	if d, end, ok := dateAt(b, i); ok && skipSpaces(b, end) == len(trimTrailingPunct(b)) {
		return d, nil
	}
	// ISO form, as the graph stores it.
	if len(b) == 10 && b[4] == '-' && b[7] == '-' {
		y, ok1 := atoiN(b[0:4])
		m, ok2 := atoiN(b[5:7])
		d, ok3 := atoiN(b[8:10])
		if ok1 && ok2 && ok3 && validDate(y, m, d) {
			return fmt.Sprintf("%04d-%02d-%02d", y, m, d), nil
		}
	}
	return "", ErrNotDate
}

// dateAt reads a day-first date starting at b[i]: "14/7/2015" (also with
// '-' or '.', and spaces around '/'), or "14 tháng 7 năm 2015".
func dateAt(b []byte, i int) (string, int, bool) {
	d, j, ok := digitsAt(b, i, 2)
	if !ok {
		return "", i, false
	}
	// "14 tháng 7 năm 2015"
	if s, e := wordAfter(b, j); e > s && lowerEq(b[s:e], "tháng") {
		m, k, ok := digitsAt(b, skipSpaces(b, e), 2)
		if !ok {
			return "", i, false
		}
		k2 := skipSpaces(b, k)
		if k2 < len(b) && b[k2] == ',' {
			k2++
		}
		s2, e2 := wordAfter(b, k2)
		if e2 == s2 || !lowerEq(b[s2:e2], "năm") {
			return "", i, false
		}
		y, k3, ok := digitsAt(b, skipSpaces(b, e2), 4)
		if !ok || k3-skipSpaces(b, e2) != 4 || !validDate(y, m, d) {
			return "", i, false
		}
		return isoDate(y, m, d), k3, true
	}
	sepAt := func(k int) (int, byte, bool) {
		k2 := k
		if k2 < len(b) && b[k2] == ' ' {
			k2++
		}
		if k2 >= len(b) {
			return k, 0, false
		}
		c := b[k2]
		if c != '/' && c != '-' && c != '.' {
			return k, 0, false
		}
		k2++
		if c == '/' && k2 < len(b) && b[k2] == ' ' {
			k2++
		}
		return k2, c, true
	}
	k, sep, ok := sepAt(j)
	if !ok {
		return "", i, false
	}
	m, k, ok := digitsAt(b, k, 2)
	if !ok {
		return "", i, false
	}
	k, sep2, ok := sepAt(k)
	if !ok || sep2 != sep {
		return "", i, false
	}
	ys := k
	y, k, ok := digitsAt(b, k, 4)
	if !ok || k-ys != 4 || !validDate(y, m, d) {
		return "", i, false
	}
	// "14/7/2015/..." or "14.7.2015.3" is not a date.
	if k < len(b) && (b[k] >= '0' && b[k] <= '9' || b[k] == '/' && k+1 < len(b) && b[k+1] >= '0' && b[k+1] <= '9') {
		return "", i, false
	}
	return isoDate(y, m, d), k, true
}

// digitsAt reads 1..max ASCII digits at b[i].
func digitsAt(b []byte, i, max int) (int, int, bool) {
	v, j := 0, i
	for j < len(b) && j-i < max && b[j] >= '0' && b[j] <= '9' {
		v = v*10 + int(b[j]-'0')
		j++
	}
	if j == i || j < len(b) && b[j] >= '0' && b[j] <= '9' {
		return 0, i, false
	}
	return v, j, true
}

func atoiN(b []byte) (int, bool) {
	v := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		v = v*10 + int(c-'0')
	}
	return v, len(b) > 0
}

var monthDays = [13]int{0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}

func validDate(y, m, d int) bool {
	if y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > monthDays[m] {
		return false
	}
	if m == 2 && d == 29 && !(y%4 == 0 && (y%100 != 0 || y%400 == 0)) {
		return false
	}
	return true
}

func isoDate(y, m, d int) string {
	var b [10]byte
	b[0], b[1], b[2], b[3] = byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10)
	b[4], b[7] = '-', '-'
	b[5], b[6] = byte('0'+m/10), byte('0'+m%10)
	b[8], b[9] = byte('0'+d/10), byte('0'+d%10)
	return string(b[:])
}

// terms are the central Party terms (khóa) and the day each began: the
// close of the congress that elected the Central Committee.
var terms = []struct{ from, name string }{
	{"1996-07-01", "VIII"}, {"2001-04-22", "IX"}, {"2006-04-25", "X"}, {"2011-01-19", "XI"},
	{"2016-01-28", "XII"}, {"2021-02-01", "XIII"}, {"2026-01-23", "XIV"},
}

// TermOf returns the central Party term (khóa) in force on date (YYYY-MM-DD):
// "2016-05-15" → "XII"; "" when date is empty, malformed or before 1996.
func TermOf(date string) string {
	if len(date) != 10 || date[4] != '-' || date[7] != '-' {
		return ""
	}
	name := ""
	for _, t := range terms {
		if date >= t.from {
			name = t.name
		}
	}
	return name
}
