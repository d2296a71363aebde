package extract

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"

	"github.com/vncite/vncite/extract/corpusgen"
)

// benchCorpus is ≥ 50 MB of realistic text: the seeds' paragraphs mixed
// with generated sentences full of numbers (Party and state forms, odd
// dashes and spaces, lists, statements, short forms), dates and noise
// (fractions, phone numbers, ISO, "Quý II/2024", "KT - XH"), cut into
// documents of 4–20 KB with a formal header. About one number per 400
// bytes: denser than the seeds (one per 1.2 KB). Built once per binary.
var benchCorpus = sync.OnceValue(func() [][]byte {
	r := rand.New(rand.NewPCG(1, 2))
	var paras []string
	files, _ := filepath.Glob(filepath.Join(seedDir, "*.txt"))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		for _, p := range strings.Split(string(b), "\n") {
			if len(strings.Fields(p)) > 8 {
				paras = append(paras, p)
			}
		}
	}
	bodies := []string{"Bộ Chính trị", "Ban Bí thư", "Ban Chấp hành Trung ương Đảng", "Ban Thường vụ Tỉnh ủy Lâm Đồng",
		"Thủ tướng Chính phủ", "Ủy ban nhân dân tỉnh Nghệ An", "Huyện ủy Đức Trọng", "Chính phủ", "HĐND tỉnh Quảng Nam", "Ban Thường vụ Thành ủy"}
	kinds := []struct{ word, abbr string }{{"Nghị quyết", "NQ"}, {"Chỉ thị", "CT"}, {"Kết luận", "KL"}, {"Quyết định", "QĐ"},
		{"Kế hoạch", "KH"}, {"Hướng dẫn", "HD"}, {"Quy định", "QĐi"}, {"Chương trình", "CTr"}, {"Thông báo", "TB"}}
	issuers := []string{"TW", "TU", "HU", "ĐU", "QU", "BTGTW"}
	stateIss := []string{"TTg", "UBND", "CP", "HĐND", "BNV", "BTC-BNV"}
	cues := []string{"Thực hiện", "Căn cứ", "Triển khai thực hiện", "Quán triệt", "Tiếp tục thực hiện", "Theo tinh thần", "Sơ kết 5 năm thực hiện", "Hướng dẫn thực hiện"}
	dashes := []string{"-", "-", "-", "–", "- ", " -"}
	date := func() string {
		d, m, y := 1+r.IntN(28), 1+r.IntN(12), 1996+r.IntN(29)
		if r.IntN(3) == 0 {
			return fmt.Sprintf("ngày %d tháng %d năm %d", d, m, y)
		}
		return fmt.Sprintf("ngày %d/%d/%d", d, m, y)
	}
	number := func() (string, string) {
		k := kinds[r.IntN(len(kinds))]
		if r.IntN(3) == 0 {
			iss := stateIss[r.IntN(len(stateIss))]
			if r.IntN(2) == 0 {
				return k.word, fmt.Sprintf("%d/%d/%s-%s", 1+r.IntN(99), 2000+r.IntN(25), k.abbr, iss)
			}
			return k.word, fmt.Sprintf("%d/%s-%s", 1+r.IntN(3000), k.abbr, iss)
		}
		return k.word, fmt.Sprintf("%02d%s%s/%s", 1+r.IntN(400), dashes[r.IntN(len(dashes))], k.abbr, issuers[r.IntN(len(issuers))])
	}
	sentence := func() string {
		switch r.IntN(8) {
		case 0:
			w, n := number()
			w2, n2 := number()
			return fmt.Sprintf("%s %s số %s %s của %s về tăng cường công tác dân vận trong tình hình mới; %s số %s của %s.", cues[r.IntN(len(cues))], w, n, date(), bodies[r.IntN(len(bodies))], w2, n2, bodies[r.IntN(len(bodies))])
		case 1:
			w, n := number()
			_, n2 := number()
			return fmt.Sprintf("%s các %s số %s, %s và %s (khóa XII) về đổi mới nội dung, phương thức hoạt động.", cues[r.IntN(len(cues))], w, n, n2, date())
		case 2:
			w, n := number()
			w2, n2 := number()
			return fmt.Sprintf("%s số %s, %s của %s về triển khai thực hiện %s số %s của %s.", w, n, date(), bodies[r.IntN(len(bodies))], w2, n2, bodies[r.IntN(len(bodies))])
		case 3:
			return fmt.Sprintf("Đến nay đạt %d/%d chỉ tiêu, tỷ lệ %d,%d%%, liên hệ %04d.%03d.%03d; từ Quý II/%d, giai đoạn %d-%d, tiêu chuẩn ISO 9001:2015, phát triển KT - XH, QP - AN, cập nhật %d/%d/%d.",
				r.IntN(30), 30, r.IntN(100), r.IntN(10), r.IntN(10000), r.IntN(1000), r.IntN(1000), 2020+r.IntN(5), 2020, 2025, 1+r.IntN(28), 1+r.IntN(12), 2000+r.IntN(25))
		case 4:
			w, _ := number()
			return fmt.Sprintf("%s %d đã được quán triệt sâu rộng; thực hiện Luật Tiếp công dân và Quy chế dân chủ ở cơ sở.", w, 1+r.IntN(200))
		default:
			return "Các cấp ủy, chính quyền tiếp tục đổi mới nội dung, phương thức công tác dân vận, nâng cao chất lượng, hiệu quả hoạt động của hệ thống chính trị ở cơ sở."
		}
	}
	var docs [][]byte
	total := 0
	for total < 52<<20 {
		var sb strings.Builder
		size := 4000 + r.IntN(16000)
		fmt.Fprintf(&sb, "TỈNH ỦY LÂM ĐỒNG\nSố %d-KH/TU\tĐà Lạt, ngày %d tháng %d năm %d\n\nKẾ HOẠCH\nTriển khai thực hiện công tác dân vận\n\n", 1+r.IntN(300), 1+r.IntN(28), 1+r.IntN(12), 2010+r.IntN(15))
		for sb.Len() < size {
			if r.IntN(2) == 0 && len(paras) > 0 {
				sb.WriteString(paras[r.IntN(len(paras))])
			} else {
				for k := 0; k < 3; k++ {
					sb.WriteString(sentence())
					sb.WriteByte(' ')
				}
			}
			sb.WriteString("\n\n")
		}
		sb.WriteString("T/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ\n\nNguyễn Văn An\n")
		docs = append(docs, []byte(sb.String()))
		total += sb.Len()
	}
	return docs
})

// cpuSeconds is the process's user+system CPU time: on a shared machine
// MB per CPU-second is steadier than MB per wall-second.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return float64(ru.Utime.Sec+ru.Stime.Sec) + float64(ru.Utime.Usec+ru.Stime.Usec)/1e6
}

// reportCPU adds MB per CPU-second for n passes over size bytes.
func reportCPU(b *testing.B, start float64, n int, size int64) {
	if d := cpuSeconds() - start; d > 0 && n > 0 {
		b.ReportMetric(float64(size)*float64(n)/1e6/d, "MB/cpu-s")
	}
}

func corpusBytes(docs [][]byte) int64 {
	var n int64
	for _, d := range docs {
		n += int64(len(d))
	}
	return n
}

// BenchmarkExtract runs the whole extractor (header, numbers, context,
// statements, named) over the corpus.
func BenchmarkExtract(b *testing.B) { benchExtract(b, benchCorpus()) }

// seedCorpus is the five seeds, each a separate copy, repeated to 50 MB:
// real text at its real density (one number per 1.2 KB).
var seedCorpus = sync.OnceValue(func() [][]byte {
	files, _ := filepath.Glob(filepath.Join(seedDir, "*.txt"))
	var seeds [][]byte
	for _, f := range files {
		if b, err := os.ReadFile(f); err == nil {
			seeds = append(seeds, b)
		}
	}
	var docs [][]byte
	for total := 0; total < 50<<20 && len(seeds) > 0; {
		for _, s := range seeds {
			docs = append(docs, append([]byte(nil), s...))
			total += len(s)
		}
	}
	return docs
})

// genCorpus is the text of `vncite gen --docs 3000 --seed 1` (without a
// gazetteer: communes get common names), as the scale harness extracts
// it: every kind of document, some NFD, unaccented or with CRLF line
// ends. About 14 MB.
var genCorpus = sync.OnceValue(func() [][]byte {
	var docs [][]byte
	err := corpusgen.Generate(corpusgen.Config{Docs: 3000, Seed: 1, Rates: corpusgen.DefaultRates()}, func(d *corpusgen.Doc) error {
		if d.Text != nil {
			docs = append(docs, d.Text)
		}
		return nil
	})
	if err != nil {
		panic(err)
	}
	return docs
})

// BenchmarkExtractGen is BenchmarkExtract over the generated corpus of
// the scale harness.
func BenchmarkExtractGen(b *testing.B) { benchExtract(b, genCorpus()) }

// BenchmarkExtractSeeds is BenchmarkExtract over the seeds repeated.
func BenchmarkExtractSeeds(b *testing.B) { benchExtract(b, seedCorpus()) }

// BenchmarkRegexpSeeds is BenchmarkRegexpNumbers over the seeds repeated.
func BenchmarkRegexpSeeds(b *testing.B) { benchRegexp(b, seedCorpus()) }

func benchExtract(b *testing.B, docs [][]byte) {
	if len(docs) == 0 {
		b.Skip("no corpus")
	}
	b.SetBytes(corpusBytes(docs))
	b.ReportAllocs()
	b.ResetTimer()
	refs, n, cpu0 := 0, 0, cpuSeconds()
	for b.Loop() {
		n++
		refs = 0
		for _, d := range docs {
			ex, err := Extract(d)
			if err != nil {
				b.Fatal(err)
			}
			refs += len(ex.References)
		}
	}
	reportCPU(b, cpu0, n, corpusBytes(docs))
	b.ReportMetric(float64(refs), "refs/op")
}

func benchRegexp(b *testing.B, docs [][]byte) {
	if len(docs) == 0 {
		b.Skip("no corpus")
	}
	b.SetBytes(corpusBytes(docs))
	b.ReportAllocs()
	b.ResetTimer()
	found, n, cpu0 := 0, 0, cpuSeconds()
	for b.Loop() {
		n++
		found = 0
		for _, d := range docs {
			found += regexpNumbers(d)
		}
	}
	reportCPU(b, cpu0, n, corpusBytes(docs))
	b.ReportMetric(float64(found), "numbers/op")
}

// BenchmarkScanNumbers is the number scanner alone: the pre-filter and the
// grammar, as the regexp baseline does.
func BenchmarkScanNumbers(b *testing.B) {
	docs := benchCorpus()
	b.SetBytes(corpusBytes(docs))
	b.ReportAllocs()
	b.ResetTimer()
	found, n, cpu0 := 0, 0, cpuSeconds()
	buf := make([]mention, 0, 1024)
	for b.Loop() {
		n++
		found = 0
		for _, d := range docs {
			found += len(scanNumbers(d, buf[:0]))
		}
	}
	reportCPU(b, cpu0, n, corpusBytes(docs))
	b.ReportMetric(float64(found), "numbers/op")
}

// BenchmarkRegexpNumbers is the straightforward regexp extractor of the
// same numbers, for comparison.
func BenchmarkRegexpNumbers(b *testing.B) { benchRegexp(b, benchCorpus()) }

// BenchmarkTriggers is the check that the text is NFC and the one pass
// that finds where references can be, as Extract runs them.
func BenchmarkTriggers(b *testing.B) {
	docs := benchCorpus()
	b.SetBytes(corpusBytes(docs))
	b.ReportAllocs()
	b.ResetTimer()
	n, cpu0 := 0, cpuSeconds()
	for b.Loop() {
		n++
		for _, d := range docs {
			var t triggers
			if !scanTriggers(d, true, &t) {
				b.Fatal("bench corpus not NFC")
			}
		}
	}
	reportCPU(b, cpu0, n, corpusBytes(docs))
}
