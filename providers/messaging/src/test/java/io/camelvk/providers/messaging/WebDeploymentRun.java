package io.camelvk.providers.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camelvk.test.RunningKubelet;
import io.camelvk.test.TestCluster;
import io.camelvk.test.TestDeployments;
import io.camelvk.test.TestPods;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Toleration;
import java.time.Duration;
import java.util.Map;

/**
 * The node ITs' Deployment of five pods, on any transport: run on the workers, one pod's log read
 * with {@code kubectl logs}, deleted; every pod created and deleted once at the worker, and the
 * messages per pod from the kubelet's /metrics (what it counted during the run).
 */
final class WebDeploymentRun {

  /** What vk_messaging_messages_total counted; logs is the requests sent and answers received. */
  record Messages(double creates, double deletes, double statuses, double logs) {}

  private static final Duration LOADED_MACHINE = Duration.ofSeconds(90);
  private static final int PODS = 5;

  private final TestCluster cluster;
  private final RunningKubelet kubelet;
  private final BrokerWorker worker;

  WebDeploymentRun(TestCluster cluster, RunningKubelet kubelet, BrokerWorker worker) {
    this.cluster = cluster;
    this.kubelet = kubelet;
    this.worker = worker;
  }

  /**
   * @param toleration how the pods tolerate the virtual kubelet's taint
   * @param transport how the printed line names the transport
   */
  Messages runReadALogAndDelete(Toleration toleration, String transport) {
    KubeletCounters counters = KubeletCounters.from(kubelet);
    cluster
        .client()
        .apps()
        .deployments()
        .inNamespace(cluster.namespace())
        .resource(TestDeployments.web(PODS, kubelet.nodeName(), toleration, Map.of()))
        .create();
    await()
        .atMost(LOADED_MACHINE)
        .until(
            () ->
                cluster.podsLabelled("app", "web").size() == PODS
                    && cluster.podsLabelled("app", "web").stream()
                        .allMatch(TestPods::isRunningAndReady));
    Pod one = cluster.podsLabelled("app", "web").getFirst();
    assertThat(kubelet.providerOf(one)).isEqualTo("messaging");
    assertThat(cluster.kubectl("logs", "-n", cluster.namespace(), one.getMetadata().getName()))
        .isEqualTo("log of app\n");

    cluster.client().apps().deployments().inNamespace(cluster.namespace()).withName("web").delete();
    await().atMost(LOADED_MACHINE).until(() -> cluster.podsLabelled("app", "web").isEmpty());
    await().atMost(LOADED_MACHINE).until(() -> count("io.camelvk.pod.delete") >= PODS);
    assertThat(count("io.camelvk.pod.create")).isEqualTo(PODS);
    return counted(counters, transport);
  }

  private Messages counted(KubeletCounters counters, String transport) {
    Messages counted =
        new Messages(
            counters.messages("sent", "io.camelvk.pod.create"),
            counters.messages("sent", "io.camelvk.pod.delete"),
            counters.messages("received", "io.camelvk.pod.status"),
            counters.messages("sent", "io.camelvk.pod.logs-request")
                + counters.messages("received", "io.camelvk.pod.logs"));
    System.out.printf(
        "messaging%s, %d pods of a Deployment run and deleted: %.0f creates, %.0f deletes, %.0f"
            + " statuses (%.1f messages per pod), %.0f for one kubectl logs%n",
        transport,
        PODS,
        counted.creates(),
        counted.deletes(),
        counted.statuses(),
        (counted.creates() + counted.deletes() + counted.statuses()) / PODS,
        counted.logs());
    assertThat(counted.creates()).isEqualTo(PODS);
    assertThat(counted.deletes()).isEqualTo(PODS);
    assertThat(counted.statuses()).isGreaterThanOrEqualTo(2 * PODS);
    return counted;
  }

  /** How many of the Deployment's pods the worker took a command of this type for. */
  private long count(String type) {
    return worker.commands().stream()
        .filter(c -> type.equals(c.get("type").asText()))
        .filter(c -> c.get("subject").asText().contains("/web-"))
        .map(c -> c.get("poduid").asText())
        .distinct()
        .count();
  }
}
