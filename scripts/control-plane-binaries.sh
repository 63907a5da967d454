#!/usr/bin/env bash
# Builds the Kubernetes control-plane binaries (kube-apiserver, kube-scheduler,
# kube-controller-manager, kubectl) and etcd from the Go module proxy into a cache keyed by version.
# A second run with the binaries present does nothing. Prints the binary directory on stdout.
#
# Environment:
#   VK_CONTROL_PLANE_CACHE  cache root (default: ~/.cache/camel-virtual-kubelet)
#   VK_K8S_VERSION          Kubernetes version (default: 1.37.2)
#   VK_ETCD_VERSION         etcd version (default: 3.6.16)
set -euo pipefail

K8S_VERSION="${VK_K8S_VERSION:-1.37.2}"
ETCD_VERSION="${VK_ETCD_VERSION:-3.6.16}"
LOG_NAME="control-plane-binaries"
GO_WHAT="the control plane"
GO_WHAT_VERSIONED="Kubernetes v$K8S_VERSION"
SCRIPT_DIR=.
[[ "${BASH_SOURCE[0]}" != */* ]] || SCRIPT_DIR="${BASH_SOURCE[0]%/*}"
# shellcheck source=go-build-cache.sh
source "$SCRIPT_DIR/go-build-cache.sh"
BIN_DIR="$CACHE_ROOT/k8s/$K8S_VERSION-$PLATFORM"
BINARIES=(etcd kube-apiserver kube-scheduler kube-controller-manager kubectl)
STAGING_MODULES=(api apiextensions-apiserver apimachinery apiserver cli-runtime client-go
  cloud-provider cluster-bootstrap code-generator component-base component-helpers
  controller-manager cri-api cri-client cri-streaming csi-translation-lib
  dynamic-resource-allocation endpointslice externaljwt kms kube-aggregator
  kube-controller-manager kube-proxy kube-scheduler kubectl kubelet metrics mount-utils
  pod-security-admission sample-apiserver sample-cli-plugin sample-controller streaming)

all_present() {
  local b
  for b in "${BINARIES[@]}"; do
    [[ -x "$BIN_DIR/$b" ]] || return 1
  done
}

write_kubernetes_module() {
  local dir="$1" m
  {
    echo "module vk.local/controlplane"
    echo
    echo "go 1.26.0"
    echo
    echo "godebug default=go1.26"
    echo
    echo "require k8s.io/kubernetes v$K8S_VERSION"
    echo
    echo "replace ("
    for m in "${STAGING_MODULES[@]}"; do
      echo "	k8s.io/$m => k8s.io/$m v0.${K8S_VERSION#1.}"
    done
    echo ")"
  } >"$dir/go.mod"
  echo "package controlplane" >"$dir/empty.go"
}

build_kubernetes() {
  local out="$1" work="$2/k8s"
  local minor="${K8S_VERSION#1.}"
  minor="${minor%%.*}"
  local pkgs=(k8s.io/kubernetes/cmd/kube-apiserver k8s.io/kubernetes/cmd/kube-scheduler
    k8s.io/kubernetes/cmd/kube-controller-manager k8s.io/kubernetes/cmd/kubectl)
  local ldflags="-s -w" p
  for p in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
    ldflags+=" -X $p.gitVersion=v$K8S_VERSION -X $p.gitMajor=1 -X $p.gitMinor=$minor -X $p.gitTreeState=clean"
  done
  mkdir -p "$work"
  write_kubernetes_module "$work"
  log "resolving k8s.io/kubernetes v$K8S_VERSION from the Go module proxy"
  (cd "$work" && GOFLAGS=-mod=mod go get "${pkgs[@]/%/@v$K8S_VERSION}" >&2)
  log "building kube-apiserver, kube-scheduler, kube-controller-manager, kubectl (about 10 minutes cold on 2 cores)"
  (cd "$work" && CGO_ENABLED=0 GOFLAGS=-mod=mod go build -trimpath -ldflags "$ldflags" -o "$out/" "${pkgs[@]}" >&2)
}

build_etcd() {
  local out="$1" work="$2/etcd"
  mkdir -p "$work"
  printf 'module vk.local/etcd\n\ngo 1.26.0\n\nrequire go.etcd.io/etcd/server/v3 v%s\n' "$ETCD_VERSION" >"$work/go.mod"
  echo "package etcd" >"$work/empty.go"
  log "building etcd v$ETCD_VERSION"
  (cd "$work" && GOFLAGS=-mod=mod go get "go.etcd.io/etcd/server/v3@v$ETCD_VERSION" >&2)
  (cd "$work" && CGO_ENABLED=0 GOFLAGS=-mod=mod go build -trimpath -ldflags "-s -w" -o "$out/etcd" go.etcd.io/etcd/server/v3 >&2)
}

build() {
  build_etcd "$@"
  build_kubernetes "$@"
  echo "etcd v$ETCD_VERSION, kubernetes v$K8S_VERSION" >"$1/VERSIONS"
}

main() {
  build_cached k8s "$K8S_VERSION" all_present build "$BIN_DIR" "binaries ready" "$BIN_DIR"
}

main "$@"
