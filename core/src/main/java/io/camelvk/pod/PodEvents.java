package io.camelvk.pod;

import io.camelvk.events.EventRecorder;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Records events on pods, as the kubelet does, with our node as the source host: handed to the
 * {@link EventRecorder}, which correlates and writes them in the background. Normal events can be
 * turned off (Warning events never are).
 */
public final class PodEvents {

  public static final String COMPONENT = "virtual-kubelet";

  private final EventRecorder recorder;
  private final String nodeName;
  private final Clock clock;
  private final boolean normalEvents;
  private final AtomicLong lastName = new AtomicLong();

  public PodEvents(EventRecorder recorder, String nodeName, Clock clock, boolean normalEvents) {
    this.recorder = recorder;
    this.nodeName = nodeName;
    this.clock = clock;
    this.normalEvents = normalEvents;
  }

  public void warning(Pod pod, String reason, String message) {
    record(pod, "Warning", reason, message);
  }

  public void normal(Pod pod, String reason, String message) {
    if (normalEvents) {
      record(pod, "Normal", reason, message);
    }
  }

  /** An event on one container of the pod, {@code fieldPath} like {@code spec.containers{app}}. */
  public void onContainer(Pod pod, String fieldPath, String type, String reason, String message) {
    if (normalEvents || !type.equals("Normal")) {
      record(pod, fieldPath, type, reason, message);
    }
  }

  public void record(Pod pod, String type, String reason, String message) {
    record(pod, null, type, reason, message);
  }

  /** Never fails or holds the caller: an event that cannot be written is logged and dropped. */
  private void record(Pod pod, String fieldPath, String type, String reason, String message) {
    String now =
        DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(ChronoUnit.SECONDS));
    recorder.record(
        new EventBuilder()
            .withNewMetadata()
            .withNamespace(pod.getMetadata().getNamespace())
            .withName(pod.getMetadata().getName() + "." + Long.toHexString(nanos()))
            .endMetadata()
            .withNewInvolvedObject()
            .withApiVersion("v1")
            .withKind("Pod")
            .withNamespace(pod.getMetadata().getNamespace())
            .withName(pod.getMetadata().getName())
            .withUid(pod.getMetadata().getUid())
            .withFieldPath(fieldPath)
            .endInvolvedObject()
            .withType(type)
            .withReason(reason)
            .withMessage(message)
            .withNewSource(COMPONENT, nodeName)
            .withReportingComponent(COMPONENT)
            .withReportingInstance(nodeName)
            .withFirstTimestamp(now)
            .withLastTimestamp(now)
            .withCount(1)
            .build());
  }

  /** Unique names like client-go's: the object's name and the time in nanoseconds, in hex. */
  private long nanos() {
    Instant now = clock.instant();
    long nanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
    return lastName.updateAndGet(last -> Math.max(last + 1, nanos));
  }
}
