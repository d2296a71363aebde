package api

import (
	"net/http"

	"github.com/vncite/vncite/api/web"
)

// webHandler serves the web explorer: s.Web when set, else the explorer
// embedded in package web.
func (s *Server) webHandler() http.Handler {
	if s.Web != nil {
		return s.Web
	}
	return web.Handler()
}
