package io.camelvk.providers.mock.pod;

import io.camelvk.config.GoDuration;
import io.camelvk.provider.ProviderException;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * How a mock pod behaves, from its annotations (see docs/providers/mock.md). A bad value is the
 * provider refusing the pod (INVALID) with a message naming the annotation.
 *
 * @param startDelay containers wait in ContainerCreating this long
 * @param exitAfter each container instance exits after running this long; null runs forever
 * @param exitCode the exit code every exit reports (the exit-after one, or the command's), if given
 * @param restartDelay the CrashLoopBackOff wait before every restart; null for the kubelet's
 *     back-off
 * @param failCreate how many create calls fail: 0 none, -1 all (INVALID), n the first n (TRANSIENT)
 * @param createDelay the create call itself takes this long, like a slow backend
 * @param refusedPorts the pod's ports that refuse connections (port-forward fails on them)
 * @param stopDuration how long its containers take to stop when asked; past the grace period they
 *     are stopped by force
 * @param readinessFails the containers whose readiness probe fails
 * @param livenessFailsAfter how long after each start the liveness probes fail; null: they pass
 * @param podIp the pod's IPv4 address, or null for a loopback one derived from its UID
 * @param resizeDuration how long an in-place resize takes: until then a container reports the
 *     resources it had
 */
public record PodBehaviour(
    Duration startDelay,
    Duration exitAfter,
    OptionalInt exitCode,
    Duration restartDelay,
    int failCreate,
    Duration createDelay,
    Set<Integer> refusedPorts,
    Duration stopDuration,
    Set<String> readinessFails,
    Duration livenessFailsAfter,
    String podIp,
    Duration resizeDuration) {

  public static final String PREFIX = "mock.camelvk.io/";
  public static final String START_DELAY = PREFIX + "start-delay";
  public static final String EXIT_AFTER = PREFIX + "exit-after";
  public static final String EXIT_CODE = PREFIX + "exit-code";
  public static final String RESTART_DELAY = PREFIX + "restart-delay";
  public static final String FAIL_CREATE = PREFIX + "fail-create";
  public static final String CREATE_DELAY = PREFIX + "create-delay";
  public static final String REFUSED_PORTS = PREFIX + "refused-ports";
  public static final String STOP_DURATION = PREFIX + "stop-duration";
  public static final String READINESS_FAILS = PREFIX + "readiness-fails";
  public static final String LIVENESS_FAILS_AFTER = PREFIX + "liveness-fails-after";
  public static final String POD_IP = PREFIX + "pod-ip";
  public static final String RESIZE_DURATION = PREFIX + "resize-duration";

  /**
   * The shortest restart-delay: no kubelet restarts a container more often, and a container that
   * exits at once would otherwise be restarted without end within one instant.
   */
  public static final Duration MIN_RESTART_DELAY = Duration.ofMillis(100);

  private static final int MAX_EXIT_CODE = 255;
  private static final int MAX_PORT = 65535;
  private static final Pattern IPV4 =
      Pattern.compile(
          "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");

  public static PodBehaviour of(Pod pod) {
    Map<String, String> annotations =
        pod.getMetadata().getAnnotations() == null ? Map.of() : pod.getMetadata().getAnnotations();
    return new PodBehaviour(
        duration(annotations, START_DELAY, Duration.ZERO),
        duration(annotations, EXIT_AFTER, null),
        exitCode(annotations),
        restartDelay(annotations),
        failCreate(annotations),
        duration(annotations, CREATE_DELAY, Duration.ZERO),
        refusedPorts(annotations),
        duration(annotations, STOP_DURATION, Duration.ZERO),
        readinessFails(pod, annotations),
        duration(annotations, LIVENESS_FAILS_AFTER, null),
        podIp(annotations),
        duration(annotations, RESIZE_DURATION, Duration.ZERO));
  }

  /** Spends the create delay on the calling thread, as a slow backend's create call would. */
  public void takeCreateTime() {
    try {
      Thread.sleep(createDelay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ProviderException.transientFailure("mock: create interrupted");
    }
  }

  private static Duration restartDelay(Map<String, String> annotations) {
    Duration delay = duration(annotations, RESTART_DELAY, null);
    if (delay != null && delay.compareTo(MIN_RESTART_DELAY) < 0) {
      throw ProviderException.invalid(
          "annotation "
              + RESTART_DELAY
              + ": "
              + annotations.get(RESTART_DELAY)
              + " is below 100ms");
    }
    return delay;
  }

  private static Duration duration(Map<String, String> annotations, String key, Duration fallback) {
    String value = annotations.get(key);
    if (value == null) {
      return fallback;
    }
    try {
      return GoDuration.parse(value);
    } catch (IllegalArgumentException e) {
      throw ProviderException.invalid("annotation " + key + ": " + e.getMessage());
    }
  }

  private static OptionalInt exitCode(Map<String, String> annotations) {
    String given = annotations.get(EXIT_CODE);
    if (given == null) {
      return OptionalInt.empty();
    }
    String value = given.strip();
    try {
      int code = Integer.parseInt(value);
      if (code < 0 || code > MAX_EXIT_CODE) {
        throw ProviderException.invalid(
            "annotation " + EXIT_CODE + ": " + code + " is not an exit code (0..255)");
      }
      return OptionalInt.of(code);
    } catch (NumberFormatException e) {
      throw ProviderException.invalid(
          "annotation " + EXIT_CODE + ": '" + value + "' is not a number");
    }
  }

  private static int failCreate(Map<String, String> annotations) {
    String value = annotations.get(FAIL_CREATE);
    if (value == null || value.equals("false")) {
      return 0;
    }
    if (value.equals("true") || value.equals("permanent")) {
      return -1;
    }
    if (value.startsWith("transient:")) {
      try {
        int times = Integer.parseInt(value.substring("transient:".length()));
        if (times > 0) {
          return times;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    throw ProviderException.invalid(
        "annotation " + FAIL_CREATE + ": '" + value + "' (true, permanent or transient:<n>)");
  }

  private static Set<Integer> refusedPorts(Map<String, String> annotations) {
    String value = annotations.getOrDefault(REFUSED_PORTS, "").strip();
    Set<Integer> ports = new TreeSet<>();
    for (String port : value.isEmpty() ? new String[0] : value.split("\\s*,\\s*")) {
      try {
        int number = Integer.parseInt(port);
        if (number >= 1 && number <= MAX_PORT) {
          ports.add(number);
          continue;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw ProviderException.invalid(
          "annotation " + REFUSED_PORTS + ": '" + port + "' is not a port (1..65535)");
    }
    return Set.copyOf(ports);
  }

  /** The containers named in readiness-fails: each must have a readiness probe to fail. */
  private static Set<String> readinessFails(Pod pod, Map<String, String> annotations) {
    String value = annotations.getOrDefault(READINESS_FAILS, "").strip();
    Set<String> names = new TreeSet<>();
    for (String name : value.isEmpty() ? new String[0] : value.split("\\s*,\\s*")) {
      boolean probed =
          pod.getSpec().getContainers().stream()
              .anyMatch(c -> c.getName().equals(name) && c.getReadinessProbe() != null);
      if (!probed) {
        throw ProviderException.invalid(
            "annotation "
                + READINESS_FAILS
                + ": '"
                + name
                + "' is no container with a readinessProbe");
      }
      names.add(name);
    }
    return Set.copyOf(names);
  }

  private static String podIp(Map<String, String> annotations) {
    String value = annotations.get(POD_IP);
    if (value == null || IPV4.matcher(value).matches()) {
      return value;
    }
    throw ProviderException.invalid(
        "annotation " + POD_IP + ": '" + value + "' is not an IPv4 address");
  }
}
