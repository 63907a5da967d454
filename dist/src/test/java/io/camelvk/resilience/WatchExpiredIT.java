package io.camelvk.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camelvk.config.VkSettings;
import io.camelvk.test.CapturedLog;
import io.camelvk.test.LoopbackTcpProxy;
import io.camelvk.test.ProviderCallCounts;
import io.camelvk.test.RunningKubelet;
import io.camelvk.test.TestCluster;
import io.camelvk.test.TestPods;
import io.camelvk.test.WithControlPlane;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.informers.impl.cache.Reflector;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 5: "The watch gets 410 Gone (compaction): the informer relists and nothing is missed."
 *
 * <p>The kubelet talks to the API server through a {@link LoopbackTcpProxy}. With its connections
 * cut, kube-apiserver is restarted and, while it is down, etcd's revision is moved on and its
 * history compacted. Then, still unseen by the kubelet, pods are created, one is force-deleted and
 * one is deleted gracefully. When the connections come back, the pod watch resumes from the
 * resourceVersion it last saw; that version is older than both the new watch cache's start and
 * etcd's compacted revision, so the API server ends the watch with a 410 "too old resource
 * version".
 *
 * <p>The path in fabric8 7.5: {@code AbstractWatchManager} reconnects the broken watch by itself
 * (exponential backoff) from its last resourceVersion; the 410 status it then receives goes to
 * {@code onStatus}, which closes the watch with a {@code WatcherException} whose {@code
 * isHttpGone()} is true; {@code Reflector.ReflectorWatcher.onClose} logs "Watch restarting due to
 * http gone" and calls {@code reconnect()}, which schedules {@code listSyncAndWatch()}: a fresh
 * LIST, {@code store.update} (adds and updates) and {@code retainAll} (a delete, with the final
 * state unknown, for every key the list no longer has), then a new watch from the list's version.
 * The changes made in the gap reach the kubelet only through that relist, which the test checks:
 * the new pods run, the force-deleted pod is stopped in the provider, the gracefully deleted one is
 * stopped and removed, the others keep running untouched, and every pod was created only once.
 */
@WithControlPlane
class WatchExpiredIT {

  private static final Duration SETTLE = Duration.ofMinutes(3);
  private static final List<String> KEPT = List.of("kept-0", "kept-1", "kept-2");
  private static final List<String> ADDED = List.of("added-0", "added-1", "added-2");
  private static final String FORCE_DELETED = "force-deleted";
  private static final String GRACEFULLY_DELETED = "gracefully-deleted";

  @Test
  void aPodWatchExpiredWhileDisconnectedRelistsAndMissesNoChange(TestCluster cluster) {
    VkSettings settings = RunningKubelet.settings("vk-" + cluster.namespace());
    try (var proxy = LoopbackTcpProxy.to(cluster.plane().apiServer());
        var reflectorLog = CapturedLog.debugOf(Reflector.class)) {
      Config config = Config.fromKubeconfig(cluster.kubeconfig().toFile());
      config.setMasterUrl(proxy.url());
      RunningKubelet kubelet =
          RunningKubelet.start(config, settings, RunningKubelet.defaultProvider(settings));
      try {
        runScenario(cluster, kubelet, proxy, reflectorLog);
      } finally {
        proxy.restore();
        cluster.plane().startApiServer();
        kubelet.stopAndDeleteNode(cluster);
        cluster.plane().restartControllers();
      }
    }
  }

  private void runScenario(
      TestCluster cluster, RunningKubelet kubelet, LoopbackTcpProxy proxy, CapturedLog log) {
    var pods = cluster.client().pods().inNamespace(cluster.namespace());
    Stream.concat(KEPT.stream(), Stream.of(FORCE_DELETED, GRACEFULLY_DELETED))
        .forEach(
            name -> pods.resource(TestPods.boundTo(kubelet.nodeName(), name).build()).create());
    await().atMost(SETTLE).until(() -> runningCount(cluster) == KEPT.size() + 2);
    Map<String, String> keptUids = uids(pods.list().getItems(), KEPT);
    Map<String, String> deletedUids =
        uids(pods.list().getItems(), List.of(FORCE_DELETED, GRACEFULLY_DELETED));

    proxy.cut();
    await().atMost(SETTLE).until(() -> kubelet.httpGet("/readyz").statusCode() == 503);
    cluster.plane().stopApiServer();
    var etcd = cluster.plane().etcd();
    etcd.compact(etcd.putTestKey("watch-expired", cluster.namespace()));
    cluster.plane().startApiServer();
    ADDED.forEach(
        name -> pods.resource(TestPods.boundTo(kubelet.nodeName(), name).build()).create());
    pods.withName(FORCE_DELETED).withGracePeriod(0).delete();
    pods.withName(GRACEFULLY_DELETED).delete();
    await().atMost(SETTLE).until(() -> cluster.pod(FORCE_DELETED) == null);
    assertThat(providerNames(kubelet))
        .as("the kubelet cannot have seen the changes yet")
        .containsExactlyInAnyOrder("kept-0", "kept-1", "kept-2", FORCE_DELETED, GRACEFULLY_DELETED);
    int logged = log.messages().size();
    proxy.restore();

    await()
        .atMost(SETTLE)
        .untilAsserted(
            () ->
                assertThat(relistedPodsAfter410(log.messages(), logged))
                    .as(() -> "reflector log: " + watchLines(log.messages()))
                    .isTrue());
    await()
        .atMost(SETTLE)
        .untilAsserted(
            () -> {
              assertThat(providerNames(kubelet))
                  .containsExactlyInAnyOrderElementsOf(
                      Stream.concat(KEPT.stream(), ADDED.stream()).toList());
              assertThat(cluster.pod(GRACEFULLY_DELETED)).isNull();
              assertThat(runningCount(cluster)).isEqualTo(KEPT.size() + ADDED.size());
            });
    assertThat(uids(pods.list().getItems(), KEPT)).isEqualTo(keptUids);
    ProviderCallCounts calls = kubelet.providerCalls();
    Stream.of(keptUids, deletedUids, uids(pods.list().getItems(), ADDED))
        .flatMap(m -> m.values().stream())
        .forEach(
            uid -> assertThat(calls.count("create", uid, null)).as("creates of %s", uid).isOne());
    deletedUids
        .values()
        .forEach(
            uid -> assertThat(calls.count("delete", uid, null)).as("deletes of %s", uid).isOne());
    await().atMost(SETTLE).until(() -> kubelet.httpGet("/readyz").statusCode() == 200);
    System.out.println(
        "WatchExpiredIT: after reconnecting, "
            + watchLines(log.messages().subList(logged, log.messages().size())));
  }

  /** fabric8's reflector said the pod watch was gone (410), then listed pods again. */
  static boolean relistedPodsAfter410(List<String> messages, int from) {
    List<String> since = messages.subList(from, messages.size());
    for (int i = 0; i < since.size(); i++) {
      if (since.get(i).startsWith("Watch restarting due to http gone for")
          && since.get(i).endsWith("/pods")) {
        return since.subList(i, since.size()).stream()
            .anyMatch(m -> m.startsWith("Listing items") && m.contains("/pods at v"));
      }
    }
    return false;
  }

  private static List<String> watchLines(List<String> messages) {
    return messages.stream()
        .filter(m -> m.contains("http gone") || m.startsWith("Listing items"))
        .toList();
  }

  private static long runningCount(TestCluster cluster) {
    return cluster.client().pods().inNamespace(cluster.namespace()).list().getItems().stream()
        .filter(TestPods::isRunningAndReady)
        .count();
  }

  private static List<String> providerNames(RunningKubelet kubelet) {
    return kubelet.provider().pods().stream().map(p -> p.getMetadata().getName()).toList();
  }

  private static Map<String, String> uids(List<Pod> pods, List<String> names) {
    return pods.stream()
        .filter(p -> names.contains(p.getMetadata().getName()))
        .collect(Collectors.toMap(p -> p.getMetadata().getName(), p -> p.getMetadata().getUid()));
  }
}
