package io.camelvk.providers.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelvk.config.ProviderSettings;
import io.camelvk.config.VkSettings;
import io.camelvk.provider.runtime.ProviderCallLedger;
import io.camelvk.test.RunningKubelet;
import io.camelvk.test.TestCluster;
import io.camelvk.test.TestPods;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The body of the broker-restart ITs, one per transport: a broker restart in the middle of a burst
 * of 200 pods; every pod runs, none lost, none run twice, counted at the worker (the creates it
 * took, by pod UID) and at the provider boundary (the core's ledger of create calls, {@code
 * --debug-provider-calls}). On {@code jms} and {@code amqp} the broker is Artemis and the worker
 * speaks its core protocol either way; on {@code kafka} they are a KRaft broker and a worker of
 * plain Kafka clients.
 */
final class BrokerRestartBurst implements AutoCloseable {

  /** A broker the burst stops and starts again. */
  interface Broker extends AutoCloseable {
    void stop();

    void startServer();

    @Override
    void close();
  }

  /** A worker whose commands and pods the burst counts. */
  interface Worker extends AutoCloseable {
    Set<String> running();

    List<JsonNode> commands();

    @Override
    void close();
  }

  private static final int PODS = 200;
  private static final Duration LOADED_MACHINE = Duration.ofMinutes(4);

  private final TestCluster cluster;
  private final BrokerTransport transport;
  private final Broker broker;
  private final Worker worker;
  private final RunningKubelet kubelet;

  private BrokerRestartBurst(
      TestCluster cluster,
      BrokerTransport transport,
      Broker broker,
      Worker worker,
      RunningKubelet kubelet) {
    this.cluster = cluster;
    this.transport = transport;
    this.broker = broker;
    this.worker = worker;
    this.kubelet = kubelet;
  }

  static BrokerRestartBurst start(TestCluster cluster, BrokerTransport transport) {
    if (transport == BrokerTransport.KAFKA) {
      EmbeddedKafka kafka = EmbeddedKafka.start();
      return start(cluster, transport, kafka, KafkaTestWorker.start(kafka.url()), kafka.url());
    }
    EmbeddedBroker broker = EmbeddedBroker.start();
    TestWorker worker = TestWorker.start(broker.url() + "?reconnectAttempts=-1&retryInterval=200");
    String url = transport == BrokerTransport.AMQP ? broker.amqpUrl() : broker.url();
    return start(cluster, transport, broker, worker, url);
  }

  private static BrokerRestartBurst start(
      TestCluster cluster, BrokerTransport transport, Broker broker, Worker worker, String url) {
    VkSettings settings = RunningKubelet.settings(cluster, "vk-" + cluster.namespace());
    settings =
        settings.withProviders(
            ProviderSettings.only("messaging", Optional.empty())
                .withCallLedger()
                .withProperty(
                    "vk.provider.messaging.transport", transport.name().toLowerCase(Locale.ROOT))
                .withProperty("vk.provider.messaging.url", url));
    RunningKubelet kubelet =
        RunningKubelet.start(cluster, settings, RunningKubelet.providers(settings));
    return new BrokerRestartBurst(cluster, transport, broker, worker, kubelet);
  }

  void losesNoPodAndRunsNoneTwice() {
    List<Pod> created = new ArrayList<>();
    long started = System.nanoTime();
    for (int i = 0; i < PODS; i++) {
      created.add(
          cluster.create(
              TestPods.boundTo(kubelet.nodeName(), "burst-" + i)
                  .editSpec()
                  .withTolerations(messagingToleration())
                  .endSpec()
                  .build()));
      if (i == PODS / 4) {
        broker.stop();
      }
      if (i == PODS / 2) {
        broker.startServer();
      }
    }

    await()
        .atMost(LOADED_MACHINE)
        .until(
            () ->
                cluster.client().pods().inNamespace(cluster.namespace()).list().getItems().stream()
                        .filter(TestPods::isRunningAndReady)
                        .count()
                    == PODS);

    Duration allRunning = Duration.ofNanos(System.nanoTime() - started);
    ProviderCallLedger calls = kubelet.process().providerCalls();
    Map<String, Long> creates =
        worker.commands().stream()
            .filter(c -> "io.camelvk.pod.create".equals(c.get("type").asText()))
            .collect(Collectors.groupingBy(c -> c.get("poduid").asText(), Collectors.counting()));
    long redelivered = creates.values().stream().mapToLong(n -> n - 1).sum();
    System.out.printf(
        "broker restart (%s) in a burst of %d pods: all Running after %d ms; %d creates at the"
            + " worker (%d delivered again), %d pods running at the worker%n",
        transport,
        PODS,
        allRunning.toMillis(),
        creates.values().stream().mapToLong(n -> n).sum(),
        redelivered,
        worker.running().size());
    for (Pod pod : created) {
      String uid = pod.getMetadata().getUid();
      assertThat(calls.count("create", uid, "ok")).as("successful creates of %s", uid).isEqualTo(1);
      assertThat(creates).as("creates the worker took").containsKey(uid);
    }
    assertThat(worker.running()).hasSize(PODS);
  }

  private static Toleration messagingToleration() {
    return new TolerationBuilder()
        .withKey("virtual-kubelet.io/provider")
        .withOperator("Exists")
        .withEffect("NoSchedule")
        .build();
  }

  @Override
  public void close() {
    kubelet.stopAndDeleteNode(cluster);
    worker.close();
    broker.close();
  }
}
