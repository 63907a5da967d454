package io.camelvk.test;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import java.util.Map;

/** Pods for tests: bound to a node directly (no scheduler involved) unless said otherwise. */
public final class TestPods {

  private TestPods() {}

  public static PodBuilder boundTo(String nodeName, String name) {
    return new PodBuilder()
        .withNewMetadata()
        .withName(name)
        .withLabels(Map.of("app", name))
        .endMetadata()
        .withNewSpec()
        .withNodeName(nodeName)
        .withTerminationGracePeriodSeconds(5L)
        .addNewContainer()
        .withName("app")
        .withImage("busybox")
        .endContainer()
        .endSpec();
  }

  /** Pod {@code namespace/name} with this UID and one container, {@code app}, for unit tests. */
  public static PodBuilder named(String namespace, String name, String uid) {
    return new PodBuilder()
        .withNewMetadata()
        .withNamespace(namespace)
        .withName(name)
        .withUid(uid)
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("app")
        .withImage("busybox")
        .endContainer()
        .endSpec();
  }

  /** The toleration of our node's default taint for the mock provider. */
  public static Toleration mockToleration() {
    return new TolerationBuilder()
        .withKey("virtual-kubelet.io/provider")
        .withOperator("Equal")
        .withValue("mock")
        .withEffect("NoSchedule")
        .build();
  }

  /** Tolerates the virtual kubelet's taint whatever the provider. */
  public static Toleration anyProviderToleration() {
    return new TolerationBuilder()
        .withKey("virtual-kubelet.io/provider")
        .withOperator("Exists")
        .withEffect("NoSchedule")
        .build();
  }

  public static boolean isRunningAndReady(Pod pod) {
    return pod != null
        && pod.getStatus() != null
        && "Running".equals(pod.getStatus().getPhase())
        && pod.getStatus().getConditions().stream().anyMatch(TestPods::isReadyTrue);
  }

  private static boolean isReadyTrue(PodCondition c) {
    return "Ready".equals(c.getType()) && "True".equals(c.getStatus());
  }
}
