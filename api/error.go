package api

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strconv"

	"github.com/vncite/vncite"
)

// Code is the kind of an API error; Error maps each to one HTTP status.
type Code string

// Error codes, one per problem type the API answers with.
const (
	ENotFound    Code = "not-found"              // 404: no document with that number or id
	EAmbiguous   Code = "ambiguous"              // 300: a number names several documents
	EInvalid     Code = "invalid"                // 400: a malformed parameter or body
	EForbidden   Code = "forbidden"              // 403: a cross-origin browser write
	EMethod      Code = "method-not-allowed"     // 405
	ETooLarge    Code = "too-large"              // 413: body over the limit
	EMediaType   Code = "unsupported-media-type" // 415
	ETimeout     Code = "timeout"                // 503: the request ran out of time
	EUnavailable Code = "unavailable"            // 503: a part of the server is not configured
	EInternal    Code = "internal"               // 500: a bug or an I/O failure, logged
)

// statuses maps each code to its HTTP status.
var statuses = map[Code]int{
	ENotFound:    http.StatusNotFound,
	EAmbiguous:   http.StatusMultipleChoices,
	EInvalid:     http.StatusBadRequest,
	EForbidden:   http.StatusForbidden,
	EMethod:      http.StatusMethodNotAllowed,
	ETooLarge:    http.StatusRequestEntityTooLarge,
	EMediaType:   http.StatusUnsupportedMediaType,
	ETimeout:     http.StatusServiceUnavailable,
	EUnavailable: http.StatusServiceUnavailable,
	EInternal:    http.StatusInternalServerError,
}

// Error is an error the API reports to its client: a code and a message
// meant for the client (the problem's detail).
type Error struct {
	Code    Code
	Message string
	// Candidates are the documents an ambiguous number could mean.
	Candidates []vncite.Document
	// Err is the underlying error, logged for internal errors, never shown.
	Err error
}

func (e *Error) Error() string {
	if e.Err != nil {
		return fmt.Sprintf("api: %s: %s: %v", e.Code, e.Message, e.Err)
	}
	return fmt.Sprintf("api: %s: %s", e.Code, e.Message)
}

func (e *Error) Unwrap() error { return e.Err }

// errorf returns an *Error with code and a formatted client message.
func errorf(code Code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// Problem is an RFC 9457 problem details object, the body of every error
// response (Content-Type application/problem+json).
type Problem struct {
	Type     string `json:"type"`
	Title    string `json:"title"`
	Status   int    `json:"status"`
	Detail   string `json:"detail"`
	Instance string `json:"instance"`
	// Candidates extends the problem for ambiguous numbers.
	Candidates []vncite.Document `json:"candidates,omitempty"`
}

// problemTypeBase prefixes the problem type URIs; the suffix is the Code.
const problemTypeBase = "urn:vncite:problem:"

// classify turns any error into an *Error: an *Error as it is, the errors of
// the request machinery (body limit, deadline, JSON syntax) and of the
// packages behind the API by kind, anything else internal.
func classify(err error) *Error {
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	var maxBytes *http.MaxBytesError
	var syntax *json.SyntaxError
	var typeErr *json.UnmarshalTypeError
	switch {
	case errors.As(err, &maxBytes):
		return &Error{Code: ETooLarge, Message: "request body is larger than the limit of " + strconv.FormatInt(maxBytes.Limit, 10) + " bytes", Err: err}
	case errors.As(err, &syntax):
		return &Error{Code: EInvalid, Message: "malformed JSON: " + syntax.Error(), Err: err}
	case errors.As(err, &typeErr):
		return &Error{Code: EInvalid, Message: "malformed JSON: " + typeErr.Error(), Err: err}
	case errors.Is(err, context.DeadlineExceeded):
		return &Error{Code: ETimeout, Message: "the request took longer than the server allows; narrow it (smaller depth or limit) or retry", Err: err}
	case errors.Is(err, context.Canceled):
		return &Error{Code: ETimeout, Message: "the request was canceled", Err: err}
	}
	if e := classifyBackend(err); e != nil {
		return e
	}
	return &Error{Code: EInternal, Message: "internal error", Err: err}
}

// writeError is the one place errors become responses: it maps the error's
// code to a status, logs internal errors and writes a problem+json body.
func (s *Server) writeError(w http.ResponseWriter, r *http.Request, err error) {
	e := classify(err)
	status, ok := statuses[e.Code]
	if !ok {
		status = http.StatusInternalServerError
	}
	detail := e.Message
	if e.Code == EInternal {
		s.logger().ErrorContext(r.Context(), "internal error", "method", r.Method, "path", r.URL.Path, "err", err)
		detail = "internal error; the server log has the details"
	}
	if e.Code == ETimeout {
		w.Header().Set("Retry-After", "1")
	}
	p := Problem{
		Type:       problemTypeBase + string(e.Code),
		Title:      http.StatusText(status),
		Status:     status,
		Detail:     detail,
		Instance:   r.URL.RequestURI(),
		Candidates: e.Candidates,
	}
	w.Header().Set("Content-Type", "application/problem+json")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	if err := json.NewEncoder(w).Encode(p); err != nil {
		s.logger().DebugContext(r.Context(), "writing problem", "err", err)
	}
}

// logger returns s.Logger or a logger that discards.
func (s *Server) logger() *slog.Logger {
	if s.Logger != nil {
		return s.Logger
	}
	return slog.New(slog.DiscardHandler)
}
