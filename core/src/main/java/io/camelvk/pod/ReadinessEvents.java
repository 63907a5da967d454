package io.camelvk.pod;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.Probe;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The kubelet's Warning {@code Unhealthy} "Readiness probe failed" event, derived from the
 * readiness a provider reports: once each time a started, running container that has a
 * readinessProbe turns from ready to not ready, or is still not ready once its probe's {@code
 * initialDelaySeconds} have passed since the instance started. The kubelet writes one per failed
 * probe run (its correlator counts them); the core sees transitions only, so it writes one per
 * transition.
 */
final class ReadinessEvents {

  static final String UNHEALTHY = ContainerEvents.UNHEALTHY;

  /** The message when the provider gives none: the kubelet's, without the probe's output. */
  static final String READINESS_FAILED = "Readiness probe failed";

  /**
   * How a provider gives the probe's output: in the status it reports, a {@code ContainersReady}
   * condition, False, whose message starts with this (the core writes its own conditions).
   */
  static final String PROVIDER_MESSAGE_PREFIX = READINESS_FAILED + ":";

  static final String CONTAINERS_READY = "ContainersReady";

  /** The precision of a container status's {@code startedAt} (RFC 3339, whole seconds). */
  static final int STARTED_AT_PRECISION_SECONDS = 1;

  /** What was seen of a container: its instance, whether it was ever ready, if announced. */
  private record Seen(String instance, boolean wasReady, boolean announced) {}

  private final PodEvents events;
  private final Clock clock;
  private final Map<String, Map<String, Seen>> seen = new ConcurrentHashMap<>();

  ReadinessEvents(PodEvents events, Clock clock) {
    this.events = events;
    this.clock = clock;
  }

  /**
   * @param reported what the provider reported (its conditions may carry the probe's output)
   * @param status the status written, with the readiness of each container
   */
  void reported(Pod pod, PodStatus reported, PodStatus status) {
    Map<String, Seen> ofPod =
        seen.computeIfAbsent(pod.getMetadata().getUid(), uid -> new ConcurrentHashMap<>());
    Optional<String> failed = providerMessage(reported);
    announce(pod, ofPod, status.getInitContainerStatuses(), "spec.initContainers", failed);
    announce(pod, ofPod, status.getContainerStatuses(), "spec.containers", failed);
  }

  void forget(String uid) {
    seen.remove(uid);
  }

  /**
   * @param failed the provider's message: its probe failed (else the core infers a failure from a
   *     container still not ready after the initial delay)
   */
  private void announce(
      Pod pod,
      Map<String, Seen> ofPod,
      List<ContainerStatus> statuses,
      String field,
      Optional<String> failed) {
    for (ContainerStatus status : statuses) {
      Optional<Probe> probe = readinessProbe(pod, status.getName());
      var running = status.getState() == null ? null : status.getState().getRunning();
      if (probe.isEmpty() || running == null || Boolean.FALSE.equals(status.getStarted())) {
        continue;
      }
      String instance = status.getContainerID() + "#" + status.getRestartCount();
      Seen before = ofPod.get(status.getName());
      if (before == null || !before.instance().equals(instance)) {
        before = new Seen(instance, false, false);
      }
      boolean ready = !Boolean.FALSE.equals(status.getReady());
      boolean due =
          !ready
              && !before.announced()
              && (before.wasReady()
                  || failed.isPresent()
                  || pastInitialDelay(running.getStartedAt(), probe.get()));
      if (due) {
        events.onContainer(
            pod,
            field + "{" + status.getName() + "}",
            "Warning",
            UNHEALTHY,
            failed.orElse(READINESS_FAILED));
      }
      ofPod.put(
          status.getName(),
          new Seen(instance, before.wasReady() || ready, !ready && (before.announced() || due)));
    }
  }

  /**
   * Whether the probe's initial delay has passed since the instance started: {@code startedAt} has
   * whole seconds, so the delay counts from the end of that second, lest a container about to turn
   * ready be called unhealthy.
   */
  private boolean pastInitialDelay(String startedAt, Probe probe) {
    if (startedAt == null) {
      return true;
    }
    int delay = probe.getInitialDelaySeconds() == null ? 0 : probe.getInitialDelaySeconds();
    Instant due = Instant.parse(startedAt).plusSeconds(delay + STARTED_AT_PRECISION_SECONDS);
    return !clock.instant().isBefore(due);
  }

  private static Optional<Probe> readinessProbe(Pod pod, String name) {
    return Stream.concat(
            pod.getSpec().getInitContainers().stream(), pod.getSpec().getContainers().stream())
        .filter(c -> c.getName().equals(name))
        .findFirst()
        .map(Container::getReadinessProbe);
  }

  private static Optional<String> providerMessage(PodStatus reported) {
    return reported.getConditions().stream()
        .filter(c -> CONTAINERS_READY.equals(c.getType()) && "False".equals(c.getStatus()))
        .map(PodCondition::getMessage)
        .filter(m -> m != null && m.startsWith(PROVIDER_MESSAGE_PREFIX))
        .findFirst();
  }
}
