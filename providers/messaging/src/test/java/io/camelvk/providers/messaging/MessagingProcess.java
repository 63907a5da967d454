package io.camelvk.providers.messaging;

import io.camelvk.config.ProviderSettings;
import io.camelvk.provider.runtime.ProviderSet;
import io.camelvk.test.contract.ProviderHarness;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The messaging provider alone in a process of its own ({@link ProviderHarness}) on one transport,
 * and what the tests read from it: its node's Ready condition, its counters, its pods' states.
 */
final class MessagingProcess implements AutoCloseable {

  private final ProviderHarness harness;
  private final String node;

  private MessagingProcess(ProviderHarness harness, String node) {
    this.harness = harness;
    this.node = node;
  }

  /**
   * @param properties the provider's properties besides the transport's and the URL
   */
  static MessagingProcess start(
      TestTransport transport, String node, Map<String, String> properties) throws Exception {
    Map<String, String> all = new HashMap<>(properties);
    all.putAll(transport.providerProperties());
    return start(node, all);
  }

  /**
   * @param properties all the provider's properties, for a test that reaches the broker its own way
   */
  static MessagingProcess start(String node, Map<String, String> properties) throws Exception {
    ProviderSet providers =
        ProviderSet.create(
            ProviderSettings.only("messaging", Optional.empty()), node, Clock.systemUTC());
    return new MessagingProcess(ProviderHarness.start(providers, properties), node);
  }

  ProviderHarness harness() {
    return harness;
  }

  void create(Pod pod) {
    harness.provider().client().create(pod);
  }

  void delete(Pod pod, Duration grace) {
    harness.provider().client().delete(pod, grace);
  }

  Optional<PodStatus> status(Pod pod) {
    return harness.status(pod);
  }

  /** Whether the pod's first container runs, as last reported. */
  boolean running(Pod pod) {
    return harness
        .status(pod)
        .filter(s -> !s.getContainerStatuses().isEmpty())
        .map(s -> s.getContainerStatuses().getFirst().getState().getRunning() != null)
        .orElse(false);
  }

  /** The exit code of the pod's first container, once it has ended. */
  Optional<Integer> exitCode(Pod pod) {
    return harness
        .status(pod)
        .filter(s -> !s.getContainerStatuses().isEmpty())
        .map(s -> s.getContainerStatuses().getFirst().getState().getTerminated())
        .map(t -> t.getExitCode());
  }

  /** The node's Ready condition: empty while the provider has nothing against Ready. */
  Optional<NodeCondition> ready() {
    return harness.provider().client().node(node).conditions().stream()
        .filter(c -> "Ready".equals(c.getType()))
        .findFirst();
  }

  MessagingProvider provider() {
    return harness
        .camelContext()
        .getRegistry()
        .lookupByNameAndType("messagingBackend", MessagingProvider.class);
  }

  MessagingCounters counters() {
    return provider().counters();
  }

  @Override
  public void close() {
    harness.close();
  }
}
