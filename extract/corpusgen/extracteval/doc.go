// Package extracteval measures the reference extractor (package extract)
// against a generated corpus (package corpusgen) and its truth. It holds
// only tests: `go test ./extract/corpusgen/extracteval -v` reports recall
// and precision by spelling and kind of mention, with examples of misses.
// It lives apart from corpusgen so that corpusgen stays free of the
// extractor it measures.
package extracteval
