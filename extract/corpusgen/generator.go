package corpusgen

import (
	"fmt"
	"runtime"
	"strconv"
	"sync"
)

// Rates are the shares of the variations the generator writes.
type Rates struct {
	// Variant is the share of number mentions spelled otherwise than
	// canonically (spaces, en dash, "QD", "Ð", line break, upper case,
	// "số:", no "số" ...).
	Variant float64
	// NFD is the share of documents written in Unicode NFD, CRLF of
	// documents with Windows line ends.
	NFD  float64
	CRLF float64
	// Unaccented is the share of documents written without diacritics.
	Unaccented float64
	// Noise is the chance, per paragraph, of a sentence carrying something
	// that looks like a reference and is none.
	Noise float64
	// Citations is the chance, per paragraph, of one more citation of a
	// document other than the source.
	Citations float64
	// News is the share of local documents given as a web page reporting
	// them rather than as their own text.
	News float64
	// Withheld is the share of central documents whose text is not in the
	// corpus: known only from what cites them.
	Withheld float64
}

// DefaultRates are the rates of `vncite gen`.
func DefaultRates() Rates {
	return Rates{Variant: 0.25, NFD: 0.03, CRLF: 0.03, Unaccented: 0.01, Noise: 0.3, Citations: 0.5, News: 0.08, Withheld: 0.05}
}

// Config says what to generate.
type Config struct {
	Docs  int    // documents with text (withheld central documents come on top)
	Seed  uint64 // the same seed and config give the same bytes
	Rates Rates
	// Workers render cascades in parallel (default GOMAXPROCS); the output
	// does not depend on it.
	Workers int
	// Communes, from LoadCommunes, place generated communes where the
	// gazetteer has them; nil gives them common names instead.
	Communes Communes
}

// Doc is one generated document: its truth and its text (nil when
// withheld).
type Doc struct {
	Truth DocTruth
	Text  []byte
}

// FilesPerDir is how many documents share one subdirectory of the corpus.
const FilesPerDir = 1000

// filePath is the path of the k-th written document, relative to the corpus
// directory: "0000/0000012.txt".
func filePath(k int, id string) string {
	dir := strconv.Itoa(k / FilesPerDir)
	for len(dir) < 4 {
		dir = "0" + dir
	}
	return dir + "/" + id + ".txt"
}

// Generate writes a corpus: it calls emit for every document, in order
// (each cascade's central document, then the documents implementing it).
// d (and its Text) is the callee's to keep. An error from emit stops the
// generation and is returned.
func Generate(cfg Config, emit func(d *Doc) error) error {
	if cfg.Docs < 0 {
		return fmt.Errorf("corpusgen: docs must not be negative, got %d", cfg.Docs)
	}
	if cfg.Docs == 0 {
		return nil
	}
	return emitPlan(makePlan(cfg), cfg, emit)
}

// emitPlan renders the cascades of a plan in parallel and emits them in
// order.
func emitPlan(p *plan, cfg Config, emit func(d *Doc) error) error {
	workers := cfg.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	type job struct {
		c    int
		done chan []Doc
	}
	jobs := make(chan job)
	results := make(chan job, 4*workers)
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				j.done <- renderCascade(p, cfg, j.c)
			}
		}()
	}
	go func() {
		defer close(results)
		for c := range p.cascades {
			j := job{c: c, done: make(chan []Doc, 1)}
			select {
			case results <- j:
			case <-stop:
				close(jobs)
				return
			}
			select {
			case jobs <- j:
			case <-stop:
				close(jobs)
				return
			}
		}
		close(jobs)
	}()
	written := 0
	var err error
	for j := range results {
		if err != nil {
			continue // draining; the job may never have been rendered
		}
		docs := <-j.done
		for k := range docs {
			d := &docs[k]
			if d.Text != nil {
				d.Truth.File = filePath(written, d.Truth.ID)
				written++
			}
			if err = emit(d); err != nil {
				close(stop)
				break
			}
		}
	}
	wg.Wait()
	return err
}

// renderCascade renders the documents of cascade c with the cascade's own
// random stream, so the texts do not depend on the order of rendering.
func renderCascade(p *plan, cfg Config, c int) []Doc {
	r := &renderer{p: p, rates: cfg.Rates, rng: newRNG(cfg.Seed, streamRender+uint64(c)), lastOfWord: map[string]int32{}}
	start, end := int(p.cascades[c]), p.cascadeEnd(c)
	docs := make([]Doc, 0, end-start)
	for i := start; i < end; i++ {
		t, text := r.render(int32(i))
		d := Doc{Truth: t}
		if !p.nodes[i].withheld {
			d.Text = append([]byte(nil), text...)
		}
		docs = append(docs, d)
	}
	return docs
}

// GenerateAll returns the whole corpus in memory (tests, small corpora).
func GenerateAll(cfg Config) ([]Doc, error) {
	var docs []Doc
	err := Generate(cfg, func(d *Doc) error {
		docs = append(docs, *d)
		return nil
	})
	return docs, err
}
