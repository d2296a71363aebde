// Package api serves the citation graph as JSON over HTTP: documents, their
// references and citers, number resolution, search, lineage (in every export
// format), paths, coverage, statistics, ingest and citation lookup, under
// /api/v1, plus /healthz and the web explorer at /.
//
// Server holds what the handlers need as documented fields, NewHandler checks
// them and registers the routes on a gorilla/mux router, and Serve runs an
// http.Server with timeouts until its context ends, then shuts down
// gracefully. Every error reaches the client through one function,
// Server.writeError, as an RFC 9457 application/problem+json body.
package api
