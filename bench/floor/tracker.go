package main

import "sync"

type action int

const (
	none  action = iota
	start        // one status patch: Running and Ready
	stop         // one status patch (containers terminated), then the DELETE
)

// tracker decides what a pod needs, once per pod: events for a pod keep coming while our own
// write is on its way (the scheduler's, our own, a re-list), and none of them may repeat it.
type tracker struct {
	mu       sync.Mutex
	started  map[string]bool
	stopping map[string]bool
}

func newTracker() *tracker {
	return &tracker{started: map[string]bool{}, stopping: map[string]bool{}}
}

// next is what to do for the pod as it is now, and notes it as done.
func (t *tracker) next(p *pod) action {
	uid := p.Metadata.UID
	t.mu.Lock()
	defer t.mu.Unlock()
	if p.Metadata.DeletionTimestamp != "" {
		if t.stopping[uid] {
			return none
		}
		t.stopping[uid] = true
		return stop
	}
	if t.started[uid] || p.Status.Phase == "Running" {
		return none
	}
	t.started[uid] = true
	return start
}

// gone forgets a pod the API server has removed.
func (t *tracker) gone(uid string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	delete(t.started, uid)
	delete(t.stopping, uid)
}

// retain forgets every pod but those of a fresh list, whose removal a broken watch may have hidden.
func (t *tracker) retain(uids map[string]bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	for _, seen := range []map[string]bool{t.started, t.stopping} {
		for uid := range seen {
			if !uids[uid] {
				delete(seen, uid)
			}
		}
	}
}
