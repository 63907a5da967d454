package io.camelvk.test.contract;

import io.camelvk.provider.VkHeaders;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.Message;

/**
 * The events a provider records in the harness ({@code direct:vk-pod-event}), kept instead of
 * written: there is no API server.
 */
public final class HarnessEvents {

  /** An event as the provider sent it. */
  public record Recorded(String namespace, String name, String type, String reason, String text) {}

  private final List<Recorded> recorded = new CopyOnWriteArrayList<>();

  public void record(Message message) {
    recorded.add(
        new Recorded(
            message.getHeader(VkHeaders.POD_NAMESPACE, String.class),
            message.getHeader(VkHeaders.POD_NAME, String.class),
            message.getHeader(VkHeaders.EVENT_TYPE, "Normal", String.class),
            message.getHeader(VkHeaders.EVENT_REASON, String.class),
            message.getBody(String.class)));
  }

  public List<Recorded> all() {
    return List.copyOf(recorded);
  }
}
