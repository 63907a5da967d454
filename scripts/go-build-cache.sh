# Sourced by control-plane-binaries.sh and metrics-server-binary.sh: the cache layout, the Go
# version check, and the locked build into a temporary directory renamed into place that both use.
# The sourcing script sets LOG_NAME (the prefix of its messages), GO_WHAT and GO_WHAT_VERSIONED
# (what it builds, for the Go version check's messages) first.

GO_MIN_MAJOR=1
GO_MIN_MINOR=26
CACHE_ROOT="${VK_CONTROL_PLANE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/camel-virtual-kubelet}"
PLATFORM="linux-amd64"
case "$(uname -m)" in
  aarch64 | arm64) PLATFORM="linux-arm64" ;;
esac

log() { echo "$LOG_NAME: $*" >&2; }
fail() {
  log "error: $*"
  exit 1
}

# check_go <what> <what, versioned>: exits unless Go >= GO_MIN_MAJOR.GO_MIN_MINOR is on PATH.
check_go() {
  local what="$1" versioned="$2"
  command -v go >/dev/null 2>&1 ||
    fail "Go >= $GO_MIN_MAJOR.$GO_MIN_MINOR is required to build $what, and 'go' is not on PATH (install it from https://go.dev/dl/)"
  local version major minor
  version="$(go env GOVERSION 2>/dev/null || true)"
  version="${version#go}"
  major="${version%%.*}"
  minor="${version#*.}"
  minor="${minor%%[.a-z]*}"
  if ! [[ "$major" =~ ^[0-9]+$ && "$minor" =~ ^[0-9]+$ ]] ||
    ((major < GO_MIN_MAJOR || (major == GO_MIN_MAJOR && minor < GO_MIN_MINOR))); then
    fail "Go >= $GO_MIN_MAJOR.$GO_MIN_MINOR is required to build $versioned, found '${version:-unknown}'"
  fi
}

# build_cached <area> <version> <present> <build> <bin dir> <ready message> <result>: prints
# <result> when the command <present> succeeds; otherwise checks Go, takes the lock of
# $CACHE_ROOT/<area>, checks again, runs <build> <tmp bin> <tmp src> (which also writes
# <tmp bin>/VERSIONS) and renames <tmp bin> to <bin dir>, then prints <result>.
build_cached() {
  local area="$1" version="$2" present="$3" build="$4" bin_dir="$5" ready="$6" result="$7"
  if "$present"; then
    echo "$result"
    return 0
  fi
  check_go "$GO_WHAT" "$GO_WHAT_VERSIONED"
  mkdir -p "$CACHE_ROOT/$area"
  # One build at a time per cache; a second caller waits, then finds the binaries present.
  exec 9>"$CACHE_ROOT/$area/.build.lock"
  flock 9
  if "$present"; then
    echo "$result"
    return 0
  fi
  BUILD_TMP="$(mktemp -d "$CACHE_ROOT/$area/.build-$version.XXXXXX")"
  trap 'rm -rf "${BUILD_TMP:-}"' EXIT
  mkdir -p "$BUILD_TMP/bin" "$BUILD_TMP/src"
  "$build" "$BUILD_TMP/bin" "$BUILD_TMP/src"
  rm -rf "$bin_dir"
  mv -T "$BUILD_TMP/bin" "$bin_dir"
  log "$ready in $bin_dir"
  echo "$result"
}
