package rest

import (
	"net/http"
)

// serveSub routes /status, /scale, /binding, /log, /eviction and /finalize.
func (h *Handler) serveSub(w http.ResponseWriter, r *http.Request, req request) error {
	switch {
	case req.sub == "status" || req.sub == "finalize":
		return h.serveStatus(w, r, req)
	case req.sub == "scale":
		return h.scale(w, r, req)
	case req.sub == "binding" && req.verb == "create":
		return h.bind(w, r, req)
	case req.sub == "eviction" && req.verb == "create":
		return h.evict(w, r, req)
	case req.sub == "token" && req.verb == "create":
		return h.token(w, r, req)
	case req.sub == "log" && req.verb == "get":
		return h.logs(w, r, req)
	}
	return methodNotAllowed(r.Method, req)
}

func (h *Handler) serveStatus(w http.ResponseWriter, r *http.Request, req request) error {
	switch req.verb {
	case "get":
		return h.get(w, r, req)
	case "update":
		return h.update(w, r, req)
	case "patch":
		return h.patch(w, r, req)
	}
	return methodNotAllowed(r.Method, req)
}
