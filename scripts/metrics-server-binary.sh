#!/usr/bin/env bash
# Builds metrics-server from the Go module proxy into the same cache as the control plane, for
# the kubectl top integration test. A second run with the binary present does nothing. Prints the
# binary's path on stdout.
#
# Environment:
#   VK_CONTROL_PLANE_CACHE     cache root (default: ~/.cache/camel-virtual-kubelet)
#   VK_METRICS_SERVER_VERSION  metrics-server version (default: 0.9.0)
set -euo pipefail

VERSION="${VK_METRICS_SERVER_VERSION:-0.9.0}"
LOG_NAME="metrics-server-binary"
GO_WHAT="metrics-server"
GO_WHAT_VERSIONED="metrics-server v$VERSION"
SCRIPT_DIR=.
[[ "${BASH_SOURCE[0]}" != */* ]] || SCRIPT_DIR="${BASH_SOURCE[0]%/*}"
# shellcheck source=go-build-cache.sh
source "$SCRIPT_DIR/go-build-cache.sh"
BIN_DIR="$CACHE_ROOT/metrics-server/$VERSION-$PLATFORM"
BINARY="$BIN_DIR/metrics-server"
MODULE="sigs.k8s.io/metrics-server"

present() { [[ -x "$BINARY" ]]; }

build() {
  local out="$1" work="$2"
  # metrics-server reports the version that client-go carries, as its Makefile sets it.
  local ldflags="-s -w -X k8s.io/client-go/pkg/version.gitVersion=v$VERSION"
  log "building metrics-server v$VERSION (a few minutes cold on 2 cores)"
  # go install pkg@version builds in module mode outside any module, with the module's own go.mod.
  (cd "$work" && CGO_ENABLED=0 GOBIN="$out" go install -trimpath -ldflags "$ldflags" \
    "$MODULE/cmd/metrics-server@v$VERSION" >&2)
  echo "metrics-server v$VERSION" >"$out/VERSIONS"
}

main() {
  build_cached metrics-server "$VERSION" present build "$BIN_DIR" "binary ready" "$BINARY"
}

main "$@"
