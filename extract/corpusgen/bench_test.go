package corpusgen

import (
	"encoding/json"
	"io"
	"testing"
)

// BenchmarkGenerate measures generation speed (no disk): docs/s and MB/s of
// text.
func BenchmarkGenerate(b *testing.B) {
	const docs = 5000
	var size int64
	for b.Loop() {
		size = 0
		err := Generate(Config{Docs: docs, Seed: 7, Rates: DefaultRates()}, func(d *Doc) error {
			size += int64(len(d.Text))
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(size)
	b.ReportMetric(float64(docs)*float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}

// BenchmarkGenerateWithTruth adds encoding the truth as JSON Lines, as
// `vncite gen` does.
func BenchmarkGenerateWithTruth(b *testing.B) {
	const docs = 5000
	var size int64
	for b.Loop() {
		size = 0
		enc := json.NewEncoder(io.Discard)
		err := Generate(Config{Docs: docs, Seed: 7, Rates: DefaultRates(), Workers: 1}, func(d *Doc) error {
			size += int64(len(d.Text))
			return enc.Encode(&d.Truth)
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(size)
	b.ReportMetric(float64(docs)*float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}
