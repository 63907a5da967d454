package io.camelvk.node;

import static org.awaitility.Awaitility.await;

import io.camelvk.provider.NodeChangeNotifier;
import io.camelvk.provider.NodeProfile;
import io.camelvk.provider.Provider;
import io.camelvk.test.RunningKubelet;
import io.camelvk.test.TestCluster;
import io.camelvk.test.WithControlPlane;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.Quantity;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

  /** The mock, plus capacity that grows when a test says so. */
  static final class GrowingProvider implements Provider, NodeChangeNotifier {
    private final Provider mock;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile NodeProfile profile = NodeProfile.DEFAULT;

    GrowingProvider(Provider mock) {
      this.mock = mock;
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

    @Override
    public void createPod(Pod pod) {
      mock.createPod(pod);
    }

    @Override
    public void updatePod(Pod pod) {
      mock.updatePod(pod);
    }

    @Override
    public void deletePod(Pod pod) {
      mock.deletePod(pod);
    }

    @Override
    public Optional<PodStatus> podStatus(String namespace, String name) {
      return mock.podStatus(namespace, name);
    }

    @Override
    public List<Pod> pods() {
      return mock.pods();
    }
  }
}
