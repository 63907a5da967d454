package io.camelvk.pod;

import io.camelvk.provider.VkHeaders;
import io.camelvk.provider.runtime.ProviderReplies;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.apache.camel.Message;

/**
 * What providers push to {@code direct:vk-pod-status} (route {@code pod-status-report}): the pod
 * named by {@link VkHeaders#POD_NAMESPACE} and {@link VkHeaders#POD_NAME} (and, when given, {@link
 * VkHeaders#POD_UID}) has changed; a body, a PodStatus or its JSON, is its new status, kept until
 * the next. Either way the pod is queued for a sync, which writes the status like a polled one.
 * With {@link VkHeaders#AWAIT_WRITE} the report returns only after that sync ({@link
 * StatusWriteWaits}).
 */
public final class ReportedStatuses {

  private record Reported(String uid, PodStatus status) {}

  private final Map<PodKey, Reported> latest = new ConcurrentHashMap<>();
  private final Consumer<PodKey> changed;
  private final StatusWriteWaits writes;

  /**
   * @param changed queues the pod for a sync
   * @param writes told by the syncs when they begin and end
   */
  public ReportedStatuses(Consumer<PodKey> changed, StatusWriteWaits writes) {
    this.changed = changed;
    this.writes = writes;
  }

  /**
   * @throws IllegalArgumentException when the namespace or name is missing
   * @throws io.camelvk.provider.StatusNotWrittenException when the write was awaited and failed
   */
  public void report(Message message) {
    String namespace = message.getHeader(VkHeaders.POD_NAMESPACE, String.class);
    String name = message.getHeader(VkHeaders.POD_NAME, String.class);
    if (namespace == null || name == null) {
      throw new IllegalArgumentException(
          "a pod status report needs the headers "
              + VkHeaders.POD_NAMESPACE
              + " and "
              + VkHeaders.POD_NAME);
    }
    PodKey key = new PodKey(namespace, name);
    ProviderReplies.status(message.getBody())
        .ifPresent(
            status ->
                latest.put(
                    key, new Reported(message.getHeader(VkHeaders.POD_UID, String.class), status)));
    if (Boolean.TRUE.equals(message.getHeader(VkHeaders.AWAIT_WRITE, Boolean.class))) {
      writes.await(key, () -> changed.accept(key));
    } else {
      changed.accept(key);
    }
  }

  /** The status last pushed for this pod (for its UID, when the report named one). */
  public Optional<PodStatus> of(Pod pod) {
    Reported reported = latest.get(PodKey.of(pod));
    if (reported == null
        || (reported.uid() != null
            && !Objects.equals(reported.uid(), pod.getMetadata().getUid()))) {
      return Optional.empty();
    }
    return Optional.of(reported.status());
  }

  public void forget(PodKey key) {
    latest.remove(key);
  }
}
