package main

import "encoding/json"

// The few fields of the API objects the floor reads. encoding/json skips the rest, so a pod costs
// little more to decode than its name, UID and container names.

type objectMeta struct {
	Name              string `json:"name"`
	Namespace         string `json:"namespace,omitempty"`
	UID               string `json:"uid,omitempty"`
	ResourceVersion   string `json:"resourceVersion,omitempty"`
	DeletionTimestamp string `json:"deletionTimestamp,omitempty"`
}

type pod struct {
	Metadata objectMeta `json:"metadata"`
	Spec     struct {
		Containers []struct {
			Name  string `json:"name"`
			Image string `json:"image"`
		} `json:"containers"`
	} `json:"spec"`
	Status struct {
		Phase     string `json:"phase"`
		StartTime string `json:"startTime"`
	} `json:"status"`
}

type podList struct {
	Metadata struct {
		ResourceVersion string `json:"resourceVersion"`
		Continue        string `json:"continue"`
	} `json:"metadata"`
	Items []pod `json:"items"`
}

// watchEvent's object is a pod (ADDED, MODIFIED, DELETED), a pod with only its resourceVersion
// (BOOKMARK) or a Status (ERROR), so it is decoded once the type is known.
type watchEvent struct {
	Type   string          `json:"type"`
	Object json.RawMessage `json:"object"`
}

// apiStatus is the API server's Status: code 410 in a watch means the resourceVersion is too old.
type apiStatus struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
}
