package io.camelvk.pod;

import io.camelvk.provider.VkHeaders;
import org.apache.camel.Message;

/**
 * Where a provider records an event on one of its pods ({@code direct:vk-pod-event}): headers
 * {@code VkPodNamespace}, {@code VkPodName}, {@code VkEventReason} and optionally {@code
 * VkEventType} ({@code Normal} or {@code Warning}), the message as body. Written like the core's
 * own events (correlated, in the background, Normal ones dropped when they are turned off); an
 * event about a pod no longer on the node is dropped.
 */
public final class ReportedEvents {

  private final ClusterCache cache;
  private final PodEvents events;

  public ReportedEvents(ClusterCache cache, PodEvents events) {
    this.cache = cache;
    this.events = events;
  }

  /**
   * @throws IllegalArgumentException when a header is missing or the type is neither Normal nor
   *     Warning
   */
  public void record(Message message) {
    String namespace = required(message, VkHeaders.POD_NAMESPACE);
    String name = required(message, VkHeaders.POD_NAME);
    String reason = required(message, VkHeaders.EVENT_REASON);
    String type = message.getHeader(VkHeaders.EVENT_TYPE, "Normal", String.class);
    if (!type.equals("Normal") && !type.equals("Warning")) {
      throw new IllegalArgumentException(
          VkHeaders.EVENT_TYPE + " must be Normal or Warning, not " + type);
    }
    String text = message.getBody(String.class);
    cache
        .pod(new PodKey(namespace, name))
        .ifPresent(
            pod -> {
              if (type.equals("Warning")) {
                events.warning(pod, reason, text);
              } else {
                events.normal(pod, reason, text);
              }
            });
  }

  private static String required(Message message, String header) {
    String value = message.getHeader(header, String.class);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("a pod event needs the header " + header);
    }
    return value;
  }
}
