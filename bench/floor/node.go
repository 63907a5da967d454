package main

import (
	"context"
	"encoding/json"
	"fmt"
	"log"
	"net/http"
	"net/url"
	"time"
)

const (
	leaseNamespace       = "kube-node-lease"
	leaseDurationSeconds = 40
	// leaseRenewInterval is a quarter of the duration, as the kubelet renews: the node lifecycle
	// controller taints a node whose lease is older than its grace period (50 s).
	leaseRenewInterval = 10 * time.Second
	// bigCapacity never limits how many pods the scheduler places.
	bigCapacity = `{"cpu":"100k","memory":"100Ti","pods":"1M"}`
)

// registerNode creates the node (or finds it from an earlier start) and marks it Ready with big
// capacity; returns its UID, which owns the lease.
func registerNode(ctx context.Context, api *apiClient, node string) (string, error) {
	body, _ := json.Marshal(map[string]any{
		"apiVersion": "v1", "kind": "Node",
		"metadata": map[string]any{
			"name":   node,
			"labels": map[string]string{"kubernetes.io/hostname": node, "type": "virtual-kubelet"},
		},
	})
	answer, err := api.send(ctx, http.MethodPost, "/api/v1/nodes", "application/json", body)
	if hasCode(err, http.StatusConflict) {
		answer, err = api.send(ctx, http.MethodGet, "/api/v1/nodes/"+url.PathEscape(node), "", nil)
	}
	if err != nil {
		return "", fmt.Errorf("cannot create node %s: %w", node, err)
	}
	var created struct {
		Metadata objectMeta `json:"metadata"`
	}
	if err := json.Unmarshal(answer, &created); err != nil {
		return "", err
	}
	now := apiTime(time.Now())
	status := fmt.Sprintf(`{"status":{"capacity":%[1]s,"allocatable":%[1]s,"conditions":[`+
		`{"type":"Ready","status":"True","reason":"KubeletReady",`+
		`"lastHeartbeatTime":"%[2]s","lastTransitionTime":"%[2]s"}]}}`, bigCapacity, now)
	// A merge patch without resourceVersion: the node controller may touch the node meanwhile.
	_, err = api.send(ctx, http.MethodPatch, "/api/v1/nodes/"+url.PathEscape(node)+"/status",
		mergePatch, []byte(status))
	if err != nil {
		return "", fmt.Errorf("cannot mark node %s Ready: %w", node, err)
	}
	return created.Metadata.UID, nil
}

type lease struct {
	APIVersion string    `json:"apiVersion"`
	Kind       string    `json:"kind"`
	Metadata   leaseMeta `json:"metadata"`
	Spec       leaseSpec `json:"spec"`
}

type leaseMeta struct {
	Name            string           `json:"name"`
	Namespace       string           `json:"namespace"`
	ResourceVersion string           `json:"resourceVersion,omitempty"`
	OwnerReferences []ownerReference `json:"ownerReferences,omitempty"`
}

type ownerReference struct {
	APIVersion string `json:"apiVersion"`
	Kind       string `json:"kind"`
	Name       string `json:"name"`
	UID        string `json:"uid"`
}

type leaseSpec struct {
	HolderIdentity       string `json:"holderIdentity"`
	LeaseDurationSeconds int    `json:"leaseDurationSeconds"`
	RenewTime            string `json:"renewTime"`
}

// leaseKeeper renews the node's lease: created once, then updated with the resourceVersion the
// last answer gave; after a failed update the next beat reads it again.
type leaseKeeper struct {
	api     *apiClient
	node    string
	nodeUID string
	current *lease
}

func (k *leaseKeeper) run(ctx context.Context) {
	ticker := time.NewTicker(leaseRenewInterval)
	defer ticker.Stop()
	for {
		if err := k.renew(ctx); err != nil && ctx.Err() == nil {
			log.Printf("lease: %v", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-ticker.C:
		}
	}
}

func (k *leaseKeeper) renew(ctx context.Context) error {
	path := "/apis/coordination.k8s.io/v1/namespaces/" + leaseNamespace + "/leases"
	if k.current == nil {
		created, err := k.exchange(ctx, http.MethodPost, path, k.fresh())
		if !hasCode(err, http.StatusConflict) {
			k.current = created
			return err
		}
		if k.current, err = k.exchange(ctx, http.MethodGet, path+"/"+url.PathEscape(k.node), nil); err != nil {
			return err
		}
	}
	k.current.Spec.RenewTime = microTime(time.Now())
	updated, err := k.exchange(ctx, http.MethodPut, path+"/"+url.PathEscape(k.node), k.current)
	k.current = updated
	return err
}

func (k *leaseKeeper) fresh() *lease {
	return &lease{
		APIVersion: "coordination.k8s.io/v1", Kind: "Lease",
		Metadata: leaseMeta{
			Name: k.node, Namespace: leaseNamespace,
			// The node owns its lease: deleting the node removes the lease too.
			OwnerReferences: []ownerReference{{"v1", "Node", k.node, k.nodeUID}},
		},
		Spec: leaseSpec{k.node, leaseDurationSeconds, microTime(time.Now())},
	}
}

// exchange sends a lease (or nothing) and returns the lease of the answer, nil on error.
func (k *leaseKeeper) exchange(ctx context.Context, method, path string, sent *lease) (*lease, error) {
	var body []byte
	contentType := ""
	if sent != nil {
		body, _ = json.Marshal(sent)
		contentType = "application/json"
	}
	answer, err := k.api.send(ctx, method, path, contentType, body)
	if err != nil {
		return nil, err
	}
	var got lease
	if err := json.Unmarshal(answer, &got); err != nil {
		return nil, err
	}
	return &got, nil
}

// microTime is the lease's time format: microseconds, UTC.
func microTime(t time.Time) string {
	return t.UTC().Format("2006-01-02T15:04:05.000000Z07:00")
}
