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
GO_MIN_MAJOR=1
GO_MIN_MINOR=26
CACHE_ROOT="${VK_CONTROL_PLANE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/camel-virtual-kubelet}"
PLATFORM="linux-amd64"
case "$(uname -m)" in
  aarch64 | arm64) PLATFORM="linux-arm64" ;;
esac
BIN_DIR="$CACHE_ROOT/metrics-server/$VERSION-$PLATFORM"
BINARY="$BIN_DIR/metrics-server"
MODULE="sigs.k8s.io/metrics-server"

log() { echo "metrics-server-binary: $*" >&2; }
fail() {
  log "error: $*"
  exit 1
}

check_go() {
  command -v go >/dev/null 2>&1 ||
    fail "Go >= $GO_MIN_MAJOR.$GO_MIN_MINOR is required to build metrics-server, and 'go' is not on PATH (install it from https://go.dev/dl/)"
  local version major minor
  version="$(go env GOVERSION 2>/dev/null || true)"
  version="${version#go}"
  major="${version%%.*}"
  minor="${version#*.}"
  minor="${minor%%[.a-z]*}"
  if ! [[ "$major" =~ ^[0-9]+$ && "$minor" =~ ^[0-9]+$ ]] ||
    ((major < GO_MIN_MAJOR || (major == GO_MIN_MAJOR && minor < GO_MIN_MINOR))); then
    fail "Go >= $GO_MIN_MAJOR.$GO_MIN_MINOR is required to build metrics-server v$VERSION, found '${version:-unknown}'"
  fi
}

build() {
  local out="$1" work="$2"
  # metrics-server reports the version that client-go carries, as its Makefile sets it.
  local ldflags="-s -w -X k8s.io/client-go/pkg/version.gitVersion=v$VERSION"
  log "building metrics-server v$VERSION (a few minutes cold on 2 cores)"
  # go install pkg@version builds in module mode outside any module, with the module's own go.mod.
  (cd "$work" && CGO_ENABLED=0 GOBIN="$out" go install -trimpath -ldflags "$ldflags" \
    "$MODULE/cmd/metrics-server@v$VERSION" >&2)
}

main() {
  if [[ -x "$BINARY" ]]; then
    echo "$BINARY"
    return 0
  fi
  check_go
  mkdir -p "$CACHE_ROOT/metrics-server"
  # One build at a time per cache; a second caller waits, then finds the binary present.
  exec 9>"$CACHE_ROOT/metrics-server/.build.lock"
  flock 9
  if [[ -x "$BINARY" ]]; then
    echo "$BINARY"
    return 0
  fi
  BUILD_TMP="$(mktemp -d "$CACHE_ROOT/metrics-server/.build-$VERSION.XXXXXX")"
  trap 'rm -rf "${BUILD_TMP:-}"' EXIT
  mkdir -p "$BUILD_TMP/bin" "$BUILD_TMP/src"
  build "$BUILD_TMP/bin" "$BUILD_TMP/src"
  echo "metrics-server v$VERSION" >"$BUILD_TMP/bin/VERSIONS"
  rm -rf "$BIN_DIR"
  mv -T "$BUILD_TMP/bin" "$BIN_DIR"
  log "binary ready in $BIN_DIR"
  echo "$BINARY"
}

main "$@"
