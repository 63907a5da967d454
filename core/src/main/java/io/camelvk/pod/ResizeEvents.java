package io.camelvk.pod;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodStatus;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The kubelet's events of an in-place resize, each once, with its reasons and messages ({@link
 * PodResizeMessage}): Normal {@code ResizeStarted} when a resize is handed to the provider (the
 * kubelet's allocation), Normal {@code ResizeCompleted} when the status written after it has no
 * {@code PodResizeInProgress} any more, Warning {@code ResizeError} for each new error of the
 * provider's update, and Warning {@code ResizeInfeasible} (or {@code ResizeDeferred}) when a status
 * written has a new {@code PodResizePending}. What was announced per pod is remembered until the
 * pod is forgotten.
 */
public final class ResizeEvents {

  static final String STARTED = "ResizeStarted";
  static final String COMPLETED = "ResizeCompleted";
  static final String ERROR = "ResizeError";
  static final String INFEASIBLE = "ResizeInfeasible";
  static final String DEFERRED = "ResizeDeferred";

  /**
   * What was announced of a pod's resizes: the generation of the resize started and not completed,
   * the last error of it, and the pending condition (reason and generation).
   */
  private record Announced(Long started, String error, String pending) {}

  private static final Announced NOTHING = new Announced(null, null, null);

  private final PodEvents events;
  private final Map<String, Announced> announced = new ConcurrentHashMap<>();

  public ResizeEvents(PodEvents events) {
    this.events = events;
  }

  /**
   * The pod is about to be handed to its provider, which was last handed {@code allocated}: if its
   * containers' resources differ, it starts a resize.
   */
  void handing(Pod pod, PodAllocation allocated) {
    PodAllocation desired = PodAllocation.of(pod);
    Announced before = of(pod);
    if (desired.byContainer().equals(allocated.byContainer())
        || Objects.equals(before.started(), desired.generation())) {
      return;
    }
    announced.put(uid(pod), new Announced(desired.generation(), null, before.pending()));
    events.normal(
        pod,
        STARTED,
        PodResizeMessage.of("Pod resize started", pod, desired, desired.generation(), null));
  }

  /** The provider failed to apply a resize: {@code written} has its PodResizeInProgress Error. */
  void failed(Pod pod, PodStatus written) {
    PodCondition failure = condition(written, PodResizeStatus.IN_PROGRESS);
    Announced before = of(pod);
    if (failure == null
        || !PodResizeStatus.ERROR.equals(failure.getReason())
        || Objects.equals(before.error(), failure.getMessage())) {
      return;
    }
    announced.put(
        uid(pod), new Announced(before.started(), failure.getMessage(), before.pending()));
    events.warning(
        pod,
        ERROR,
        PodResizeMessage.of(
            "Pod resize error",
            pod,
            PodAllocation.of(pod),
            generation(failure),
            failure.getMessage()));
  }

  /**
   * The status written of a running pod, whose provider was last handed {@code allocation}: a new
   * pending resize, or the end of the one in progress.
   */
  void reported(Pod pod, PodStatus written, PodAllocation allocation) {
    Announced before = of(pod);
    PodCondition pending = condition(written, PodResizeStatus.PENDING);
    String pendingNow =
        pending == null ? null : pending.getReason() + "#" + pending.getObservedGeneration();
    if (pendingNow != null && !pendingNow.equals(before.pending())) {
      events.warning(
          pod,
          PodResizeStatus.INFEASIBLE.equals(pending.getReason()) ? INFEASIBLE : DEFERRED,
          PodResizeMessage.of(
              "Pod resize " + pending.getReason(),
              pod,
              PodAllocation.of(pod),
              generation(pending),
              pending.getMessage()));
    }
    PodCondition inProgress = condition(written, PodResizeStatus.IN_PROGRESS);
    // A resize in progress that was not seen starting (a pod adopted at start-up) ends like one.
    Long started = before.started();
    if (started == null && inProgress != null) {
      started = generation(inProgress);
    }
    boolean completed = started != null && inProgress == null && allocation.generation() >= started;
    if (completed) {
      events.normal(
          pod,
          COMPLETED,
          PodResizeMessage.of(
              "Pod resize completed", pod, allocation, allocation.generation(), null));
    }
    Announced now =
        completed
            ? new Announced(null, null, pendingNow)
            : new Announced(started, before.error(), pendingNow);
    if (now.equals(NOTHING)) {
      // Most pods are never resized: keep no entry for them.
      announced.remove(uid(pod));
    } else {
      announced.put(uid(pod), now);
    }
  }

  void forget(String uid) {
    announced.remove(uid);
  }

  private Announced of(Pod pod) {
    return announced.getOrDefault(uid(pod), NOTHING);
  }

  private static String uid(Pod pod) {
    return pod.getMetadata().getUid();
  }

  private static long generation(PodCondition condition) {
    return condition.getObservedGeneration() == null ? 0 : condition.getObservedGeneration();
  }

  private static PodCondition condition(PodStatus status, String type) {
    return status.getConditions().stream()
        .filter(c -> type.equals(c.getType()))
        .findFirst()
        .orElse(null);
  }
}
