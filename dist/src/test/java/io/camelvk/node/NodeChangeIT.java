package io.camelvk.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camelvk.provider.NodeChangeNotifier;
import io.camelvk.provider.NodeProfile;
import io.camelvk.provider.Provider;
import io.camelvk.test.DelegatingProvider;
import io.camelvk.test.MetricsText;
import io.camelvk.test.RunningKubelet;
import io.camelvk.test.TestCluster;
import io.camelvk.test.WithControlPlane;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.NodeConditionBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Taint;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

@WithControlPlane
class NodeChangeIT {

  @Test
  void aProviderReportingANodeChangeGetsTheStatusWrittenAtOnceNotAtTheNextPeriod(
      TestCluster cluster) {
    String name = "vk-change-" + cluster.namespace();
    var settings = RunningKubelet.settings(name);
    GrowingProvider provider = new GrowingProvider(RunningKubelet.defaultProvider(settings));
    RunningKubelet kubelet = RunningKubelet.start(cluster, settings, provider);
    try {
      provider.addGpus("2");

      await()
          .atMost(Duration.ofSeconds(15))
          .until(
              () ->
                  new Quantity("2")
                      .equals(
                          cluster
                              .client()
                              .nodes()
                              .withName(name)
                              .get()
                              .getStatus()
                              .getCapacity()
                              .get("nvidia.com/gpu")));
    } finally {
      kubelet.stopAndDeleteNode(cluster);
    }
  }

  @Test
  void aBackendReportedUnhealthyMakesTheNodeNotReadyAndTaintedUntilItRecovers(TestCluster cluster) {
    String name = "vk-health-" + cluster.namespace();
    var settings = RunningKubelet.settings(name);
    GrowingProvider provider = new GrowingProvider(RunningKubelet.defaultProvider(settings));
    RunningKubelet kubelet = RunningKubelet.start(cluster, settings, provider);
    try {
      provider.health("False", "BackendDown", "the backend answers 503");

      await()
          .atMost(Duration.ofSeconds(15))
          .untilAsserted(
              () ->
                  assertThat(ready(cluster, name))
                      .satisfies(
                          c -> {
                            assertThat(c.getStatus()).isEqualTo("False");
                            assertThat(c.getReason()).isEqualTo("BackendDown");
                            assertThat(c.getMessage()).isEqualTo("the backend answers 503");
                          }));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> taintKeys(cluster, name).contains("node.kubernetes.io/not-ready"));

      provider.health("True", "KubeletReady", "");

      await()
          .atMost(Duration.ofSeconds(15))
          .until(() -> "True".equals(ready(cluster, name).getStatus()));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> !taintKeys(cluster, name).contains("node.kubernetes.io/not-ready"));
    } finally {
      kubelet.stopAndDeleteNode(cluster);
    }
  }

  @Test
  void aTaintTheProviderReportsIsOnTheNodeUntilItNoLongerDoesAndOthersTaintsStay(
      TestCluster cluster) {
    String name = "vk-taints-" + cluster.namespace();
    var settings = RunningKubelet.settings(name);
    GrowingProvider provider = new GrowingProvider(RunningKubelet.defaultProvider(settings));
    RunningKubelet kubelet = RunningKubelet.start(cluster, settings, provider);
    try {
      cluster.kubectl("taint", "node", name, "example.com/foreign=yes:NoSchedule");
      provider.taints(new Taint("NoSchedule", "example.com/gpu", null, "a100"));

      await()
          .atMost(Duration.ofSeconds(15))
          .until(() -> taintKeys(cluster, name).contains("example.com/gpu"));
      assertThat(taintKeys(cluster, name))
          .contains("example.com/foreign", NodeSettings.DEFAULT_TAINT_KEY);
      double nodePatches = metric(kubelet, "nodes", "PATCH");
      double statusPatches = metric(kubelet, "nodes/status", "PATCH");
      for (int i = 0; i < 3; i++) {
        provider.changed();
      }
      await()
          .atMost(Duration.ofSeconds(15))
          .until(() -> metric(kubelet, "nodes/status", "PATCH") >= statusPatches + 3);
      assertThat(metric(kubelet, "nodes", "PATCH"))
          .as("status written three times, taints unchanged: no write of the node")
          .isEqualTo(nodePatches);

      provider.taints();

      await()
          .atMost(Duration.ofSeconds(15))
          .until(() -> !taintKeys(cluster, name).contains("example.com/gpu"));
      assertThat(taintKeys(cluster, name))
          .contains("example.com/foreign", NodeSettings.DEFAULT_TAINT_KEY);
      assertThat(cluster.client().nodes().withName(name).get().getMetadata().getAnnotations())
          .doesNotContainKey("virtual-kubelet.io/provider-taints");
    } finally {
      kubelet.stopAndDeleteNode(cluster);
    }
  }

  private static double metric(RunningKubelet kubelet, String resource, String verb) {
    return MetricsText.sum(
        kubelet.httpGet("/metrics").body(),
        "vk_api_requests_total\\{code=\"200\",resource=\""
            + resource
            + "\",verb=\""
            + verb
            + "\"}");
  }

  private static NodeCondition ready(TestCluster cluster, String node) {
    return cluster.client().nodes().withName(node).get().getStatus().getConditions().stream()
        .filter(c -> c.getType().equals("Ready"))
        .findFirst()
        .orElseThrow();
  }

  private static List<String> taintKeys(TestCluster cluster, String node) {
    var taints = cluster.client().nodes().withName(node).get().getSpec().getTaints();
    return taints == null ? List.of() : taints.stream().map(Taint::getKey).toList();
  }

  /** The mock, plus capacity that grows when a test says so. */
  static final class GrowingProvider extends DelegatingProvider implements NodeChangeNotifier {
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile NodeProfile profile = NodeProfile.DEFAULT;

    GrowingProvider(Provider mock) {
      super(mock);
    }

    void health(String status, String reason, String message) {
      profile =
          new NodeProfile(
              profile.capacity(),
              Map.of(),
              List.of(
                  new NodeConditionBuilder()
                      .withType("Ready")
                      .withStatus(status)
                      .withReason(reason)
                      .withMessage(message)
                      .build()),
              profile.operatingSystemImage());
      listeners.forEach(Runnable::run);
    }

    void taints(Taint... taints) {
      profile =
          new NodeProfile(
              profile.capacity(),
              Map.of(),
              profile.conditions(),
              profile.operatingSystemImage(),
              profile.additionalVolumeKinds(),
              profile.addresses(),
              List.of(taints));
      changed();
    }

    void changed() {
      listeners.forEach(Runnable::run);
    }

    void addGpus(String count) {
      Map<String, Quantity> capacity = new HashMap<>(profile.capacity());
      capacity.put("nvidia.com/gpu", new Quantity(count));
      profile = new NodeProfile(capacity, Map.of(), List.of(), profile.operatingSystemImage());
      listeners.forEach(Runnable::run);
    }

    @Override
    public void onNodeChange(Runnable listener) {
      listeners.add(listener);
    }

    @Override
    public NodeProfile nodeProfile(String nodeName) {
      return profile;
    }
  }
}
