package main

import (
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

func ms(v ...int) []time.Duration {
	out := make([]time.Duration, len(v))
	for i, x := range v {
		out[i] = time.Duration(x) * time.Millisecond
	}
	return out
}

func TestPercentile(t *testing.T) {
	hundred := make([]time.Duration, 100)
	for i := range hundred {
		hundred[i] = time.Duration(i+1) * time.Millisecond
	}
	for _, c := range []struct {
		name   string
		sorted []time.Duration
		p      float64
		want   time.Duration
	}{
		{"empty", nil, 0.5, 0},
		{"one value", ms(7), 0.99, 7 * time.Millisecond},
		{"median of odd", ms(1, 2, 3, 4, 5), 0.5, 3 * time.Millisecond},
		{"median of even: lower middle", ms(1, 2, 3, 4), 0.5, 2 * time.Millisecond},
		{"p99 of 100 is the 99th", hundred, 0.99, 99 * time.Millisecond},
		{"p50 of 100 is the 50th", hundred, 0.50, 50 * time.Millisecond},
		{"p99 of 10 is the largest", ms(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), 0.99, 10 * time.Millisecond},
		{"p100", ms(1, 2, 3), 1, 3 * time.Millisecond},
		{"tiny p is the smallest", ms(4, 5, 6), 0.0001, 4 * time.Millisecond},
	} {
		if got := percentile(c.sorted, c.p); got != c.want {
			t.Errorf("%s: percentile(%v, %v) = %v, want %v", c.name, c.sorted, c.p, got, c.want)
		}
	}
}

func TestLatencyOf(t *testing.T) {
	l := latencyOf(ms(30, 10, 20, 40), []int{1, 2, 3, 6})
	want := Latency{N: 4, P50: 20, P99: 40, Max: 40, MeanSize: 3}
	if l != want {
		t.Errorf("latencyOf = %+v, want %+v", l, want)
	}
	if l := latencyOf(nil, nil); l != (Latency{}) {
		t.Errorf("latencyOf(nil) = %+v, want zero", l)
	}
	// Sub-millisecond latencies keep two decimals.
	if l := latencyOf([]time.Duration{1234 * time.Microsecond}, nil); l.P50 != 1.23 {
		t.Errorf("1.234 ms reported as %v, want 1.23", l.P50)
	}
}

func TestNum(t *testing.T) {
	for _, c := range []struct {
		v        float64
		decimals int
		want     string
	}{
		{0, 0, dash},
		{5, 0, "5"},
		{999, 0, "999"},
		{1000, 0, "1,000"},
		{1234567.891, 1, "1,234,567.9"},
		{20000, 0, "20,000"},
		{0.834, 2, "0.83"},
		{-1234, 0, "-1,234"},
		{123456, 0, "123,456"},
	} {
		if got := num(c.v, c.decimals); got != c.want {
			t.Errorf("num(%v, %d) = %q, want %q", c.v, c.decimals, got, c.want)
		}
	}
}

func TestParseSizes(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []int
		err  bool
	}{
		{"10000,100000", []int{10000, 100000}, false},
		{"10k, 100k,1M", []int{10000, 100000, 1000000}, false},
		{"1_000", []int{1000}, false},
		{"", nil, true},
		{"10,x", nil, true},
		{"-5", nil, true},
	} {
		got, err := parseSizes(c.in)
		if (err != nil) != c.err || !slices.Equal(got, c.want) {
			t.Errorf("parseSizes(%q) = %v, %v; want %v, error %v", c.in, got, err, c.want, c.err)
		}
	}
}

// TestWriteTable checks the table's shape: a header with one column per
// size, a separator, every row with as many cells, and the figures in the
// right column.
func TestWriteTable(t *testing.T) {
	res := &Results{
		Machine: Machine{CPUs: 2, MemoryGiB: 23.5, GoVersion: "go1.26", Date: "2026-11-23T20:40:00Z", Command: "vncite-bench --sizes 10k,100k"},
		Sizes: []SizeResult{
			{Docs: 10000, CorpusBytes: 30e6, Extract: &ExtractResult{Bytes: 30e6, MBps: 180, RegexpMBps: 12}, Load: map[string]string{"ingest": "0.50 0.40 0.30"},
				Query: &QueryResult{Lineage: Latency{N: 500, P50: 1.5, P99: 9}}},
			{Docs: 100000, CorpusBytes: 300e6, Edges: &EdgeResult{Recall: 0.9961, Precision: 0.99712}, Errors: []string{"query: boom"}},
		},
	}
	var b strings.Builder
	if err := writeTable(&b, res); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	var table []string
	for line := range strings.SplitSeq(out, "\n") {
		if strings.HasPrefix(line, "|") {
			table = append(table, line)
		}
	}
	if len(table) != len(tableRows())+2 {
		t.Fatalf("%d table lines, want %d rows + header + separator:\n%s", len(table), len(tableRows()), out)
	}
	if table[0] != "| figure | target | 10,000 docs | 100,000 docs |" {
		t.Errorf("header %q", table[0])
	}
	if table[1] != "|---|---|---:|---:|" {
		t.Errorf("separator %q", table[1])
	}
	cells := regexp.MustCompile(`[^|]+\|`)
	for _, line := range table {
		if n := len(cells.FindAllString(line[1:], -1)); n != 4 {
			t.Errorf("%d cells in %q, want 4", n, line)
		}
	}
	row := func(prefix string) string {
		for _, l := range table {
			if strings.HasPrefix(l, "| "+prefix) {
				return l
			}
		}
		t.Fatalf("no row %q in\n%s", prefix, out)
		return ""
	}
	for _, c := range []struct{ row, want string }{
		{"**extract** MB/s", "| ≥ 150 | 180.0 | – |"},
		{"extract ÷ regexp", "| ≥ 10× | 15.00× | – |"},
		{"**lineage** depth 3 down, p50", "| ≤ 5 | 1.50 | – |"},
		{"lineage p99", "|  | 9.00 | – |"},
		{"**edge recall", "| ≥ 99.5 % both | – | 99.61 % / 99.71 % |"},
		{"load average", "| < 2.5 | 0.50 0.40 0.30 | – |"},
	} {
		if r := row(c.row); !strings.HasSuffix(r, c.want) {
			t.Errorf("row %q = %q, want it to end %q", c.row, r, c.want)
		}
	}
	for _, want := range []string{"2 CPUs", "23.5 GiB", "go1.26", "2026-11-23T20:40:00Z", "`vncite-bench --sizes 10k,100k`", "100000 docs: query: boom"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestSpellings(t *testing.T) {
	for _, c := range []struct {
		number, typeName string
		want             []string
	}{
		{"25-NQ/TW", "Nghị quyết", []string{"25-NQ/TW", "25-nq/tw", "25–NQ/TW", "Nghị quyết số 25-NQ/TW", "nghi quyet so 25-nq/tw", "nq 25/tw", "25 NQ TW"}},
		{"16/CT-TTg", "Chỉ thị", []string{"16/CT-TTg", "16/ct-ttg", "16/CT–TTg", "Chỉ thị số 16/CT-TTg", "chi thi so 16/ct-ttg"}},
		{"218-QĐ/TW", "", []string{"218-QĐ/TW", "218-qđ/tw", "218–QĐ/TW", "qđ 218/tw", "218 QĐ TW"}},
	} {
		if got := spellings(c.number, c.typeName); !slices.Equal(got, c.want) {
			t.Errorf("spellings(%q) = %q, want %q", c.number, got, c.want)
		}
	}
}

func TestFold(t *testing.T) {
	for in, want := range map[string]string{
		"Đảng bộ tỉnh Lâm Đồng": "Dang bo tinh Lam Dong",
		"dân vận chính quyền":   "dan van chinh quyen",
		"Thừa Thiên Huế":        "Thua Thien Hue",
		"hoá":                   "hoa",
		"ascii only":            "ascii only",
	} {
		if got := fold(in); got != want {
			t.Errorf("fold(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestTitleWords(t *testing.T) {
	got := titleWords("Triển khai thực hiện Kết luận số 06-KL/TW, (khóa XII)")
	want := []string{"Triển", "khai", "thực", "hiện", "Kết", "luận", "số", "khóa", "XII"}
	if !slices.Equal(got, want) {
		t.Errorf("titleWords = %q, want %q", got, want)
	}
}

func TestBenchMetric(t *testing.T) {
	line := "BenchmarkIngest-2   3   2012345678 ns/op   0.8123 cpu-ratio   1500 index-docs/s   0.9012 ratio   1650 raw-docs/s"
	if v := benchMetric(line, "ratio"); v != 0.9012 {
		t.Errorf("ratio = %v, want 0.9012", v)
	}
	if v := benchMetric(line, "cpu-ratio"); v != 0.8123 {
		t.Errorf("cpu-ratio = %v, want 0.8123", v)
	}
	if v := benchMetric(line, "p99-ms"); v != 0 {
		t.Errorf("absent metric = %v, want 0", v)
	}
}

// TestPatterns checks that the regexp baseline finds the number forms it
// is compared on, and that the ripgrep pattern differs from it only in its
// word boundaries.
func TestPatterns(t *testing.T) {
	re := regexp.MustCompile(numberPattern)
	text := "Thực hiện Nghị quyết số 25-NQ/TW, Quyết định số 218 – QĐ/TW, Chỉ thị số 16/CT-TTg và Nghị định 30/2020/NĐ-CP; Quý II/2024; ISO 9001:2015"
	got := re.FindAllString(text, -1)
	for _, w := range []string{"25-NQ/TW", "218 – QĐ/TW", "16/CT-TTg", "30/2020/NĐ-CP"} {
		if !slices.Contains(got, w) {
			t.Errorf("regexp baseline misses %q in %q (found %q)", w, text, got)
		}
	}
	if slices.Contains(got, "9001:2015") {
		t.Errorf("regexp baseline reads ISO 9001:2015 as a number")
	}
	ascii := strings.Count(rgPattern, `(?-u:\b)`)
	if ascii != strings.Count(numberPattern, `\b`) || strings.Count(strings.ReplaceAll(rgPattern, `(?-u:\b)`, ""), `\b`) != 0 {
		t.Errorf("rgPattern keeps a Unicode \\b: %s", rgPattern)
	}
}

func TestCarryOver(t *testing.T) {
	old := &SizeResult{Docs: 100000, Date: "2026-11-23T19:35:00Z", CorpusBytes: 300e6,
		Load:    map[string]string{"ingest": "4.00 5.00 6.00", "query": "3.00 3.00 3.00"},
		Extract: &ExtractResult{MBps: 100}, Ingest: &IngestResult{DocsPerSec: 150}, Query: &QueryResult{LineageRoots: 7}}
	sr := &SizeResult{Docs: 100000, Load: map[string]string{}}
	carryOver(sr, old, map[string]bool{"ingest": true, "graph": true})
	if sr.Ingest != old.Ingest {
		t.Errorf("skipped ingest not carried over")
	}
	if sr.Extract != nil || sr.Query != nil {
		t.Errorf("measured phases carried over: extract %v, query %v", sr.Extract, sr.Query)
	}
	if sr.Graph != nil {
		t.Errorf("graph carried over from a run without it")
	}
	if sr.Load["ingest"] != "4.00 5.00 6.00" || sr.Load["query"] != "" {
		t.Errorf("loads %v, want the ingest load only", sr.Load)
	}
	if len(sr.Carried) != 1 || !strings.Contains(sr.Carried[0], "ingest from the run of 2026-11-23T19:35:00Z (load 4.00 5.00 6.00)") {
		t.Errorf("carried %q", sr.Carried)
	}
	if sr.CorpusBytes != 300e6 {
		t.Errorf("corpus bytes %d, want the old run's", sr.CorpusBytes)
	}
}
