package main

import (
	"context"
	"fmt"
	"os"
	"unicode/utf8"
)

// readDocument reads one input file as UTF-8 text. PLACEHOLDER: textin
// replaces it with encoding detection, HTML, DOCX and PDF.
func readDocument(ctx context.Context, path string) ([]byte, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	if !utf8.Valid(b) {
		return nil, fmt.Errorf("%s: not UTF-8 text", path)
	}
	return b, nil
}
