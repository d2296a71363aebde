// Package search is the Bleve full-text and document-number index of vncite.
//
// Every document is indexed with its title and body twice: an exact field
// (NFC, lower case, one tone-mark placement, so "hoá" = "hóa") and a folded
// field (no diacritics, "đ" → "d"), both with term vectors so highlights land
// on the original text. Document numbers are keyword fields holding the
// canonical form from extract.Canonical, the same function that reads a
// user's query, so "nq 25/tw" finds 25-NQ/TW. The graph store keeps the index
// in step through Index, Delete and Hashes (graph.Indexer).
//
// A query is either a document number in any spelling ("25-NQ/TW",
// "nghi quyet so 25-nq/tw", "Nghị quyết 25"), which lists the documents
// carrying the number and then those citing it, or words and "quoted
// phrases", with or without diacritics, "-" before one to exclude it. The
// query is parsed here, never handed to Bleve's query-string syntax:
// wildcards and regular expressions are refused, and the length and the
// number of terms are capped, so every query costs a bounded number of term
// lookups.
package search

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	"golang.org/x/text/unicode/norm"

	"github.com/vncite/vncite"
	"github.com/vncite/vncite/extract"
)

// Field names in the index.
const (
	fieldTitle       = "title"   // exact analyzer, stored
	fieldTitleFolded = "title_f" // folded analyzer, not stored (same text as title)
	fieldBody        = "body"
	fieldBodyFolded  = "body_f"
	fieldNumber      = "number"   // canonical number
	fieldNumberKey   = "numkey"   // "NQ 25": type and sequence, for "Nghị quyết 25"
	fieldCites       = "cites"    // canonical numbers cited
	fieldCiteKeys    = "citekeys" // type and sequence of each cited number
	fieldType        = "type"
	fieldIssuer      = "issuer"
	fieldLevel       = "level"
	fieldProvince    = "province"
	fieldTerm        = "term"
	fieldYear        = "year"
	fieldDate        = "date"
	fieldStub        = "stub"
	fieldHash        = "hash"
	// filterSuffix marks the case- and diacritic-insensitive copy of a
	// keyword field that filters match against ("quang tri" = "Quảng Trị").
	filterSuffix = "_k"
)

// schemaVersion is stored in the index; an index written with another
// mapping is refused with a message to rebuild it.
const schemaVersion = "vncite-search-3"

// schemaKey is the internal key the schema version is stored under.
const schemaKey = "vncite_schema"

// Options configure Open.
type Options struct {
	// BoltTimeout is how long Open waits for the index's file lock, held by
	// another process that has it open, before failing. Default 1s.
	BoltTimeout time.Duration
	// BatchSize is how many documents go into one Bleve batch. Default 500.
	BatchSize int
}

func (o *Options) setDefaults() {
	if o.BoltTimeout <= 0 {
		o.BoltTimeout = time.Second
	}
	if o.BatchSize <= 0 {
		o.BatchSize = 500
	}
}

// ErrLocked is returned by Open when another process holds the index open.
var ErrLocked = errors.New("search index is in use by another process")

// Index is the search index. It is safe for concurrent use.
type Index struct {
	dir  string
	opts Options
	bi   bleve.Index

	mu     sync.Mutex
	closed bool
}

// Open opens the index in dir, creating it when dir is absent or empty.
// When another process has the index open, Open fails after
// Options.BoltTimeout with an error wrapping ErrLocked instead of waiting.
func Open(ctx context.Context, dir string, opts Options) (*Index, error) {
	opts.setDefaults()
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("search: open %s: %w", dir, err)
	}
	runtime := map[string]interface{}{"bolt_timeout": opts.BoltTimeout.String()}
	var bi bleve.Index
	_, err := os.Stat(filepath.Join(dir, "index_meta.json"))
	switch {
	case err == nil:
		bi, err = bleve.OpenUsing(dir, runtime)
		if err != nil {
			if strings.Contains(err.Error(), "timeout") {
				return nil, fmt.Errorf("search: open %s: %w (waited %s; close the other vncite process or use the running server)", dir, ErrLocked, opts.BoltTimeout)
			}
			return nil, fmt.Errorf("search: open %s: %w", dir, err)
		}
		v, err := bi.GetInternal([]byte(schemaKey))
		if err != nil || string(v) != schemaVersion {
			bi.Close()
			return nil, fmt.Errorf("search: open %s: index schema %q, want %q: remove the directory and run 'vncite reindex'", dir, v, schemaVersion)
		}
	case errors.Is(err, fs.ErrNotExist):
		bi, err = create(dir, runtime)
		if err != nil {
			return nil, fmt.Errorf("search: create %s: %w", dir, err)
		}
	default:
		return nil, fmt.Errorf("search: open %s: %w", dir, err)
	}
	return &Index{dir: dir, opts: opts, bi: bi}, nil
}

// create makes a new index in dir, which must be absent or empty.
func create(dir string, runtime map[string]interface{}) (bleve.Index, error) {
	entries, err := os.ReadDir(dir)
	switch {
	case err == nil && len(entries) > 0:
		return nil, errors.New("directory is not empty and holds no search index")
	case err == nil:
		// bleve.New wants to create the directory itself.
		if err := os.Remove(dir); err != nil {
			return nil, err
		}
	case !errors.Is(err, fs.ErrNotExist):
		return nil, err
	}
	if err := os.MkdirAll(filepath.Dir(dir), 0o755); err != nil {
		return nil, err
	}
	im, err := newMapping()
	if err != nil {
		return nil, err
	}
	bi, err := bleve.NewUsing(dir, im, bleve.Config.DefaultIndexType, bleve.Config.DefaultKVStore, runtime)
	if err != nil {
		return nil, err
	}
	if err := bi.SetInternal([]byte(schemaKey), []byte(schemaVersion)); err != nil {
		bi.Close()
		return nil, err
	}
	return bi, nil
}

// newMapping is the index mapping: explicit fields only, nothing dynamic.
func newMapping() (*mapping.IndexMappingImpl, error) {
	im := bleve.NewIndexMapping()
	if err := addAnalyzers(im); err != nil {
		return nil, err
	}
	im.StoreDynamic = false
	im.IndexDynamic = false
	im.DocValuesDynamic = false

	text := func(analyzer string, store bool) *mapping.FieldMapping {
		f := mapping.NewTextFieldMapping()
		f.Analyzer = analyzer
		f.Store = store
		f.IncludeInAll = false
		f.DocValues = false
		return f
	}
	keyword := func(store bool) *mapping.FieldMapping {
		f := mapping.NewKeywordFieldMapping()
		f.Store = store
		f.IncludeInAll = false
		f.IncludeTermVectors = true // tells which number field matched
		return f
	}
	filterKey := func() *mapping.FieldMapping {
		f := text(filterKeyAnalyzer, false)
		f.IncludeTermVectors = false
		return f
	}
	dm := bleve.NewDocumentStaticMapping()
	dm.AddFieldMappingsAt(fieldTitle, text(exactAnalyzer, true))
	dm.AddFieldMappingsAt(fieldTitleFolded, text(foldedAnalyzer, false))
	dm.AddFieldMappingsAt(fieldBody, text(exactAnalyzer, true))
	dm.AddFieldMappingsAt(fieldBodyFolded, text(foldedAnalyzer, false))
	for _, name := range []string{fieldNumber, fieldNumberKey, fieldCites, fieldCiteKeys, fieldYear, fieldStub, fieldHash} {
		dm.AddFieldMappingsAt(name, keyword(true))
	}
	for _, name := range filterFields {
		dm.AddFieldMappingsAt(name, keyword(true))
		dm.AddFieldMappingsAt(name+filterSuffix, filterKey())
	}
	date := mapping.NewDateTimeFieldMapping()
	date.IncludeInAll = false
	dm.AddFieldMappingsAt(fieldDate, date)
	im.DefaultMapping = dm
	return im, nil
}

// filterFields are the keyword fields a Request can filter on, each indexed
// also as a filter key.
var filterFields = []string{fieldType, fieldIssuer, fieldLevel, fieldProvince, fieldTerm}

// Index adds or replaces docs, in batches. A document that cannot be
// indexed (no id, text not UTF-8) fails the whole call before anything of
// it is written. Documents are indexed in batches of Options.BatchSize; a
// failure after the first batch leaves the earlier batches indexed, which
// the graph's check detects through Hashes.
func (ix *Index) Index(ctx context.Context, docs []vncite.Document) error {
	fields := make([]map[string]interface{}, len(docs))
	for i := range docs {
		f, err := docFields(&docs[i])
		if err != nil {
			return fmt.Errorf("search: index: %w", err)
		}
		fields[i] = f
	}
	for start := 0; start < len(docs); start += ix.opts.BatchSize {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("search: index: %w", err)
		}
		end := min(start+ix.opts.BatchSize, len(docs))
		b := ix.bi.NewBatch()
		for i := start; i < end; i++ {
			if err := b.Index(docs[i].ID, fields[i]); err != nil {
				return fmt.Errorf("search: index %s: %w", docs[i].ID, err)
			}
		}
		if err := ix.bi.Batch(b); err != nil {
			return fmt.Errorf("search: index batch of %d: %w", end-start, err)
		}
	}
	return nil
}

// docFields maps a document to the index fields.
func docFields(d *vncite.Document) (map[string]interface{}, error) {
	if d.ID == "" {
		return nil, fmt.Errorf("document %q has no id", d.Number)
	}
	title := d.Title
	if title == "" {
		for _, s := range d.Sightings {
			if s.Title != "" {
				title = s.Title
				break
			}
		}
	}
	for _, s := range []string{title, d.Text} {
		if !utf8.ValidString(s) {
			return nil, fmt.Errorf("document %s: text is not valid UTF-8", d.ID)
		}
	}
	f := map[string]interface{}{
		fieldStub: strconv.FormatBool(d.Stub),
		fieldHash: d.Hash,
	}
	if title != "" {
		title = norm.NFC.String(title)
		f[fieldTitle] = title
		f[fieldTitleFolded] = title
	}
	if d.Text != "" {
		body := d.Text
		if !norm.NFC.IsNormalString(body) {
			body = norm.NFC.String(body)
		}
		f[fieldBody] = body
		f[fieldBodyFolded] = body
	}
	if d.Number != "" {
		num, key := numberKeys(d.Number)
		f[fieldNumber] = num
		if key != "" {
			f[fieldNumberKey] = key
		}
	}
	if len(d.Cites) > 0 {
		seen := make(map[string]bool, len(d.Cites))
		var cites, keys []string
		for _, c := range d.Cites {
			num, key := numberKeys(c)
			if num == "" || seen[num] {
				continue
			}
			seen[num] = true
			cites = append(cites, num)
			if key != "" && !seen["\x00"+key] {
				seen["\x00"+key] = true
				keys = append(keys, key)
			}
		}
		f[fieldCites] = cites
		f[fieldCiteKeys] = keys
	}
	term := d.Term
	year := 0
	if d.Key != nil {
		if term == "" {
			term = d.Key.Term
		}
		year = d.Key.Year
	}
	if d.Date != "" {
		if t, err := time.Parse(time.DateOnly, d.Date); err == nil {
			f[fieldDate] = t
			year = t.Year()
		}
	}
	if year > 0 {
		f[fieldYear] = strconv.Itoa(year)
	}
	for name, v := range map[string]string{
		fieldType: d.Type, fieldIssuer: d.Issuer, fieldLevel: string(d.Level),
		fieldProvince: d.Province, fieldTerm: term,
	} {
		if v != "" {
			f[name] = v
			f[name+filterSuffix] = v
		}
	}
	return f, nil
}

// numberKeys returns the canonical form of a document number, as
// extract.Canonical gives it (the number as given when it cannot), and its
// type-and-sequence key, "" when the number does not parse.
func numberKeys(s string) (canonical, key string) {
	s = strings.TrimSpace(s)
	n, err := extract.ParseNumber(s)
	if err != nil || n.Partial || n.Canonical == "" {
		return s, ""
	}
	return n.Canonical, seqKey(n)
}

// seqKey is the key of a number's type and sequence: "NQ 25".
func seqKey(n extract.Number) string {
	if n.Type == "" || n.Seq == "" {
		return ""
	}
	// "03-NQ/TW" and "Nghị quyết 3" are the same sequence number.
	seq := strings.TrimLeft(strings.ToLower(n.Seq), "0")
	if seq == "" || !unicode.IsDigit(rune(seq[0])) {
		seq = "0" + seq
	}
	return n.Type + " " + seq
}

// Delete removes docs by id; ids not in the index are ignored.
func (ix *Index) Delete(ctx context.Context, ids []string) error {
	for start := 0; start < len(ids); start += ix.opts.BatchSize {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("search: delete: %w", err)
		}
		end := min(start+ix.opts.BatchSize, len(ids))
		b := ix.bi.NewBatch()
		for _, id := range ids[start:end] {
			b.Delete(id)
		}
		if err := ix.bi.Batch(b); err != nil {
			return fmt.Errorf("search: delete batch of %d: %w", end-start, err)
		}
	}
	return nil
}

// Hashes returns id → content hash (vncite.Document.Hash as indexed, "" when
// the document had none) of every indexed document.
func (ix *Index) Hashes(ctx context.Context) (map[string]string, error) {
	n, err := ix.bi.DocCount()
	if err != nil {
		return nil, fmt.Errorf("search: hashes: %w", err)
	}
	out := make(map[string]string, n)
	const page = 5000
	var after []string
	for {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("search: hashes: %w", err)
		}
		req := bleve.NewSearchRequestOptions(bleve.NewMatchAllQuery(), page, 0, false)
		req.Fields = []string{fieldHash}
		req.SortBy([]string{"_id"})
		if after != nil {
			req.SetSearchAfter(after)
		}
		res, err := ix.bi.SearchInContext(ctx, req)
		if err != nil {
			return nil, fmt.Errorf("search: hashes: %w", err)
		}
		for _, h := range res.Hits {
			hash, _ := h.Fields[fieldHash].(string)
			out[h.ID] = hash
		}
		if len(res.Hits) < page {
			return out, nil
		}
		after = []string{res.Hits[len(res.Hits)-1].ID}
	}
}

// Count returns the number of indexed documents.
func (ix *Index) Count() (uint64, error) {
	n, err := ix.bi.DocCount()
	if err != nil {
		return 0, fmt.Errorf("search: count: %w", err)
	}
	return n, nil
}

// Compact merges the index's segments into one, waiting until done. A bulk
// load (reindex, a large ingest) leaves many segments that Bleve otherwise
// merges in the background while queries run; compacting once after it
// makes the following searches faster.
func (ix *Index) Compact(ctx context.Context) error {
	adv, err := ix.bi.Advanced()
	if err != nil {
		return fmt.Errorf("search: compact: %w", err)
	}
	sc, ok := adv.(*scorch.Scorch)
	if !ok {
		return nil
	}
	if err := sc.ForceMerge(ctx, nil); err != nil {
		return fmt.Errorf("search: compact: %w", err)
	}
	return nil
}

// Close closes the index; closing twice is harmless.
func (ix *Index) Close() error {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if ix.closed {
		return nil
	}
	ix.closed = true
	if err := ix.bi.Close(); err != nil {
		return fmt.Errorf("search: close %s: %w", ix.dir, err)
	}
	return nil
}
