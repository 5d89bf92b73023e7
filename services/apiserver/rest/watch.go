package rest

import (
	"bytes"
	"context"
	"encoding/json"
	"math/rand/v2"
	"net/http"
	"strconv"
	"time"

	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/watch"

	"github.com/kubus-dev/kubus/services/apiserver/storage"
)

// bookmarkEvery is how often a watch that allows bookmarks gets one.
const bookmarkEvery = 30 * time.Second

func (h *Handler) watch(w http.ResponseWriter, r *http.Request, req request) error {
	q := r.URL.Query()
	filter, err := filterFor(req.res, q, req.namespace)
	if err != nil {
		return err
	}
	opts, err := watchOptions(q)
	if err != nil {
		return err
	}
	opts.Namespace, opts.Filter = req.namespace, filter
	ctx, cancel := context.WithTimeout(r.Context(), watchTimeout(q))
	defer cancel()
	events, err := h.cfg.Store.Watch(ctx, req.res, opts)
	if err != nil {
		return err
	}
	table := wantsTable(r)
	write := func(ev watch.Event) error { return h.writeEvent(w, r, req, ev, table) }
	ct := "application/json"
	if prefersProtobuf(r) && !table {
		// client-go's typed clients ask for protobuf: length-prefixed frames
		// of WatchEvents, as kube-apiserver sends them.
		ct, write = protobufType+";stream=watch", func(ev watch.Event) error { return writeProtoEvent(w, ev) }
	}
	w.Header().Set("Content-Type", ct)
	w.Header().Set("Transfer-Encoding", "chunked")
	w.WriteHeader(http.StatusOK)
	flush(w)
	for ev := range events {
		if err := write(ev); err != nil {
			return nil // the client went away; the status line is already sent
		}
		flush(w)
	}
	return nil
}

func watchOptions(q map[string][]string) (storage.WatchOptions, error) {
	get := func(k string) string {
		if v := q[k]; len(v) > 0 {
			return v[0]
		}
		return ""
	}
	rv, err := storage.ParseRV(get("resourceVersion"))
	if err != nil {
		return storage.WatchOptions{}, apierrors.NewBadRequest("invalid resourceVersion: " + get("resourceVersion"))
	}
	initialEvents := get("sendInitialEvents") == "true"
	opts := storage.WatchOptions{From: rv, Initial: rv == 0 || initialEvents, InitialEnd: initialEvents}
	if get("allowWatchBookmarks") == "true" {
		opts.Bookmark = bookmarkEvery
	}
	return opts, nil
}

// watchTimeout is timeoutSeconds, or like kube-apiserver 30 to 60 minutes.
func watchTimeout(q map[string][]string) time.Duration {
	if v := q["timeoutSeconds"]; len(v) > 0 {
		if s, err := strconv.Atoi(v[0]); err == nil && s > 0 {
			return time.Duration(s) * time.Second
		}
	}
	return 30*time.Minute + time.Duration(rand.Int64N(int64(30*time.Minute)))
}

func (h *Handler) writeEvent(w http.ResponseWriter, r *http.Request, req request, ev watch.Event, table bool) error {
	obj := ev.Object
	if table && (ev.Type == watch.Added || ev.Type == watch.Modified || ev.Type == watch.Deleted) {
		t, err := h.table(r, req.res, []runtime.Object{obj})
		if err != nil {
			return err
		}
		obj = t
	}
	raw, err := encodeRaw(obj)
	if err != nil {
		return err
	}
	return json.NewEncoder(w).Encode(metav1.WatchEvent{Type: string(ev.Type), Object: runtime.RawExtension{Raw: raw}})
}

func encodeRaw(obj runtime.Object) ([]byte, error) {
	if st, ok := obj.(*metav1.Status); ok {
		st.Kind, st.APIVersion = "Status", "v1"
		return json.Marshal(st)
	}
	if t, ok := obj.(*metav1.Table); ok {
		return json.Marshal(t)
	}
	var buf bytes.Buffer
	err := encoder.Encode(obj, &buf)
	return bytes.TrimSpace(buf.Bytes()), err
}

func flush(w http.ResponseWriter) {
	if f, ok := w.(http.Flusher); ok {
		f.Flush()
	}
}
