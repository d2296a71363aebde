package export

import (
	"bytes"
	"io"
	"testing"
)

// BenchmarkWrite writes a generated 10,000-node cascade (12,459
// edges, Vietnamese titles and evidence) in each format; bytes/s is output
// throughput. Run: go test ./graph/export -run '^$' -bench Write -benchtime 20x
func BenchmarkWrite(b *testing.B) {
	g := cascade(10000, false)
	for _, format := range Formats {
		b.Run(format, func(b *testing.B) {
			var buf bytes.Buffer
			if err := Write(&buf, g, format); err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(buf.Len()))
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				if err := Write(io.Discard, g, format); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
