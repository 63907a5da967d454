package io.camelvk.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camelvk.BuildInfo;
import io.camelvk.test.RunningKubelet;
import io.camelvk.test.TestCluster;
import io.camelvk.test.WithControlPlane;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.TaintBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

@WithControlPlane
class NodeIT {

  @Test
  void registrationCreatesTheNodeWithLabelsTaintStatusAndLease(TestCluster cluster) {
    String name = "vk-reg-" + cluster.namespace();
    try (RunningKubelet kubelet = RunningKubelet.start(cluster, name)) {
      assertThat(kubelet.nodeName()).isEqualTo(name);
      Node node = cluster.client().nodes().withName(name).get();

      assertThat(node.getMetadata().getLabels())
          .contains(
              Map.entry("type", "virtual-kubelet"),
              Map.entry("kubernetes.io/role", "agent"),
              Map.entry("kubernetes.io/os", "linux"),
              Map.entry("beta.kubernetes.io/os", "linux"),
              Map.entry("kubernetes.io/arch", "amd64"),
              Map.entry("kubernetes.io/hostname", name),
              Map.entry("node.kubernetes.io/exclude-from-external-load-balancers", "true"),
              Map.entry("alpha.service-controller.kubernetes.io/exclude-balancer", "true"));
      assertThat(node.getSpec().getTaints())
          .extracting(t -> t.getKey() + "=" + t.getValue() + ":" + t.getEffect())
          .contains("virtual-kubelet.io/provider=mock:NoSchedule");
      var status = node.getStatus();
      assertThat(status.getCapacity()).containsKeys("cpu", "memory", "pods", "ephemeral-storage");
      assertThat(status.getAllocatable()).containsKeys("cpu", "memory", "pods");
      Map<String, String> conditions =
          status.getConditions().stream()
              .collect(Collectors.toMap(NodeCondition::getType, NodeCondition::getStatus));
      assertThat(conditions)
          .containsExactlyInAnyOrderEntriesOf(
              Map.of(
                  "Ready",
                  "True",
                  "MemoryPressure",
                  "False",
                  "DiskPressure",
                  "False",
                  "PIDPressure",
                  "False",
                  "NetworkUnavailable",
                  "False"));
      assertThat(status.getConditions())
          .allSatisfy(
              c -> {
                assertThat(c.getReason()).isNotBlank();
                assertThat(c.getLastHeartbeatTime()).isNotBlank();
                assertThat(c.getLastTransitionTime()).isNotBlank();
              });
      assertThat(status.getAddresses())
          .extracting(a -> a.getType() + "=" + a.getAddress())
          .containsExactly("InternalIP=127.0.0.1");
      assertThat(status.getAdditionalProperties())
          .containsEntry("declaredFeatures", List.of("ExtendWebSocketsToKubelet"));
      assertThat(status.getDaemonEndpoints().getKubeletEndpoint().getPort())
          .isEqualTo(kubelet.settings().node().kubeletPort());
      assertThat(status.getNodeInfo().getKubeletVersion())
          .isEqualTo("v1.37.2-vk-" + BuildInfo.version());
      assertThat(status.getNodeInfo().getOperatingSystem()).isEqualTo("linux");
      assertThat(status.getNodeInfo().getArchitecture()).isEqualTo("amd64");
      assertThat(status.getNodeInfo().getOsImage()).isNotBlank();

      Lease lease = cluster.client().leases().inNamespace("kube-node-lease").withName(name).get();
      assertThat(lease.getSpec().getHolderIdentity()).isEqualTo(name);
      assertThat(lease.getSpec().getLeaseDurationSeconds()).isEqualTo(40);
      assertThat(lease.getMetadata().getOwnerReferences())
          .singleElement()
          .satisfies(
              o -> {
                assertThat(o.getKind()).isEqualTo("Node");
                assertThat(o.getUid()).isEqualTo(node.getMetadata().getUid());
              });
    } finally {
      cluster.client().nodes().withName(name).delete();
    }
  }

  @Test
  void anExistingNodeIsAdoptedOurTaintCorrectedForeignLabelsAndTaintsKept(TestCluster cluster) {
    String name = "vk-adopt-" + cluster.namespace();
    cluster
        .client()
        .nodes()
        .resource(
            new NodeBuilder()
                .withNewMetadata()
                .withName(name)
                .withLabels(Map.of("team", "burst", "type", "wrong"))
                .endMetadata()
                .withNewSpec()
                .addToTaints(
                    new TaintBuilder()
                        .withKey("virtual-kubelet.io/provider")
                        .withValue("old")
                        .withEffect("NoExecute")
                        .build())
                .addToTaints(
                    new TaintBuilder()
                        .withKey("example.com/dedicated")
                        .withValue("gpu")
                        .withEffect("NoSchedule")
                        .build())
                .endSpec()
                .build())
        .create();
    try (RunningKubelet kubelet = RunningKubelet.start(cluster, name)) {
      assertThat(kubelet.nodeName()).isEqualTo(name);
      Node node = cluster.client().nodes().withName(name).get();

      assertThat(node.getMetadata().getLabels())
          .contains(Map.entry("team", "burst"), Map.entry("type", "virtual-kubelet"));
      assertThat(node.getSpec().getTaints())
          .extracting(t -> t.getKey() + "=" + t.getValue() + ":" + t.getEffect())
          // The lifecycle controller may have tainted the bare node not-ready: foreign, so kept.
          .contains(
              "virtual-kubelet.io/provider=mock:NoSchedule", "example.com/dedicated=gpu:NoSchedule")
          .doesNotContain("virtual-kubelet.io/provider=old:NoExecute");
    } finally {
      cluster.client().nodes().withName(name).delete();
    }
  }

  @Test
  void theLeaseIsRenewedAndANodeDeletedWhileWeRunIsCreatedAgain(TestCluster cluster) {
    String name = "vk-lease-" + cluster.namespace();
    try (RunningKubelet kubelet = RunningKubelet.start(cluster, name)) {
      assertThat(kubelet.nodeName()).isEqualTo(name);
      ZonedDateTime first = renewTime(cluster, name);
      await().atMost(Duration.ofSeconds(30)).until(() -> renewTime(cluster, name).isAfter(first));

      String uid = cluster.client().nodes().withName(name).get().getMetadata().getUid();
      cluster.client().nodes().withName(name).delete();

      await()
          .atMost(Duration.ofSeconds(90))
          .until(
              () -> {
                Node again = cluster.client().nodes().withName(name).get();
                return again != null && !again.getMetadata().getUid().equals(uid) && isReady(again);
              });
      String newUid = cluster.client().nodes().withName(name).get().getMetadata().getUid();
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  assertThat(
                          cluster
                              .client()
                              .leases()
                              .inNamespace("kube-node-lease")
                              .withName(name)
                              .get()
                              .getMetadata()
                              .getOwnerReferences())
                      .singleElement()
                      .satisfies(o -> assertThat(o.getUid()).isEqualTo(newUid)));
    } finally {
      cluster.client().nodes().withName(name).delete();
    }
  }

  @Test
  void stoppedTheNodeGoesNotReadyAndTaintedStartedAgainItIsReadyWithNoManualStep(
      TestCluster cluster) {
    String name = "vk-life-" + cluster.namespace();
    RunningKubelet kubelet = RunningKubelet.start(cluster, name);
    try {
      kubelet.close();

      await()
          .atMost(Duration.ofSeconds(150))
          .pollInterval(Duration.ofSeconds(2))
          .until(
              () -> {
                Node node = cluster.client().nodes().withName(name).get();
                return readyStatus(node).equals("Unknown")
                    && hasTaint(node, "node.kubernetes.io/unreachable");
              });

      kubelet = RunningKubelet.start(cluster, kubelet.settings(), kubelet.provider());

      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofSeconds(1))
          .until(
              () -> {
                Node node = cluster.client().nodes().withName(name).get();
                return isReady(node)
                    && !hasTaint(node, "node.kubernetes.io/unreachable")
                    && !hasTaint(node, "node.kubernetes.io/not-ready");
              });
    } finally {
      kubelet.close();
      cluster.client().nodes().withName(name).delete();
    }
  }

  private static ZonedDateTime renewTime(TestCluster cluster, String name) {
    return cluster
        .client()
        .leases()
        .inNamespace("kube-node-lease")
        .withName(name)
        .get()
        .getSpec()
        .getRenewTime();
  }

  private static boolean isReady(Node node) {
    return "True".equals(readyStatus(node));
  }

  private static String readyStatus(Node node) {
    return node.getStatus().getConditions().stream()
        .filter(c -> "Ready".equals(c.getType()))
        .map(NodeCondition::getStatus)
        .findFirst()
        .orElse("");
  }

  private static boolean hasTaint(Node node, String key) {
    return node.getSpec().getTaints() != null
        && node.getSpec().getTaints().stream().anyMatch(t -> key.equals(t.getKey()));
  }
}
