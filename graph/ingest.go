package graph

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"log/slog"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/vncite/vncite"
	"github.com/vncite/vncite/extract"
)

// MaxTextBytes is the largest text the store accepts for one document.
const MaxTextBytes = 32 << 20

// Input is one document to ingest: its text (the extractor runs on it) or
// an Extraction already made, and where it came from. Err reports a file
// that could not be read; it is counted as skipped with that reason.
type Input struct {
	Source     string
	Text       []byte
	Extraction *vncite.Extraction
	Err        error
}

// Skip is an input that was not stored, and why.
type Skip struct {
	Source string `json:"source"`
	Reason string `json:"reason"`
}

// Summary counts what an ingest did.
type Summary struct {
	Inputs     int           `json:"inputs"`
	Documents  int           `json:"documents"` // stored, new or changed
	Unchanged  int           `json:"unchanged"` // same content as already stored
	Replaced   int           `json:"replaced"`  // changed content: outgoing edges replaced
	References int           `json:"references"`
	Stubs      int           `json:"stubs"` // cited documents first seen
	Edges      int           `json:"edges"`
	Skipped    []Skip        `json:"skipped,omitempty"`
	Elapsed    time.Duration `json:"elapsed_ns"`
}

// DocsPerSecond is the inputs handled per second.
func (s Summary) DocsPerSecond() float64 {
	if s.Elapsed <= 0 {
		return 0
	}
	return float64(s.Inputs) / s.Elapsed.Seconds()
}

// IngestOptions tune Ingest.
type IngestOptions struct {
	// BatchSize is the number of documents per transaction and per Indexer
	// call; 0 means 256.
	BatchSize int
	// Progress, when set, is called after every batch.
	Progress func(Summary)
}

// Ingest stores documents: each with its edges, sightings and stubs in one
// transaction, several documents to a transaction. A failing document is
// reported in Summary.Skipped and the others go on; nothing stored is lost.
// The error is for the store itself failing or ctx being cancelled; what
// was committed before stays.
func (s *Store) Ingest(ctx context.Context, inputs iter.Seq[Input], opts IngestOptions) (Summary, error) {
	if s.ro {
		return Summary{}, fmt.Errorf("graph: ingest: store %s is open read-only", s.dir)
	}
	if opts.BatchSize <= 0 {
		opts.BatchSize = 256
	}
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	start := time.Now()
	var sum Summary
	w := s.newWriter(ctx)
	defer w.close()
	// A failed commit loses its batch: its documents are reported
	// skipped and the ingest stops (the store is failing).
	failed := func(err error) error {
		var be *BatchError
		if errors.As(err, &be) {
			for _, src := range be.Sources {
				sum.Skipped = append(sum.Skipped, Skip{src, err.Error()})
			}
			sum.Documents -= len(be.Sources)
		}
		return err
	}
	progress := func() {
		if opts.Progress != nil {
			sum.Elapsed = time.Since(start)
			opts.Progress(sum)
		}
	}
	var runErr error
	for in := range s.prepareAll(ctx, inputs) {
		if err := ctx.Err(); err != nil {
			runErr = err
			break
		}
		sum.Inputs++
		st, err := w.putInput(in, &sum)
		if err != nil {
			w.discardDoc()
			sum.Skipped = append(sum.Skipped, Skip{in.source, err.Error()})
			continue
		}
		if st == putUnchanged {
			sum.Unchanged++
			continue
		}
		if err := w.commitDoc(in.source); err != nil {
			var be *BatchError
			if errors.As(err, &be) {
				runErr = failed(err)
				break
			}
			sum.Skipped = append(sum.Skipped, Skip{in.source, err.Error()})
			continue
		}
		sum.Documents++
		if st == putReplaced {
			sum.Replaced++
		}
		if w.docs >= opts.BatchSize {
			if err := w.commit(); err != nil {
				runErr = failed(err)
				break
			}
			progress()
		}
	}
	if runErr == nil && ctx.Err() != nil {
		runErr = ctx.Err()
	}
	var be *BatchError
	if errors.As(runErr, &be) {
		// The open transaction may rest on the batch that failed: drop it.
		for _, src := range w.sources {
			sum.Skipped = append(sum.Skipped, Skip{src, "not stored: an earlier batch failed to commit"})
		}
		sum.Documents -= len(w.sources)
		// The batches committed before stay: index their stubs.
		if err := w.indexLater(); err != nil {
			slog.Warn("graph: index stubs after a failed batch", "err", err)
		}
	} else if err := w.finish(); err != nil && runErr == nil {
		runErr = failed(err)
	}
	progress()
	if err := s.db.Sync(); err != nil && runErr == nil {
		runErr = fmt.Errorf("graph: sync: %w", err)
	}
	sum.Elapsed = time.Since(start)
	return sum, runErr
}

type putStatus int

const (
	putNew putStatus = iota
	putReplaced
	putUnchanged
)

// prepared is an input checked, hashed and extracted, and keyed as far as
// its own text tells: the work that needs no store state, done in
// parallel ahead of the writer.
type prepared struct {
	source string
	text   string
	hash   string
	ext    vncite.Extraction
	err    error
	plan   docPlan
}

// docPlan is what a document's text alone says: its own identity, the
// identities of its references (for own.ID: see refIdentities), and the
// evidence sentences of its references and statements.
type docPlan struct {
	own      identity
	keyed    []vncite.Reference // the references, dates after the document's cleared
	ids      []identity
	refSent  []string
	stmtSent []string
}

// plan keys a document from its own text.
func (s *Store) plan(ext *vncite.Extraction, source, text string) docPlan {
	pl := docPlan{own: s.ownIdentity(ext.Document, source, text)}
	pl.keyed = plausibleDates(ext.References, ext.Document.Date)
	pl.ids = s.refIdentities(ext, pl.keyed, s.citing(ext, pl.own))
	pl.refSent = make([]string, len(ext.References))
	for i, r := range ext.References {
		if r.Number != "" {
			pl.refSent[i] = sentence(text, r.SentenceStart, r.SentenceEnd, r.Start, r.End)
		}
	}
	pl.stmtSent = make([]string, len(ext.Statements))
	for i, st := range ext.Statements {
		pl.stmtSent[i] = clip(st.Evidence)
		if pl.stmtSent[i] == "" {
			pl.stmtSent[i] = sentence(text, st.Start, st.End, st.Start, st.End)
		}
	}
	return pl
}

// citing is the context a document's own identity gives its references.
func (s *Store) citing(ext *vncite.Extraction, own identity) refContext {
	doc := ext.Document
	own.apply(&doc)
	return refContext{ID: own.ID, Doc: doc, Place: own.Place, Issuer: ext.Document.Issuer}
}

// refIdentities keys the references of a document (see refIdentity).
// Within one document a number means one document: a mention without date
// or term takes the identity its dated mentions have, when they agree on
// one.
func (s *Store) refIdentities(ext *vncite.Extraction, keyed []vncite.Reference, cx refContext) []identity {
	ids := make([]identity, len(keyed))
	definite := map[string]map[string]bool{}
	for i, r := range keyed {
		if r.Number == "" {
			continue
		}
		ids[i] = s.refIdentity(r, cx)
		if !ids[i].Floating && ids[i].Key.Confidence != "unscoped" {
			if definite[r.Number] == nil {
				definite[r.Number] = map[string]bool{}
			}
			definite[r.Number][ids[i].ID] = true
		}
	}
	for i, r := range ext.References {
		if r.Number == "" || !ids[i].Floating || len(definite[r.Number]) != 1 {
			continue
		}
		for id := range definite[r.Number] {
			for j := range ext.References {
				if ids[j].ID == id && !ids[j].Floating {
					ids[i] = ids[j]
					ids[i].sameDoc = true
					break
				}
			}
		}
	}
	return ids
}

// prepare checks, hashes, extracts and plans one input.
func (s *Store) prepare(in Input) prepared {
	p := prepared{source: in.Source}
	if in.Err != nil {
		p.err = in.Err
		return p
	}
	text := in.Text
	size := len(text)
	if in.Extraction != nil && size == 0 {
		size = len(in.Extraction.Text)
	}
	if size > MaxTextBytes {
		p.err = fmt.Errorf("text is %d bytes, over the %d-byte limit", size, MaxTextBytes)
		return p
	}
	if len(text) == 0 && in.Extraction != nil {
		p.text = in.Extraction.Text // the extraction's own text, not copied
	} else {
		p.text = string(text)
	}
	switch {
	case len(strings.TrimSpace(p.text)) == 0:
		p.err = errors.New("empty text")
		return p
	case !utf8.ValidString(p.text):
		p.err = errors.New("text is not valid UTF-8")
		return p
	}
	p.hash = hashText(p.text)
	if in.Extraction != nil {
		p.ext = *in.Extraction
	} else {
		ext, err := extractSafely(text)
		if err != nil {
			p.err = fmt.Errorf("extract: %w", err)
			return p
		}
		p.ext = ext
	}
	if p.ext.Text == "" {
		p.ext.Text = p.text
	}
	p.plan = s.plan(&p.ext, p.source, p.text)
	return p
}

// hashText is the hex sha256 of s, hashed through a small buffer rather
// than a copy of the whole text.
func hashText(s string) string {
	h := sha256.New()
	var buf [4096]byte
	for len(s) > 0 {
		n := copy(buf[:], s)
		h.Write(buf[:n])
		s = s[n:]
	}
	return hex.EncodeToString(h.Sum(nil))
}

// prepareAll runs prepare over inputs on all cores, yielding results in
// input order. Stopping the iteration early stops the workers.
func (s *Store) prepareAll(ctx context.Context, inputs iter.Seq[Input]) iter.Seq[prepared] {
	return func(yield func(prepared) bool) {
		workers := max(1, runtime.GOMAXPROCS(0))
		type job struct {
			in  Input
			out chan prepared
		}
		jobs := make(chan job)
		order := make(chan chan prepared, 4*workers)
		stop := make(chan struct{})
		var wg sync.WaitGroup
		for range workers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for j := range jobs {
					j.out <- s.prepare(j.in)
				}
			}()
		}
		go func() {
			defer close(order)
			defer close(jobs)
			for in := range inputs {
				out := make(chan prepared, 1)
				select {
				case order <- out:
				case <-stop:
					return
				case <-ctx.Done():
					return
				}
				select {
				case jobs <- job{in, out}:
				case <-stop:
					return
				}
			}
		}()
		defer func() {
			close(stop)
			for range order {
			}
			wg.Wait()
		}()
		for out := range order {
			if !yield(<-out) {
				return
			}
		}
	}
}

// putInput computes one prepared document's writes into the overlay.
func (w *writer) putInput(p prepared, sum *Summary) (putStatus, error) {
	if p.err != nil {
		return 0, p.err
	}
	if _, ok, err := w.get(key(pHash, p.hash)); err != nil {
		return 0, err
	} else if ok {
		return putUnchanged, nil
	}
	return w.putExtraction(&p, sum)
}

// extractSafely runs the extractor, turning a panic into an error so one
// bad document cannot stop an ingest.
func extractSafely(text []byte) (ext vncite.Extraction, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("extractor failed: %v", r)
		}
	}()
	return extract.Extract(text)
}

func (w *writer) putExtraction(p *prepared, sum *Summary) (putStatus, error) {
	s := w.s
	ext, source, hash, text := &p.ext, p.source, p.hash, p.text
	own := p.plan.own
	status := putNew
	existing, err := w.readDoc(own.ID)
	if err != nil {
		return 0, err
	}
	if existing != nil && existing.Number != ext.Document.Number {
		// Two numbers with the same slug ("25-NQ/TW", "25/NQ-TW"): keep apart.
		own.ID += "~" + shortHash(ext.Document.Number)
		if existing, err = w.readDoc(own.ID); err != nil {
			return 0, err
		}
	}
	if existing != nil && !existing.Stub {
		// Changed content for the same document: its outgoing edges and
		// sightings are replaced.
		if err := w.removeReadIn(own.ID); err != nil {
			return 0, err
		}
		w.del(key(pHash, existing.Hash))
		status = putReplaced
	}
	if existing == nil || existing.Stub {
		w.newRead = own.ID // nothing was read in it yet
	}
	doc := ext.Document
	own.apply(&doc)
	now := time.Now().UTC().Truncate(time.Second)
	doc.Stub, doc.Source, doc.Hash, doc.IngestedAt, doc.Text = false, source, hash, &now, ""
	if existing != nil && existing.Stub && existing.Number == doc.Number {
		// The stub becomes the document; what citing texts said of it stays
		// in its sightings, and its edges stay.
		if doc.Title == "" {
			doc.Title = existing.Title
		}
	}
	if err := w.putDoc(&doc, own.Floating); err != nil {
		return 0, err
	}
	w.docIngested = doc.ID
	w.set(key(pText, doc.ID), []byte(text))
	w.set(key(pHash, hash), []byte(doc.ID))
	if doc.Number != "" && !own.Floating && w.mayFloat(doc.Number) {
		if err := w.settleFloating(doc.Number, scopeOf(doc.ID)); err != nil {
			return 0, err
		}
	}
	if doc.Number != "" && !own.Floating && !own.Class.local() {
		if err := w.resettleCentral(&doc); err != nil {
			return 0, err
		}
	}

	cx := refContext{ID: doc.ID, Doc: doc, Place: own.Place, Issuer: ext.Document.Issuer}
	refIDs := make([]string, len(ext.References))
	keyed, ids := p.plan.keyed, p.plan.ids
	if own.ID != p.plan.own.ID {
		// The id changed in the store (a number with the same slug): the
		// references unscoped by the citing id are keyed again.
		ids = s.refIdentities(ext, keyed, cx)
	}
	pins, err := w.pinLocal(keyed, ids, cx)
	if err != nil {
		return 0, err
	}
	if cx.Near, err = w.near(ids, pins); err != nil {
		return 0, err
	}
	// The object of a statement about a dated document is one that
	// document could cite: no later than its date.
	var bound map[int]string
	for _, st := range ext.Statements {
		if st.SubjectRef < 0 || st.SubjectRef >= len(ext.References) || st.ObjectRef < 0 || st.ObjectRef >= len(ext.References) {
			continue
		}
		if d := ext.References[st.SubjectRef].Date; d != "" && (cx.Doc.Date == "" || d < cx.Doc.Date) {
			if bound == nil {
				bound = map[int]string{}
			}
			bound[st.ObjectRef] = d
		}
	}
	for i, r := range ext.References {
		if r.Number == "" {
			continue
		}
		sum.References++
		rcx := cx
		if d, ok := bound[i]; ok {
			rcx.Doc.Date = d
		}
		tid, created, err := w.resolveRef(r, rcx, ids[i], pins)
		if err != nil {
			return 0, err
		}
		refIDs[i] = tid
		if tid == doc.ID {
			continue // the document's own number
		}
		if created {
			sum.Stubs++
		}
		rel := r.Relation
		if rel == "" {
			rel = vncite.Cites
		}
		ev := vncite.Evidence{Doc: doc.ID, Start: r.Start, End: r.End, Sentence: p.plan.refSent[i]}
		if err := w.addEdge(vncite.Edge{From: doc.ID, To: tid, Relation: rel, Evidence: ev}); err != nil {
			return 0, err
		}
		sum.Edges++
	}
	for si, st := range ext.Statements {
		from, err := w.liveTarget(doc.ID, refIDs, ext.References, st.SubjectRef)
		if err != nil {
			return 0, err
		}
		to, err := w.liveTarget(doc.ID, refIDs, ext.References, st.ObjectRef)
		if err != nil {
			return 0, err
		}
		if from == "" || to == "" || from == to {
			continue
		}
		rel := st.Relation
		if rel == "" {
			rel = vncite.Cites
		}
		ev := vncite.Evidence{Doc: doc.ID, Start: st.Start, End: st.End, Sentence: p.plan.stmtSent[si], Statement: true}
		if err := w.addEdge(vncite.Edge{From: from, To: to, Relation: rel, Evidence: ev}); err != nil {
			return 0, err
		}
		sum.Edges++
	}
	if err := w.flushReadIns(); err != nil {
		return 0, err
	}
	return status, nil
}

// plausibleDates returns the references with every date later than the
// citing document's own cleared, for keying: a document cannot cite one
// written after it, so such a date is something else read beside the
// number (a web page's time stamp). The sightings keep what was read.
func plausibleDates(refs []vncite.Reference, date string) []vncite.Reference {
	out := refs
	for i, r := range refs {
		if r.Date == "" || date == "" || r.Date <= date {
			continue
		}
		if &out[0] == &refs[0] {
			out = slices.Clone(refs)
		}
		out[i].Date = ""
		if r.Year == yearOf(r.Date) && splitNumber(r.Number).Year == 0 {
			out[i].Year = 0 // the year read from that date, not from the number
		}
	}
	if len(refs) > 0 && &out[0] != &refs[0] {
		clearBorrowedYears(refs, out)
	}
	return out
}

func refAt(ids []string, i int) string {
	if i < 0 || i >= len(ids) {
		return ""
	}
	return ids[i]
}

// maxEvidence is the longest evidence sentence kept on an edge.
const maxEvidence = 600

// sentence is the evidence text for a span: the clause the extractor
// marked, else some context around the reference.
func sentence(text string, s, e, refStart, refEnd int) string {
	if s < 0 || e > len(text) || s >= e {
		s, e = refStart-150, refEnd+150
		if s < 0 {
			s = 0
		}
		if e > len(text) {
			e = len(text)
		}
		if s >= e {
			return ""
		}
	}
	for s > 0 && !utf8.RuneStart(text[s]) {
		s--
	}
	for e < len(text) && !utf8.RuneStart(text[e]) {
		e++
	}
	return clip(text[s:e])
}

// clip collapses whitespace and cuts s to maxEvidence bytes on a rune
// boundary.
func clip(s string) string {
	s = collapseSpace(s)
	if len(s) <= maxEvidence {
		return s
	}
	cut := maxEvidence
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

// collapseSpace is strings.Join(strings.Fields(s), " "): runs of white
// space become one space, none at either end. Text already so is returned
// as is, and ASCII white space is handled without decoding runes.
func collapseSpace(s string) string {
	if s == "" {
		return s
	}
	clean := true
	prevSpace := true // at the start, a space is leading
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			clean = false // maybe Unicode white space: the general path
			break
		}
		sp := spaceByte[c]
		if sp && (prevSpace || c != ' ') {
			clean = false
			break
		}
		prevSpace = sp
	}
	if clean && !prevSpace {
		return s
	}
	if clean { // only a trailing space to drop
		return s[:len(s)-1]
	}
	return strings.Join(strings.Fields(s), " ")
}

// spaceByte marks the ASCII bytes strings.Fields splits on.
var spaceByte = [256]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// resolveRef finds or creates the node a reference is to, and records the
// citing context as a sighting.
// pins maps the ids of mentions whose unit the text leaves open to the
// ingested document they mean (see pinLocal).
func (w *writer) resolveRef(r vncite.Reference, cx refContext, id identity, pins map[string]*vncite.Document) (string, bool, error) {
	why := ""
	if id.sameDoc {
		why = "inferred: cited without date or term here; the same document cites " + r.Number + " with them elsewhere"
	}
	if id.Floating {
		c, how, err := w.candidate(r.Number, id.Class, scopeOf(id.ID), cx.Doc.Date, r.Title, cx.Near)
		if err != nil {
			return "", false, err
		}
		if c != nil {
			why = mergeWhy(r.Number, c, how, cx)
			id.ID, id.Floating = c.ID, false
		}
	}
	if pin := pins[id.ID]; pin != nil && id.ID != pin.ID {
		id.ID, id.Floating = pin.ID, false
		why = localWhy(r, pin, cx)
	}
	if id.ID == cx.ID {
		return id.ID, false, nil
	}
	d, err := w.getDoc(id.ID)
	if err != nil {
		return "", false, err
	}
	if d != nil && d.Number != r.Number {
		// Two numbers with the same slug: keep apart.
		id.ID += "~" + shortHash(r.Number)
		if d, err = w.getDoc(id.ID); err != nil {
			return "", false, err
		}
		if id.ID == cx.ID {
			return id.ID, false, nil
		}
	}
	created := false
	sg := vncite.Sighting{Citing: cx.ID, Start: r.Start, End: r.End, Date: r.Date, Body: strings.TrimSpace(r.Body), Title: r.Title, Term: r.Term, Why: why}
	if d == nil {
		created = true
		d = &vncite.Document{Number: r.Number, Type: r.Type, TypeName: r.TypeName, Issuer: r.Issuer, Stub: true}
		id.apply(d)
		enrich(d, sg)
		if err := w.putDoc(d, id.Floating); err != nil {
			return "", false, err
		}
		if !id.Floating && w.mayFloat(r.Number) {
			if err := w.settleFloating(r.Number, scopeOf(id.ID)); err != nil {
				return "", false, err
			}
		}
	} else if d.Stub && enrich(d, sg) {
		if err := w.putDoc(d, false); err != nil {
			return "", false, err
		}
	} else {
		w.docTouched[d.ID] = true // its sightings changed
	}
	if err := w.addSighting(d.ID, sg); err != nil {
		return "", false, err
	}
	return d.ID, created, nil
}

// enrich fills a stub's empty fields from a sighting; it never overwrites:
// disagreements stay in the sightings.
func enrich(d *vncite.Document, sg vncite.Sighting) bool {
	changed := false
	fill := func(f *string, v string) {
		if *f == "" && v != "" {
			*f, changed = v, true
		}
	}
	fill(&d.Date, sg.Date)
	fill(&d.Body, sg.Body)
	fill(&d.Title, sg.Title)
	fill(&d.Term, sg.Term)
	return changed
}

// scopeOf is the scope part of a local id's qualifier ("p46" of
// "52-ct-tu@p46.unk"), "" for central ids.
func scopeOf(id string) string {
	i := strings.LastIndexByte(id, '@')
	if i < 0 {
		return ""
	}
	q := id[i+1:]
	if j := strings.LastIndexByte(q, '.'); j >= 0 {
		return q[:j]
	}
	return ""
}

// mergeWhy says why an undated mention was tied to c: the only candidate,
// or chosen as how says.
func mergeWhy(number string, c *vncite.Document, how string, cx refContext) string {
	what := ""
	if c.Key != nil && c.Key.Term != "" {
		what = " (khóa " + c.Key.Term + ")"
	} else if c.Key != nil && c.Key.Year != 0 {
		what = fmt.Sprintf(" (%d)", c.Key.Year)
	}
	when := "an undated citing document"
	if cx.Doc.Date != "" {
		when = "a document dated " + cx.Doc.Date
	}
	if how != "" {
		return "inferred: cited without date or term by " + when + "; " + how + what
	}
	return "inferred: cited without date or term by " + when + "; the only " + number + what + " known that it could cite"
}

// candidate returns the one dated document of number a mention without
// date or term can mean, or nil when there is none or several. A document
// dated after the citing one is no candidate, nor one of a later term or
// year; of several, those whose title differs from the title given beside
// the mention are not. Of several central ones, a reader takes the one the
// documents the citing document cites also cite (near), else the latest.
// how says which rule chose (see mergeWhy).
func (w *writer) candidate(number string, class numberClass, scope, citingDate, title string, near map[string]bool) (*vncite.Document, string, error) {
	keyed, err := w.keyedDocs(number, class, scope)
	if err != nil {
		return nil, "", err
	}
	c, how := pickCandidate(keyed, number, class, scope, citingDate, title, near)
	return c, how, nil
}

// keyedDocs returns the documents of number whose key is known (the only
// ones a mention without date or term can be tied to), in key order. A
// local number's are only those of scope: "15-KH/TU" exists in every
// province and year, and reading them all would make each document's cost
// grow with the store.
func (w *writer) keyedDocs(number string, class numberClass, scope string) ([]*vncite.Document, error) {
	kvs, err := w.scanNumber(pNumber, number, class, scope)
	if err != nil {
		return nil, err
	}
	var keyed []*vncite.Document
	for _, e := range kvs {
		p := splitKey(e.k[1:])
		if len(p) != 2 {
			continue
		}
		d, err := w.readDoc(p[1])
		if err != nil {
			return nil, err
		}
		if d == nil || d.Key == nil || d.Key.Confidence == "unknown" || d.Key.Confidence == "unscoped" {
			continue
		}
		if class.local() && d.Key.Year == 0 {
			// Floating itself (its year is unknown): the node undated
			// mentions of its scope already share, no candidate for them.
			continue
		}
		keyed = append(keyed, d)
	}
	return keyed, nil
}

// pickCandidate is candidate over the documents keyedDocs returned.
func pickCandidate(keyed []*vncite.Document, number string, class numberClass, scope, citingDate, title string, near map[string]bool) (*vncite.Document, string) {
	var fit []*vncite.Document
	for _, d := range keyed {
		if class.local() && scopeOf(d.ID) != scope {
			continue
		}
		if !mayCite(d, class, citingDate) || staleByTitle(d, class, citingDate, title) {
			continue
		}
		fit = append(fit, d)
	}
	if len(fit) > 1 && !class.local() && title != "" {
		// The title given beside the mention tells several apart; it
		// rules none out on its own ("về tiếp tục thực hiện Quyết định
		// 07-QĐ/TW" says what a document does, not its title).
		var same []*vncite.Document
		for _, d := range fit {
			if d.Title == "" || sameTitle(title, d.Title) {
				same = append(same, d)
			}
		}
		if len(same) > 0 {
			fit = same
		}
	}
	switch {
	case len(fit) == 0:
		return nil, ""
	case len(fit) == 1:
		return fit[0], ""
	case class.local():
		return latestLocal(fit, number, class, citingDate)
	case citingDate == "":
		return nil, "" // several: ambiguous, stays apart
	}
	var inNear *vncite.Document
	nearCount := 0
	for _, d := range fit {
		if near[d.ID] {
			inNear, nearCount = d, nearCount+1
		}
	}
	if nearCount == 1 {
		return inNear, "the one of the " + strconv.Itoa(len(fit)) + " " + number + " known that the documents it cites cite"
	}
	// A central number reused each term or year: the latest one the citing
	// document can cite.
	var latest *vncite.Document
	tie := false
	for _, d := range fit {
		switch {
		case latest == nil || centralRank(d, class) > centralRank(latest, class):
			latest, tie = d, false
		case centralRank(d, class) == centralRank(latest, class):
			tie = true
		}
	}
	if tie {
		return nil, ""
	}
	return latest, "the latest of the " + strconv.Itoa(len(fit)) + " " + number + " known that it could cite"
}

// centralRank orders the documents of one central number: by term (Party)
// or year (state).
func centralRank(d *vncite.Document, class numberClass) int {
	if class == classCentralParty {
		return termRank(d.Key.Term)
	}
	return d.Key.Year
}

// mayCite reports whether a document dated citingDate can cite d.
func mayCite(d *vncite.Document, class numberClass, citingDate string) bool {
	if citingDate == "" {
		return true
	}
	if d.Date != "" {
		return d.Date <= citingDate
	}
	if class == classCentralParty {
		return termRank(d.Key.Term) <= termRank(extract.TermOf(citingDate))
	}
	return d.Key.Year == 0 || d.Key.Year <= yearOf(citingDate)
}

// settleFloating ties mentions of number that had no date or term to the
// one candidate each citing document can mean, now that a dated one of
// scope exists. Of a local number only the mentions of that scope can
// mean it (pickCandidate keeps the candidates of the mention's own scope),
// so only they are looked at.
func (w *writer) settleFloating(number, scope string) error {
	class := classify(splitNumber(number))
	kvs, err := w.scanNumber(pFloat, number, class, scope)
	if err != nil {
		return err
	}
	// The documents of number that stubs can be tied to are read once, and
	// each (unit, citing date) is decided once: moving citers and dropping
	// floating stubs (whose key is unknown) changes neither.
	var keyed []*vncite.Document
	loaded := false
	type choice struct {
		c   *vncite.Document
		how string
	}
	chosen := map[[2]string]choice{}
	for _, e := range kvs {
		p := splitKey(e.k[1:])
		if len(p) != 2 {
			continue
		}
		fid := p[1]
		f, err := w.readDoc(fid)
		if err != nil {
			return err
		}
		if f == nil || !f.Stub {
			continue // an ingested document keeps its own key
		}
		sights, err := w.scan(prefixKey(pSight, fid), false)
		if err != nil {
			return err
		}
		citers := map[string]bool{}
		for _, sk := range sights {
			if sp := splitKey(sk.k[1:]); len(sp) == 3 {
				citers[sp[1]] = true
			}
		}
		for citer := range citers {
			cd, err := w.readDoc(citer)
			if err != nil {
				return err
			}
			date := ""
			var cdoc vncite.Document
			if cd != nil {
				date, cdoc = cd.Date, *cd
			}
			if !loaded {
				if keyed, err = w.keyedDocs(number, class, scopeOf(fid)); err != nil {
					return err
				}
				loaded = true
			}
			k := [2]string{scopeOf(fid), date}
			ch, ok := chosen[k]
			if !ok {
				ch.c, ch.how = pickCandidate(keyed, number, class, k[0], date, "", nil)
				chosen[k] = ch
			}
			c, how := ch.c, ch.how
			if c == nil {
				continue
			}
			if err := w.moveCiter(fid, c.ID, citer, mergeWhy(number, c, how, refContext{ID: citer, Doc: cdoc})); err != nil {
				return err
			}
		}
		if err := w.dropIfOrphan(fid); err != nil {
			return err
		}
	}
	return nil
}

// moveCiter moves what citer said about from (edges read in citer, its
// sightings) to to.
func (w *writer) moveCiter(from, to, citer, why string) error {
	ri, err := w.loadReadIn(citer)
	if err != nil {
		return err
	}
	kept := ri.Edges[:0]
	var moved []vncite.Edge
	for _, r := range ri.Edges {
		if r.From != from && r.To != from {
			kept = append(kept, r)
			continue
		}
		v, ok, err := w.get(r.fwd())
		if err != nil {
			return err
		}
		w.delEdge(r)
		if !ok {
			continue
		}
		var ev vncite.Evidence
		if err := decodeEvidence(v, &ev); err != nil {
			return err
		}
		n := vncite.Edge{From: r.From, To: r.To, Relation: r.Rel, Evidence: ev}
		if n.From == from {
			n.From = to
		}
		if n.To == from {
			n.To = to
		}
		if n.From != n.To {
			moved = append(moved, n)
		}
	}
	ri.Edges = kept
	for _, n := range moved {
		if err := w.addEdge(n); err != nil {
			return err
		}
	}
	keptS := ri.Sights[:0]
	var sights []vncite.Sighting
	for _, sr := range ri.Sights {
		if sr.ID != from {
			keptS = append(keptS, sr)
			continue
		}
		full := sightRef{ID: from, Citing: citer, Start: sr.Start}
		v, ok, err := w.get(full.main())
		if err != nil {
			return err
		}
		w.del(full.main())
		if !ok {
			continue
		}
		var sg vncite.Sighting
		if err := json.Unmarshal(v, &sg); err != nil {
			return err
		}
		sg.Why = why
		sights = append(sights, sg)
	}
	ri.Sights = keptS
	for _, sg := range sights {
		if err := w.addSighting(to, sg); err != nil {
			return err
		}
	}
	w.docTouched[to] = true
	w.docTouched[from] = true
	return nil
}

// removeReadIn deletes every edge and sighting read in document id, then
// the stubs left with nothing.
func (w *writer) removeReadIn(id string) error {
	ri, err := w.loadReadIn(id)
	if err != nil {
		return err
	}
	ends := map[string]bool{}
	for _, r := range ri.Edges {
		w.delEdge(r)
		ends[r.From], ends[r.To] = true, true
	}
	for _, sr := range ri.Sights {
		w.del(sightRef{ID: sr.ID, Citing: id, Start: sr.Start}.main())
		ends[sr.ID] = true
	}
	ri.Edges, ri.Sights = nil, nil
	delete(ends, id)
	for n := range ends {
		if err := w.dropIfOrphan(n); err != nil {
			return err
		}
	}
	return nil
}

// dropIfOrphan deletes a stub nothing cites or mentions any more.
func (w *writer) dropIfOrphan(id string) error {
	d, err := w.readDoc(id)
	if err != nil || d == nil || !d.Stub {
		return err
	}
	for _, p := range [][]byte{prefixKey(pSight, id), prefixKey(pFwd, id), prefixKey(pRev, id)} {
		ok, err := w.exists(p)
		if err != nil || ok {
			if !ok {
				return err
			}
			w.docTouched[id] = true
			return nil
		}
	}
	w.deleteNode(d)
	return nil
}
