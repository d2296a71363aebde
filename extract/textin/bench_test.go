package textin

import (
	"strings"
	"testing"
)

// megabyte repeats the seeds to about 1 MB.
func megabyte(b *testing.B) string {
	var sb strings.Builder
	for sb.Len() < 1<<20 {
		for _, s := range seeds(b) {
			sb.WriteString(s)
			sb.WriteString("\n\n")
		}
	}
	return sb.String()
}

func benchDecode(b *testing.B, name string, data []byte) {
	benchDecodeOptions(b, Options{}, name, data)
}

func benchDecodeOptions(b *testing.B, o Options, name string, data []byte) {
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := o.Decode(name, data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDecodeUTF8 is the fast path: valid UTF-8 already in NFC (with
// the scan for web furniture).
func BenchmarkDecodeUTF8(b *testing.B) { benchDecode(b, "x.txt", []byte(megabyte(b))) }

// BenchmarkDecodeUTF8Exact is the fast path without the furniture scan:
// validate, check NFC and line ends, look for mojibake.
func BenchmarkDecodeUTF8Exact(b *testing.B) {
	benchDecodeOptions(b, Options{KeepBoilerplate: true}, "x.txt", []byte(megabyte(b)))
}

func BenchmarkDecodeNFD(b *testing.B) {
	benchDecode(b, "x.txt", []byte(strings.NewReplacer("ệ", "e\u0323\u0302", "ị", "i\u0323").Replace(megabyte(b))))
}

func BenchmarkDecodeTCVN3(b *testing.B) {
	benchDecode(b, "x.txt", mustEncode(b, megabyte(b), EncTCVN3))
}

func BenchmarkDecodeVNI(b *testing.B) { benchDecode(b, "x.txt", mustEncode(b, megabyte(b), EncVNI)) }

// BenchmarkDecodeHTML is a news page (seed 002 in its furniture) whose
// article is repeated to about 1 MB.
func BenchmarkDecodeHTML(b *testing.B) {
	a := splitSeed002(b)
	var paras []string
	for n := 0; n < 1<<20; {
		for _, p := range a.paragraphs {
			paras = append(paras, p)
			n += len(p)
		}
	}
	a.paragraphs = paras
	benchDecode(b, "x.html", []byte(newsPage(a)))
}

// BenchmarkDecodeDOCX is a DOCX of about 1 MB of text.
func BenchmarkDecodeDOCX(b *testing.B) {
	var body strings.Builder
	for body.Len() < 1<<20 {
		for _, s := range seeds(b) {
			for _, line := range strings.Split(s, "\n") {
				body.WriteString(para(run("", line)))
			}
		}
	}
	benchDecode(b, "x.docx", buildDOCX(b, map[string]string{"word/document.xml": document(body.String())}))
}
