// Package api serves the store as JSON over HTTP (gorilla/mux) and the web
// explorer. SKELETON.
package api
