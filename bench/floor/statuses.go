package main

import (
	"encoding/json"
	"time"
)

// The request bodies the floor sends for a pod: the same three writes the virtual kubelet makes
// for a whole create -> Running -> delete cycle.

type condition struct {
	Type               string `json:"type"`
	Status             string `json:"status"`
	LastTransitionTime string `json:"lastTransitionTime"`
}

type containerStatus struct {
	Name         string         `json:"name"`
	Image        string         `json:"image"`
	ImageID      string         `json:"imageID"`
	Ready        bool           `json:"ready"`
	Started      bool           `json:"started"`
	RestartCount int            `json:"restartCount"`
	State        containerState `json:"state"`
}

type containerState struct {
	Running    *runningState    `json:"running,omitempty"`
	Terminated *terminatedState `json:"terminated,omitempty"`
}

type runningState struct {
	StartedAt string `json:"startedAt"`
}

type terminatedState struct {
	ExitCode   int    `json:"exitCode"`
	Reason     string `json:"reason"`
	StartedAt  string `json:"startedAt"`
	FinishedAt string `json:"finishedAt"`
}

type ip struct {
	IP string `json:"ip"`
}

type podStatus struct {
	Phase             string            `json:"phase,omitempty"`
	HostIP            string            `json:"hostIP,omitempty"`
	HostIPs           []ip              `json:"hostIPs,omitempty"`
	PodIP             string            `json:"podIP,omitempty"`
	PodIPs            []ip              `json:"podIPs,omitempty"`
	StartTime         string            `json:"startTime,omitempty"`
	Conditions        []condition       `json:"conditions"`
	ContainerStatuses []containerStatus `json:"containerStatuses"`
}

const loopback = "127.0.0.1"

// apiTime is a time as the API server keeps it: whole seconds, UTC.
func apiTime(t time.Time) string {
	return t.UTC().Truncate(time.Second).Format(time.RFC3339)
}

// runningPatch is a merge patch of pods/<name>/status: Running and Ready, each container of the
// spec running since now.
func runningPatch(p *pod, now time.Time) []byte {
	at := apiTime(now)
	status := podStatus{
		Phase: "Running", HostIP: loopback, HostIPs: []ip{{loopback}},
		PodIP: loopback, PodIPs: []ip{{loopback}}, StartTime: at,
		Conditions: conditions(at, "True"),
	}
	for _, c := range p.Spec.Containers {
		status.ContainerStatuses = append(status.ContainerStatuses, containerStatus{
			Name: c.Name, Image: c.Image, Ready: true, Started: true,
			State: containerState{Running: &runningState{StartedAt: at}},
		})
	}
	return statusPatch(status)
}

// terminatedPatch is a merge patch of pods/<name>/status: every container terminated with exit
// code 0, the pod no longer Ready. The phase stays what it was.
func terminatedPatch(p *pod, now time.Time) []byte {
	at := apiTime(now)
	started := p.Status.StartTime
	if started == "" {
		started = at
	}
	status := podStatus{Conditions: conditions(at, "False")}
	for _, c := range p.Spec.Containers {
		status.ContainerStatuses = append(status.ContainerStatuses, containerStatus{
			Name: c.Name, Image: c.Image,
			State: containerState{Terminated: &terminatedState{
				Reason: "Completed", StartedAt: started, FinishedAt: at,
			}},
		})
	}
	return statusPatch(status)
}

// conditions are PodScheduled and Initialized True, and Ready and ContainersReady as ready says.
func conditions(at, ready string) []condition {
	return []condition{
		{"PodScheduled", "True", at},
		{"Initialized", "True", at},
		{"ContainersReady", ready, at},
		{"Ready", ready, at},
	}
}

func statusPatch(status podStatus) []byte {
	body, err := json.Marshal(map[string]podStatus{"status": status})
	if err != nil {
		panic(err) // only plain strings and numbers: cannot fail
	}
	return body
}

// deleteOptions removes the pod at once, and only the pod of that UID: a new pod of the same name
// is not ours to remove.
func deleteOptions(uid string) []byte {
	body, err := json.Marshal(struct {
		Kind               string            `json:"kind"`
		APIVersion         string            `json:"apiVersion"`
		GracePeriodSeconds int               `json:"gracePeriodSeconds"`
		Preconditions      map[string]string `json:"preconditions"`
	}{"DeleteOptions", "v1", 0, map[string]string{"uid": uid}})
	if err != nil {
		panic(err)
	}
	return body
}
