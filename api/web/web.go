// Package web holds the vncite explorer: a single page (HTML, CSS and
// JavaScript modules, no build step) that talks to the JSON API under
// /api/v1, with Cytoscape.js vendored so that it works offline. The files are
// embedded in the binary; the api package mounts Handler at "/".
package web

import (
	"embed"
	"io/fs"
	"net/http"
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

// Handler serves the explorer's files with security headers. Paths are those
// of FS ("/" is index.html). The page navigates with "#/…" fragments, so the
// server never needs to map an app route to index.html.
func Handler() http.Handler {
	files := http.FileServerFS(FS())
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
		files.ServeHTTP(w, r)
	})
}
