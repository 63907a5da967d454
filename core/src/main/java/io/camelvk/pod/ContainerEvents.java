package io.camelvk.pod;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The kubelet's container events, derived from the container statuses a provider reports: Created
 * and Started once per container instance that ran, BackOff and Failed when a container waits in a
 * crash loop or on its image, Unhealthy and Killing when a container's last state says it was
 * killed for a failed liveness probe ({@link #LIVENESS_FAILED}) (a failed readiness probe: {@link
 * ReadinessEvents}; the core's own stops and restarts: {@link KillingEvents}). Each change is
 * announced once: what was announced per pod is remembered until the pod is forgotten.
 */
final class ContainerEvents {

  static final String PULLING = "Pulling";
  static final String PULLED = "Pulled";
  static final String PULLING_MESSAGE = "Pulling image ";
  static final String CREATED = "Created";
  static final String STARTED = "Started";
  static final String KILLING = "Killing";
  static final String BACK_OFF = "BackOff";
  static final String FAILED = "Failed";
  static final String CREATE_CONTAINER_ERROR = "CreateContainerError";
  static final String UNHEALTHY = "Unhealthy";

  /**
   * How a provider says that it killed a container because its liveness probe failed: the last
   * state is terminated with a message that starts so, the kubelet's Unhealthy message.
   */
  static final String LIVENESS_FAILED = "Liveness probe failed:";

  private static final List<String> IMAGE_ERRORS =
      List.of("ErrImagePull", "InvalidImageName", "ErrImageNeverPull", "ImagePullBackOff");

  /**
   * What was last announced of one container: the instance that ran, the wait it is in, the
   * instance killed for its liveness probe.
   */
  private record Announced(String containerId, String waiting, String killed, Instant pulling) {}

  private final PodEvents events;
  private final Clock clock;
  private final Map<String, Map<String, Announced>> announced = new ConcurrentHashMap<>();

  ContainerEvents(PodEvents events, Clock clock) {
    this.events = events;
    this.clock = clock;
  }

  /** Announces what changed in the containers since the last status of this pod. */
  void reported(Pod pod, PodStatus status) {
    Map<String, Announced> seen =
        announced.computeIfAbsent(pod.getMetadata().getUid(), uid -> new ConcurrentHashMap<>());
    announce(pod, seen, status.getInitContainerStatuses(), "spec.initContainers");
    announce(pod, seen, status.getContainerStatuses(), "spec.containers");
    announce(pod, seen, status.getEphemeralContainerStatuses(), "spec.ephemeralContainers");
  }

  void forget(String uid) {
    announced.remove(uid);
  }

  private void announce(
      Pod pod, Map<String, Announced> seen, List<ContainerStatus> statuses, String field) {
    for (ContainerStatus status : statuses) {
      String fieldPath = field + "{" + status.getName() + "}";
      Announced before = seen.getOrDefault(status.getName(), new Announced(null, null, null, null));
      Announced now =
          new Announced(
              ranInstance(status, before),
              waitingReason(status),
              killedInstance(status, before),
              pullingSince(status, before));
      seen.put(status.getName(), now);
      if (now.killed() != null && !now.killed().equals(before.killed())) {
        announceLivenessKill(pod, fieldPath, status);
      }
      if (now.pulling() != null && before.pulling() == null) {
        events.onContainer(
            pod, fieldPath, "Normal", PULLING, status.getState().getWaiting().getMessage());
      }
      if (now.containerId() != null && !Objects.equals(now.containerId(), before.containerId())) {
        if (before.containerId() == null && before.pulling() != null) {
          events.onContainer(pod, fieldPath, "Normal", PULLED, pulled(status, before.pulling()));
        }
        events.onContainer(pod, fieldPath, "Normal", CREATED, "Container created");
        events.onContainer(pod, fieldPath, "Normal", STARTED, "Container started");
      }
      if (now.waiting() != null && !now.waiting().equals(before.waiting())) {
        announceWait(pod, fieldPath, status);
      }
    }
  }

  private void announceWait(Pod pod, String fieldPath, ContainerStatus status) {
    String reason = status.getState().getWaiting().getReason();
    if (reason.equals("CrashLoopBackOff")) {
      events.onContainer(
          pod,
          fieldPath,
          "Warning",
          BACK_OFF,
          "Back-off restarting failed container "
              + status.getName()
              + " in pod "
              + pod.getMetadata().getName()
              + "_"
              + pod.getMetadata().getNamespace()
              + "("
              + pod.getMetadata().getUid()
              + ")");
    } else if (reason.equals(CREATE_CONTAINER_ERROR)) {
      events.onContainer(
          pod,
          fieldPath,
          "Warning",
          FAILED,
          "Error: " + status.getState().getWaiting().getMessage());
    } else if (IMAGE_ERRORS.contains(reason)) {
      String message = status.getState().getWaiting().getMessage();
      if (message != null && !message.isBlank()) {
        events.onContainer(pod, fieldPath, "Warning", FAILED, message);
      }
      events.onContainer(pod, fieldPath, "Warning", FAILED, "Error: " + reason);
    }
  }

  private void announceLivenessKill(Pod pod, String fieldPath, ContainerStatus status) {
    String message = status.getLastState().getTerminated().getMessage();
    events.onContainer(pod, fieldPath, "Warning", UNHEALTHY, message);
    events.onContainer(
        pod,
        fieldPath,
        "Normal",
        KILLING,
        "Container " + status.getName() + " failed liveness probe, will be restarted");
  }

  /**
   * The last instance, if killed for its liveness probe (its ID), else the one announced before.
   */
  private static String killedInstance(ContainerStatus status, Announced before) {
    var last = status.getLastState() == null ? null : status.getLastState().getTerminated();
    if (last == null
        || last.getMessage() == null
        || !last.getMessage().startsWith(LIVENESS_FAILED)) {
      return before.killed();
    }
    String id = last.getContainerID();
    return id != null ? id : status.getName() + "#" + (status.getRestartCount() - 1);
  }

  /** The instance that runs or ran (its container ID), else the one announced before. */
  private static String ranInstance(ContainerStatus status, Announced before) {
    var state = status.getState();
    boolean ran = state != null && (state.getRunning() != null || state.getTerminated() != null);
    String id = status.getContainerID();
    if (ran && id == null) {
      id = status.getName() + "#" + status.getRestartCount();
    }
    return ran ? id : before.containerId();
  }

  /**
   * When the provider began to pull the container's image, as it reports it: waiting in
   * ContainerCreating with a message "Pulling image ..." (kept until the container first runs).
   */
  private Instant pullingSince(ContainerStatus status, Announced before) {
    if (before.pulling() != null) {
      return before.pulling();
    }
    var waiting = status.getState() == null ? null : status.getState().getWaiting();
    return waiting != null
            && waiting.getMessage() != null
            && waiting.getMessage().startsWith(PULLING_MESSAGE)
        ? clock.instant()
        : null;
  }

  /** The kubelet's message for a pull that is done, with how long it took. */
  private String pulled(ContainerStatus status, Instant since) {
    Duration took = Duration.between(since, clock.instant());
    String seconds = String.format(Locale.ROOT, "%.3fs", took.toMillis() / 1000.0);
    return "Successfully pulled image \"" + status.getImage() + "\" in " + seconds;
  }

  /** The wait, with the restart count, so that each back-off of a crash loop is one wait. */
  private static String waitingReason(ContainerStatus status) {
    var state = status.getState();
    if (state == null || state.getWaiting() == null || state.getWaiting().getReason() == null) {
      return null;
    }
    return state.getWaiting().getReason() + "#" + status.getRestartCount();
  }
}
