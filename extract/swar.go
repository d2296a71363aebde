package extract

import (
	"encoding/binary"
	"math/bits"
)

// SWAR ("SIMD within a register"): the scans read eight bytes as one
// uint64 and compute, for a class of bytes, a mask with the high bit of
// each byte of that class set. The formulas are exact per byte: no carry
// or borrow crosses from one byte to the next.
const (
	swarOnes  = 0x0101010101010101
	swarHighs = 0x8080808080808080
	swarLow7  = 0x7F7F7F7F7F7F7F7F
)

// load64 reads b[0:8] as a little-endian word: byte k is bits 8k..8k+7.
func load64(b []byte) uint64 { return binary.LittleEndian.Uint64(b) }

// bitIndex is the byte index of the lowest mask bit.
func bitIndex(m uint64) int { return bits.TrailingZeros64(m) >> 3 }

// eqMask marks the bytes of x equal to c.
func eqMask(x uint64, c byte) uint64 {
	t := x ^ swarOnes*uint64(c)
	return ^((t&swarLow7 + swarLow7) | t) & swarHighs
}

// between marks the ASCII bytes of x greater than lo and less than hi
// (hi ≤ 128); bytes from 0x80 are never marked.
func between(x uint64, lo, hi byte) uint64 {
	l := x & swarLow7
	return (swarOnes*(127+uint64(hi)) - l) &^ x & (l + swarOnes*(127-uint64(lo))) & swarHighs
}

// atLeast marks the bytes of x that are c or more (c ≥ 0x80).
func atLeast(x uint64, c byte) uint64 {
	return x & (x&swarLow7 + swarOnes*uint64(0x80-c&0x7F)) & swarHighs
}
