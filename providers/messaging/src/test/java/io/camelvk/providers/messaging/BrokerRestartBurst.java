package io.camelvk.providers.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camelvk.provider.runtime.ProviderCallLedger;
import io.camelvk.test.TestCluster;
import io.camelvk.test.TestPods;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

  private static final int PODS = 200;
  private static final Duration LOADED_MACHINE = Duration.ofMinutes(4);

  private final TestCluster cluster;
  private final KubeletOnTransport node;

  private BrokerRestartBurst(TestCluster cluster, KubeletOnTransport node) {
    this.cluster = cluster;
    this.node = node;
  }

  static BrokerRestartBurst start(TestCluster cluster, BrokerTransport kind) {
    return new BrokerRestartBurst(cluster, KubeletOnTransport.start(cluster, kind));
  }

  void losesNoPodAndRunsNoneTwice() {
    List<Pod> created = new ArrayList<>();
    long started = System.nanoTime();
    for (int i = 0; i < PODS; i++) {
      created.add(
          cluster.create(
              TestPods.boundTo(node.kubelet().nodeName(), "burst-" + i)
                  .editSpec()
                  .withTolerations(TestPods.anyProviderToleration())
                  .endSpec()
                  .build()));
      if (i == PODS / 4) {
        node.transport().broker().stop();
      }
      if (i == PODS / 2) {
        node.transport().broker().startServer();
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
    ProviderCallLedger calls = node.kubelet().process().providerCalls();
    Map<String, Long> creates =
        node.worker().commands().stream()
            .filter(c -> "io.camelvk.pod.create".equals(c.get("type").asText()))
            .collect(Collectors.groupingBy(c -> c.get("poduid").asText(), Collectors.counting()));
    long redelivered = creates.values().stream().mapToLong(n -> n - 1).sum();
    System.out.printf(
        "broker restart (%s) in a burst of %d pods: all Running after %d ms; %d creates at the"
            + " worker (%d delivered again), %d pods running at the worker%n",
        node.transport().transport(),
        PODS,
        allRunning.toMillis(),
        creates.values().stream().mapToLong(n -> n).sum(),
        redelivered,
        node.worker().running().size());
    for (Pod pod : created) {
      String uid = pod.getMetadata().getUid();
      assertThat(calls.count("create", uid, "ok")).as("successful creates of %s", uid).isEqualTo(1);
      assertThat(creates).as("creates the worker took").containsKey(uid);
    }
    assertThat(node.worker().running()).hasSize(PODS);
  }

  @Override
  public void close() {
    node.close();
  }
}
