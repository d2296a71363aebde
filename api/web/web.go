// Package web holds the vncite explorer: a single page (HTML, CSS and
// JavaScript modules, no build step) that talks to the JSON API under
// /api/v1, with Cytoscape.js vendored so that it works offline. The files are
// embedded in the binary; the api package mounts Handler at "/".
package web

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io/fs"
	"net/http"
	"path"
	"strings"
)

//go:embed static
var staticFS embed.FS

// CytoscapeVersion is the version of the vendored static/vendor/cytoscape.min.js
// (from the npm package "cytoscape"; its licence is beside it).
const CytoscapeVersion = "3.34.4"

// contentSecurityPolicy allows only the page's own files: no inline script,
// no CDN, no framing. Cytoscape draws on a canvas and sets styles from script,
// which style-src 'self' permits.
const contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; " +
	"img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; " +
	"frame-ancestors 'none'; form-action 'self'"

// FS returns the explorer's files, rooted so that "index.html" is the page.
func FS() fs.FS {
	sub, err := fs.Sub(staticFS, "static")
	if err != nil {
		// The embed directive above guarantees the directory exists.
		panic("web: embedded static files missing: " + err.Error())
	}
	return sub
}

// Handler serves the explorer's files with security headers and an ETag
// per file (embedded files have no modification time), so that a browser
// revalidates with a 304 rather than downloading Cytoscape.js again. Paths
// are those of FS ("/" is index.html). The page navigates with "#/…"
// fragments, so the server never needs to map an app route to index.html.
func Handler() http.Handler {
	root := FS()
	files := http.FileServerFS(root)
	etags := etagsOf(root)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		h := w.Header()
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		// The files change only with the binary; revalidate so that a new
		// build is picked up at once.
		h.Set("Cache-Control", "no-cache")
		name := strings.TrimPrefix(path.Clean(r.URL.Path), "/")
		if name == "" {
			name = "index.html"
		}
		tag, ok := etags[name]
		if !ok {
			// Not a file: no directory listings.
			http.NotFound(w, r)
			return
		}
		// http.ServeContent answers If-None-Match from this header.
		h.Set("ETag", tag)
		files.ServeHTTP(w, r)
	})
}

// etagsOf hashes every file of fsys once: the files are embedded, so they
// cannot change while the server runs.
func etagsOf(fsys fs.FS) map[string]string {
	tags := map[string]string{}
	_ = fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil // left out, so Handler answers 404 (embedded files always read)
		}
		sum := sha256.Sum256(b)
		tags[name] = `"` + hex.EncodeToString(sum[:12]) + `"`
		return nil
	})
	return tags
}
