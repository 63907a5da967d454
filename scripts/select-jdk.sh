# Sourced by bin/virtual-kubelet and .ci/run: points JAVA_HOME (and PATH) at a JDK >= 21.
# Order: $JAVA_HOME, the java on PATH, then the newest JDK under /usr/lib/jvm.
VK_MIN_JAVA=21

vk_java_major() {
  local v
  v="$("$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}')"
  echo "${v%%.*}"
}

vk_is_jdk() {
  [[ -x "$1/bin/java" && -x "$1/bin/javac" ]] && (($(vk_java_major "$1/bin/java") >= VK_MIN_JAVA))
}

vk_select_jdk() {
  local candidate
  if [[ -n "${JAVA_HOME:-}" ]] && vk_is_jdk "$JAVA_HOME"; then
    :
  elif command -v javac >/dev/null 2>&1 &&
    candidate="$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")" &&
    vk_is_jdk "$candidate"; then
    export JAVA_HOME="$candidate"
  else
    JAVA_HOME=""
    for candidate in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do
      if vk_is_jdk "${candidate%/}"; then
        JAVA_HOME="${candidate%/}"
        break
      fi
    done
    if [[ -z "$JAVA_HOME" ]]; then
      echo "error: camel-virtual-kubelet needs a JDK >= $VK_MIN_JAVA; set JAVA_HOME to one" >&2
      return 1
    fi
    export JAVA_HOME
  fi
  export PATH="$JAVA_HOME/bin:$PATH"
  # JDK 24+ warns when Maven's own libraries use sun.misc.Unsafe; they are not ours to fix.
  if (($(vk_java_major "$JAVA_HOME/bin/java") >= 24)); then
    case " ${MAVEN_OPTS:-} " in
      *--sun-misc-unsafe-memory-access*) ;;
      *) export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow" ;;
    esac
  fi
}

vk_select_jdk
