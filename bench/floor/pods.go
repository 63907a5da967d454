package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/url"
	"sync"
	"time"
)

const (
	// maxInFlight bounds the requests for pods in flight; there is no rate limit besides.
	maxInFlight  = 256
	listPageSize = 500
	// watchTimeoutSeconds ends a watch now and then, as client-go's reflector does.
	watchTimeoutSeconds = 300
	retryPause          = time.Second
	maxAttempts         = 5
)

// podLoop lists and watches the node's pods and hands each one's action to a goroutine.
type podLoop struct {
	api      *apiClient
	selector string
	tracker  *tracker
	slots    chan struct{}
	writers  sync.WaitGroup
}

func newPodLoop(api *apiClient, node string) *podLoop {
	return &podLoop{
		api:      api,
		selector: url.QueryEscape("spec.nodeName=" + node),
		tracker:  newTracker(),
		slots:    make(chan struct{}, maxInFlight),
	}
}

// run lists then watches until ctx ends. A watch the server ends (its timeout, or the watch cache
// dropping a watcher that fell behind) resumes from the last resourceVersion seen, a bookmark's
// included, as client-go's reflector does; 410 Gone or another failure lists again.
func (l *podLoop) run(ctx context.Context) {
	version := ""
	for ctx.Err() == nil {
		var err error
		if version == "" {
			version, err = l.list(ctx)
		}
		if err == nil {
			version, err = l.watch(ctx, version)
		}
		if err != nil && ctx.Err() == nil {
			log.Printf("pods: %v; listing again", err)
			version = ""
			sleep(ctx, retryPause)
		}
	}
	l.writers.Wait()
}

func (l *podLoop) list(ctx context.Context) (string, error) {
	uids := map[string]bool{}
	next := ""
	for {
		path := fmt.Sprintf("/api/v1/pods?fieldSelector=%s&limit=%d", l.selector, listPageSize)
		if next != "" {
			path += "&continue=" + url.QueryEscape(next)
		}
		answer, err := l.api.send(ctx, http.MethodGet, path, "", nil)
		if err != nil {
			return "", err
		}
		var page podList
		if err := json.Unmarshal(answer, &page); err != nil {
			return "", err
		}
		for i := range page.Items {
			uids[page.Items[i].Metadata.UID] = true
			l.handle(ctx, &page.Items[i])
		}
		if next = page.Metadata.Continue; next == "" {
			l.tracker.retain(uids)
			return page.Metadata.ResourceVersion, nil
		}
	}
}

// watch follows the pods from version until the server ends the watch, and returns the last
// resourceVersion seen; an ERROR event (410 Gone: too old) or a broken stream is an error.
func (l *podLoop) watch(ctx context.Context, version string) (string, error) {
	path := fmt.Sprintf("/api/v1/pods?watch=true&allowWatchBookmarks=true&fieldSelector=%s"+
		"&resourceVersion=%s&timeoutSeconds=%d", l.selector, url.QueryEscape(version), watchTimeoutSeconds)
	resp, err := l.api.open(ctx, http.MethodGet, path, "", nil)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	events := json.NewDecoder(resp.Body)
	for {
		var event watchEvent
		if err := events.Decode(&event); err != nil {
			if errors.Is(err, io.EOF) || ctx.Err() != nil {
				return version, nil
			}
			return "", err
		}
		if event.Type == "ERROR" {
			var status apiStatus
			_ = json.Unmarshal(event.Object, &status)
			return "", fmt.Errorf("watch: HTTP %d %s", status.Code, status.Message)
		}
		var p pod
		if err := json.Unmarshal(event.Object, &p); err != nil {
			return "", err
		}
		version = p.Metadata.ResourceVersion
		l.apply(ctx, event.Type, &p)
	}
}

// apply hands an added or changed pod on and forgets a deleted one; a BOOKMARK only moved version.
func (l *podLoop) apply(ctx context.Context, kind string, p *pod) {
	switch kind {
	case "DELETED":
		l.tracker.gone(p.Metadata.UID)
	case "ADDED", "MODIFIED":
		l.handle(ctx, p)
	}
}

func (l *podLoop) handle(ctx context.Context, p *pod) {
	switch l.tracker.next(p) {
	case start:
		l.spawn(ctx, func() { l.write(ctx, p, "PATCH", statusPath(p), mergePatch, runningPatch(p, time.Now())) })
	case stop:
		l.spawn(ctx, func() {
			if l.write(ctx, p, "PATCH", statusPath(p), mergePatch, terminatedPatch(p, time.Now())) {
				l.write(ctx, p, "DELETE", podPath(p), "application/json", deleteOptions(p.Metadata.UID))
			}
		})
	}
}

// spawn runs work on a goroutine of its own once one of the slots is free; the watch goes on
// reading meanwhile, since the watch cache drops a watcher that falls behind.
func (l *podLoop) spawn(ctx context.Context, work func()) {
	l.writers.Add(1)
	go func() {
		defer l.writers.Done()
		select {
		case l.slots <- struct{}{}:
		case <-ctx.Done():
			return
		}
		defer func() { <-l.slots }()
		work()
	}()
}

// write sends one request, again after a pause when it failed for a reason that may pass (a
// timeout, 429, 5xx); false when it did not succeed, the pod being gone (404) or replaced (409).
func (l *podLoop) write(ctx context.Context, p *pod, method, path, contentType string, body []byte) bool {
	for attempt := 1; ; attempt++ {
		_, err := l.api.send(ctx, method, path, contentType, body)
		switch {
		case err == nil:
			return true
		case hasCode(err, http.StatusNotFound), hasCode(err, http.StatusConflict), ctx.Err() != nil:
			return false
		}
		log.Printf("%s %s/%s (attempt %d): %v", method, p.Metadata.Namespace, p.Metadata.Name, attempt, err)
		if attempt == maxAttempts {
			return false
		}
		sleep(ctx, retryPause)
	}
}

func podPath(p *pod) string {
	return "/api/v1/namespaces/" + url.PathEscape(p.Metadata.Namespace) + "/pods/" + url.PathEscape(p.Metadata.Name)
}

func statusPath(p *pod) string {
	return podPath(p) + "/status"
}

func sleep(ctx context.Context, d time.Duration) {
	select {
	case <-ctx.Done():
	case <-time.After(d):
	}
}
