package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

const podEvent = `{"type":"MODIFIED","object":{"kind":"Pod","apiVersion":"v1",
 "metadata":{"name":"vk-1","namespace":"bench","uid":"u-1","resourceVersion":"42",
  "deletionTimestamp":"2026-12-07T10:00:00Z","managedFields":[{"manager":"x"}]},
 "spec":{"nodeName":"bench-floor","containers":[{"name":"app","image":"busybox"},{"name":"side","image":"nginx"}]},
 "status":{"phase":"Running","startTime":"2026-12-07T09:59:00Z","conditions":[{"type":"Ready","status":"True"}]}}}`

func decodePod(t *testing.T, text string) (watchEvent, pod) {
	t.Helper()
	var event watchEvent
	if err := json.Unmarshal([]byte(text), &event); err != nil {
		t.Fatal(err)
	}
	var p pod
	if err := json.Unmarshal(event.Object, &p); err != nil {
		t.Fatal(err)
	}
	return event, p
}

func TestAWatchEventDecodesIntoThePodFieldsTheFloorNeeds(t *testing.T) {
	event, p := decodePod(t, podEvent)
	if event.Type != "MODIFIED" || p.Metadata.Name != "vk-1" || p.Metadata.Namespace != "bench" ||
		p.Metadata.UID != "u-1" || p.Metadata.DeletionTimestamp == "" || p.Status.Phase != "Running" ||
		len(p.Spec.Containers) != 2 || p.Spec.Containers[1].Name != "side" {
		t.Fatalf("decoded %+v from %s", p, event.Type)
	}
}

func TestAnErrorEventDecodesIntoItsStatusCode(t *testing.T) {
	var event watchEvent
	text := `{"type":"ERROR","object":{"kind":"Status","status":"Failure","message":"too old","code":410}}`
	if err := json.Unmarshal([]byte(text), &event); err != nil {
		t.Fatal(err)
	}
	var status apiStatus
	if err := json.Unmarshal(event.Object, &status); err != nil || status.Code != 410 {
		t.Fatalf("status %+v, %v", status, err)
	}
}

func TestTheRunningPatchReportsEveryContainerOfTheSpecRunning(t *testing.T) {
	_, p := decodePod(t, podEvent)
	var patch struct{ Status podStatus }
	if err := json.Unmarshal(runningPatch(&p, time.Date(2026, 12, 7, 10, 0, 0, 5e8, time.UTC)), &patch); err != nil {
		t.Fatal(err)
	}
	s := patch.Status
	if s.Phase != "Running" || len(s.Conditions) != 4 || len(s.ContainerStatuses) != 2 {
		t.Fatalf("patch %+v", s)
	}
	for _, c := range s.Conditions {
		if c.Status != "True" || c.LastTransitionTime != "2026-12-07T10:00:00Z" {
			t.Fatalf("condition %+v", c)
		}
	}
	side := s.ContainerStatuses[1]
	if side.Name != "side" || side.Image != "nginx" || !side.Ready || side.State.Running == nil {
		t.Fatalf("container %+v", side)
	}
}

func TestTheTerminatedPatchEndsEveryContainerAndLeavesThePhase(t *testing.T) {
	_, p := decodePod(t, podEvent)
	body := terminatedPatch(&p, time.Date(2026, 12, 7, 10, 1, 0, 0, time.UTC))
	if strings.Contains(string(body), `"phase"`) {
		t.Fatalf("phase in %s", body)
	}
	var patch struct{ Status podStatus }
	if err := json.Unmarshal(body, &patch); err != nil {
		t.Fatal(err)
	}
	for _, c := range patch.Status.ContainerStatuses {
		ended := c.State.Terminated
		if c.Ready || ended == nil || ended.ExitCode != 0 || ended.Reason != "Completed" ||
			ended.StartedAt != "2026-12-07T09:59:00Z" || ended.FinishedAt != "2026-12-07T10:01:00Z" {
			t.Fatalf("container %+v", c)
		}
	}
	if ready := patch.Status.Conditions[3]; ready.Type != "Ready" || ready.Status != "False" {
		t.Fatalf("condition %+v", ready)
	}
}

func TestDeleteOptionsRemoveAtOnceOnlyThePodOfThatUID(t *testing.T) {
	want := `{"kind":"DeleteOptions","apiVersion":"v1","gracePeriodSeconds":0,"preconditions":{"uid":"u-1"}}`
	if got := string(deleteOptions("u-1")); got != want {
		t.Fatalf("got %s", got)
	}
}

func TestTheTrackerAsksForEachWriteOncePerPod(t *testing.T) {
	tracker := newTracker()
	var p pod
	p.Metadata.UID = "u-1"
	if tracker.next(&p) != start || tracker.next(&p) != none {
		t.Fatal("a new pod is started once")
	}
	p.Metadata.DeletionTimestamp = "2026-12-07T10:00:00Z"
	if tracker.next(&p) != stop || tracker.next(&p) != none {
		t.Fatal("a deleted pod is stopped once")
	}
	var running pod
	running.Metadata.UID = "u-2"
	running.Status.Phase = "Running"
	if tracker.next(&running) != none {
		t.Fatal("a Running pod (after a re-list) is not started again")
	}
	tracker.retain(map[string]bool{})
	if len(tracker.started)+len(tracker.stopping) != 0 {
		t.Fatal("a fresh list without the pod forgets it")
	}
}

func TestAWatchTheServerEndsResumesFromTheLastVersionAndA410ListsAgain(t *testing.T) {
	var patched []string
	var mu sync.Mutex
	server := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.Method == http.MethodPatch:
			mu.Lock()
			patched = append(patched, r.URL.Path)
			mu.Unlock()
		case r.URL.Query().Get("resourceVersion") == "1":
			fmt.Fprintln(w, `{"type":"ADDED","object":{"metadata":{"name":"p","namespace":"n","uid":"u","resourceVersion":"2"},"spec":{"containers":[{"name":"app"}]},"status":{"phase":"Pending"}}}`)
			fmt.Fprintln(w, `{"type":"BOOKMARK","object":{"metadata":{"resourceVersion":"7"}}}`)
		default:
			fmt.Fprintln(w, `{"type":"ERROR","object":{"kind":"Status","status":"Failure","code":410,"message":"too old"}}`)
		}
	}))
	defer server.Close()
	api, err := newAPIClient(server.URL, credentials{})
	if err != nil {
		t.Fatal(err)
	}
	loop := newPodLoop(api, "bench-floor")

	version, err := loop.watch(context.Background(), "1")
	loop.writers.Wait()
	if version != "7" || err != nil {
		t.Fatalf("resumes from %q (%v), not the bookmark's", version, err)
	}
	if len(patched) != 1 || patched[0] != "/api/v1/namespaces/n/pods/p/status" {
		t.Fatalf("patched %v", patched)
	}
	if version, err = loop.watch(context.Background(), "7"); version != "" || !strings.Contains(fmt.Sprint(err), "410") {
		t.Fatalf("after a 410: %q, %v", version, err)
	}
}
