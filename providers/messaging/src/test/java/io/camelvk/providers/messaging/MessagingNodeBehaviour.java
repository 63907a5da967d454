package io.camelvk.providers.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelvk.test.KubectlStream;
import io.camelvk.test.RunningKubelet;
import io.camelvk.test.TestCluster;
import io.camelvk.test.TestPods;
import io.camelvk.test.WithControlPlane;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The messaging provider as a node runs it on the real control plane, on one transport (a subclass
 * each): the provider mapping sends the test's namespace to messaging (the transport's broker and
 * its test worker) and every other namespace to the mock. A Deployment, logs and {@code kubectl
 * logs -f}; duplicated and reordered statuses and a poison reply, sent by the worker, as the API
 * server shows them.
 */
@WithControlPlane
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class MessagingNodeBehaviour {

  private static final Duration LOADED_MACHINE = Duration.ofSeconds(90);

  private final BrokerTransport kind;
  private KubeletOnTransport node;
  private BrokerWorker worker;
  private RunningKubelet kubelet;

  MessagingNodeBehaviour(BrokerTransport kind) {
    this.kind = kind;
  }

  @BeforeAll
  void start(TestCluster cluster, @TempDir Path dir) throws IOException {
    Path mapping = Files.writeString(dir.resolve("mapping.yaml"), mapping(cluster.namespace()));
    node =
        KubeletOnTransport.start(
            cluster,
            kind,
            started ->
                started
                    .transport()
                    .withProperties(
                        started
                            .settings()
                            .providers()
                            .withNames(List.of("messaging"))
                            .withMapping(mapping)));
    worker = node.worker();
    kubelet = node.kubelet();
  }

  @AfterAll
  void stop() {
    node.close();
  }

  @Test
  void aDeploymentOfFivePodsRunsOnTheWorkersServesLogsAndIsDeleted(TestCluster cluster) {
    WebDeploymentRun.Messages messages =
        new WebDeploymentRun(cluster, kubelet, worker)
            .runReadALogAndDelete(TestPods.anyProviderToleration(), " on " + kind);

    assertThat(messages.logs()).isEqualTo(2);
  }

  @Test
  void kubectlLogsFollowShowsTheWorkersLaterLinesAndItsEndCancelsTheRequest(TestCluster cluster)
      throws Exception {
    Pod pod = runOnTheWorkers(cluster, "followed");
    int cancelsBefore = worker.logCancels().size();
    try (KubectlStream follow =
        cluster.kubectlStream("logs", "-f", "-n", cluster.namespace(), "followed")) {
      await().atMost(LOADED_MACHINE).until(() -> follow.lines().equals(List.of("log of app")));
      worker.log(cluster.namespace(), "followed", "app", "written while followed\n");
      await()
          .atMost(LOADED_MACHINE)
          .until(() -> follow.lines().equals(List.of("log of app", "written while followed")));
      assertThat(worker.followedLogs()).isEqualTo(1);
    }

    await().atMost(LOADED_MACHINE).until(() -> worker.logCancels().size() == cancelsBefore + 1);
    assertThat(worker.followedLogs()).isZero();
    assertThatThrownBy(
            () -> cluster.kubectl("exec", "-n", cluster.namespace(), "followed", "--", "true"))
        .hasMessageContaining("messaging");
    cluster.deleteAndAwaitGone(LOADED_MACHINE, pod);
    assertThat(worker.running()).doesNotContain(pod.getMetadata().getUid());
  }

  @Test
  void duplicatedAndReorderedStatusesNeverTurnTheApiServersStatusBack(TestCluster cluster)
      throws Exception {
    Pod pod = runOnTheWorkers(cluster, "ordered");
    JsonNode create = worker.commandFor(pod);
    String uid = pod.getMetadata().getUid();
    String sequence = create.get("sequence").asText();
    String olderCommand = String.format("%020d", Long.parseLong(sequence) - 1);
    KubeletCounters counters = KubeletCounters.from(kubelet);
    List<Integer> restartsSeen = new CopyOnWriteArrayList<>();

    Watch watch = watchRestarts(cluster, "ordered", restartsSeen);
    try {
      worker.sendRaw(uid, restarted(create, sequence, 5, 2));
      worker.sendRaw(uid, restarted(create, sequence, 5, 1));
      worker.sendRaw(uid, restarted(create, sequence, 4, 1));
      worker.sendRaw(uid, restarted(create, olderCommand, 9, 1));
      worker.sendRaw(uid, restarted(create, sequence, 6, 3));

      await().atMost(LOADED_MACHINE).until(() -> restarts(cluster.pod("ordered")) == 3);
    } finally {
      watch.close();
    }
    assertThat(restartsSeen).isSorted().contains(3).doesNotContain(1);
    await().atMost(LOADED_MACHINE).until(() -> counters.dropped("duplicate") == 1);
    await().atMost(LOADED_MACHINE).until(() -> counters.dropped("stale") == 2);
    cluster.deleteAndAwaitGone(LOADED_MACHINE, pod);
  }

  @Test
  void aPoisonReplyIsDeadLetteredOnceWithItsReasonAndTheRepliesAfterItAreRead(TestCluster cluster)
      throws Exception {
    Pod pod = runOnTheWorkers(cluster, "after-poison");
    JsonNode create = worker.commandFor(pod);
    String uid = pod.getMetadata().getUid();
    String marker = UUID.randomUUID().toString();
    KubeletCounters counters = KubeletCounters.from(kubelet);

    worker.sendRaw(uid, "{\"specversion\": \"1.0\", \"id\": \"" + marker + "\"");
    worker.sendRaw(uid, restarted(create, create.get("sequence").asText(), 5, 4));

    await().atMost(LOADED_MACHINE).until(() -> restarts(cluster.pod("after-poison")) == 4);
    assertThat(counters.deadLetters()).isEqualTo(1);
    assertThat(node.transport().deadLetters())
        .filteredOn(dead -> dead.body().contains(marker))
        .singleElement()
        .satisfies(dead -> assertThat(dead.reason()).startsWith("not JSON"));
    cluster.deleteAndAwaitGone(LOADED_MACHINE, pod);
  }

  @Test
  void aPodOfAnotherNamespaceRunsOnTheMock(TestCluster cluster) {
    String other = cluster.namespace() + "-other";
    cluster
        .client()
        .namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName(other).endMetadata().build())
        .create();
    try {
      Pod pod =
          new PodBuilder(TestPods.boundTo(kubelet.nodeName(), "elsewhere").build())
              .editMetadata()
              .withNamespace(other)
              .endMetadata()
              .build();
      cluster.client().pods().inNamespace(other).resource(pod).create();
      var elsewhere = cluster.client().pods().inNamespace(other).withName("elsewhere");
      await().atMost(LOADED_MACHINE).until(() -> TestPods.isRunningAndReady(elsewhere.get()));

      assertThat(kubelet.providerOf(elsewhere.get())).isEqualTo("mock");
      assertThat(worker.commands())
          .noneMatch(c -> c.get("subject").asText().startsWith(other + "/"));
    } finally {
      cluster.client().namespaces().withName(other).delete();
    }
  }

  private Pod runOnTheWorkers(TestCluster cluster, String name) {
    cluster.create(
        TestPods.boundTo(kubelet.nodeName(), name)
            .editSpec()
            .withTolerations(TestPods.anyProviderToleration())
            .endSpec()
            .build());
    await().atMost(LOADED_MACHINE).until(() -> TestPods.isRunningAndReady(cluster.pod(name)));
    Pod pod = cluster.pod(name);
    assertThat(kubelet.providerOf(pod)).isEqualTo("messaging");
    return pod;
  }

  /** A status reply to the create: every container running, restarted this many times. */
  private static String restarted(JsonNode create, String sequence, int order, int restarts) {
    return WorkerStatuses.reply(
        create, sequence, order, WorkerStatuses.running(create.get("data"), restarts));
  }

  private static int restarts(Pod pod) {
    return pod.getStatus().getContainerStatuses().stream()
        .mapToInt(ContainerStatus::getRestartCount)
        .max()
        .orElse(-1);
  }

  private static Watch watchRestarts(TestCluster cluster, String name, List<Integer> seen) {
    return cluster
        .client()
        .pods()
        .inNamespace(cluster.namespace())
        .withName(name)
        .watch(
            new Watcher<>() {
              @Override
              public void eventReceived(Action action, Pod pod) {
                seen.add(restarts(pod));
              }

              @Override
              public void onClose(WatcherException cause) {}
            });
  }

  private static String mapping(String namespace) {
    return """
        - route:
            from:
              uri: direct:vk-provider-mapping
              steps:
                - filter:
                    simple: "${header.VkPodNamespace} == '%s'"
                    steps:
                      - setHeader:
                          name: VkProvider
                          constant: messaging
        """
        .formatted(namespace);
  }
}
