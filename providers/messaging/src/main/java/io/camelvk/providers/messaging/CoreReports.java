package io.camelvk.providers.messaging;

import io.camelvk.provider.VkHeaders;
import io.fabric8.kubernetes.api.model.PodStatus;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;

/**
 * What the provider sends from outside a call of the core: statuses it reports itself to {@code
 * direct:vk-pod-status}, node changes to {@code direct:vk-node-status}, commands it sends on its
 * own through route {@code messaging-send}, and requests it publishes on its own through route
 * {@code messaging-ask}.
 */
final class CoreReports {

  private final Supplier<CamelContext> camelContext;
  private ProducerTemplate template;

  /**
   * @param camelContext the provider's Camel, asked at the first report (a bean gets its context
   *     after it is made)
   */
  CoreReports(Supplier<CamelContext> camelContext) {
    this.camelContext = camelContext;
  }

  void status(String namespace, String name, String uid, PodStatus status) {
    template()
        .sendBodyAndHeaders(
            "direct:vk-pod-status",
            status,
            Map.of(
                VkHeaders.POD_NAMESPACE, namespace,
                VkHeaders.POD_NAME, name,
                VkHeaders.POD_UID, uid));
  }

  /** Like {@link #status}, returning only once the status is written to the API server. */
  void writtenStatus(String namespace, String name, String uid, PodStatus status) {
    template()
        .sendBodyAndHeaders(
            "direct:vk-pod-status",
            status,
            Map.of(
                VkHeaders.POD_NAMESPACE, namespace,
                VkHeaders.POD_NAME, name,
                VkHeaders.POD_UID, uid,
                VkHeaders.AWAIT_WRITE, true));
  }

  void command(PodCommands.Outgoing command) {
    template()
        .sendBodyAndHeader(
            "direct:messaging-send", command.command(), "JMSXGroupID", command.uid());
  }

  /**
   * The node's profile changed (a worker joined): its status is written at once, by the core's
   * {@code direct:vk-node-status}, where a process has one (the contract harness has none).
   */
  void nodeChanged() {
    if (camelContext.get().hasEndpoint("direct://vk-node-status") != null) {
      template().sendBody("direct:vk-node-status", null);
    }
  }

  /**
   * Publishes a request to every worker without waiting for the broker: the caller may be a thread
   * that must not block (the kubelet API's, when a client goes away).
   */
  void request(String event) {
    template().asyncSendBody("direct:messaging-ask", event);
  }

  /** Made at first use: Camel is started by then. */
  private synchronized ProducerTemplate template() {
    if (template == null) {
      template = camelContext.get().createProducerTemplate();
    }
    return template;
  }
}
