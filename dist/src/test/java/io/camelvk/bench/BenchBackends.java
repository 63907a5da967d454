package io.camelvk.bench;

import io.camelvk.providers.web.WebBackend;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The backends a run's providers need, started before the virtual kubelet with capacity for the
 * whole burst: the web provider's reference backend (found through the Go provider's variable
 * WEB_ENDPOINT_URL), the messaging provider's broker with its workers (--transport picks jms, amqp
 * or kafka) and the aws provider's moto_server. What they were asked per pod is reported as backend
 * requests.
 */
final class BenchBackends implements AutoCloseable {

  private final Optional<WebBackend> web;
  private final Optional<MessagingBenchBackend> messaging;
  private final Optional<AwsBenchBackend> aws;

  private BenchBackends(
      Optional<WebBackend> web,
      Optional<MessagingBenchBackend> messaging,
      Optional<AwsBenchBackend> aws) {
    this.web = web;
    this.messaging = messaging;
    this.aws = aws;
  }

  static BenchBackends start(BenchOptions options) throws IOException {
    int capacity = Math.max(110, options.pods());
    Optional<WebBackend> web =
        options.providers().contains(WebBackend.NAME)
            ? Optional.of(WebBackend.start(0, List.of("--pods", Integer.toString(capacity))))
            : Optional.empty();
    try {
      Optional<MessagingBenchBackend> messaging =
          options.providers().contains(MessagingBenchBackend.NAME)
              ? Optional.of(
                  MessagingBenchBackend.start(
                      options.transport(),
                      capacity,
                      options.out().resolve("bench-broker-" + System.nanoTime() + ".log")))
              : Optional.empty();
      try {
        Optional<AwsBenchBackend> aws =
            options.providers().contains(AwsBenchBackend.NAME)
                ? Optional.of(AwsBenchBackend.start(capacity))
                : Optional.empty();
        return new BenchBackends(web, messaging, aws);
      } catch (RuntimeException e) {
        messaging.ifPresent(MessagingBenchBackend::close);
        throw e;
      }
    } catch (IOException | RuntimeException e) {
      web.ifPresent(WebBackend::close);
      throw e;
    }
  }

  /** Variables for the virtual kubelet's process. */
  Map<String, String> environment() {
    return web.map(backend -> Map.of("WEB_ENDPOINT_URL", backend.url())).orElse(Map.of());
  }

  /** JVM options for the virtual kubelet's process. */
  List<String> javaOptions() {
    List<String> options = new ArrayList<>();
    messaging.ifPresent(backend -> options.addAll(backend.javaOptions()));
    aws.ifPresent(backend -> options.addAll(backend.javaOptions()));
    return options;
  }

  /**
   * What the backends were asked so far: the web backend's requests by path, the messaging
   * provider's messages by direction and type (from the virtual kubelet's metrics); empty with
   * neither.
   */
  Map<String, Integer> requests(Supplier<String> kubeletMetrics) {
    if (web.isPresent()) {
      return web.get().requests();
    }
    if (messaging.isPresent()) {
      return MessagingBenchBackend.messages(kubeletMetrics.get());
    }
    if (aws.isPresent()) {
      return AwsBenchBackend.requests(kubeletMetrics.get());
    }
    return Map.of();
  }

  @Override
  public void close() {
    web.ifPresent(WebBackend::close);
    messaging.ifPresent(MessagingBenchBackend::close);
    aws.ifPresent(AwsBenchBackend::close);
  }
}
