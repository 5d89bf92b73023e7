package rest_test

import (
	"net/http"
	"strings"
)

// recordContentType notes, for a client used by one goroutine, the Content-Type of watch answers in *into.
func recordContentType(into *string) func(http.RoundTripper) http.RoundTripper {
	return func(rt http.RoundTripper) http.RoundTripper {
		return roundTripper(func(r *http.Request) (*http.Response, error) {
			resp, err := rt.RoundTrip(r)
			if err == nil && strings.Contains(r.URL.RawQuery, "watch=true") {
				*into = resp.Header.Get("Content-Type") // on the caller's goroutine
			}
			return resp, err
		})
	}
}

type roundTripper func(*http.Request) (*http.Response, error)

func (f roundTripper) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }
