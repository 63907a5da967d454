package io.camelvk.bench;

import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The floor: a do-nothing stand-in kubelet with no rate limit. It registers a Ready node, patches
 * each bound pod to Running/Ready once, and removes pods marked for deletion. What it reaches is
 * what this machine's control plane can do at all.
 */
final class FloorKubelet implements AutoCloseable {

  private final KubernetesClient client;
  private final String node;
  private final ExecutorService writers = Executors.newFixedThreadPool(32);
  private SharedIndexInformer<Pod> informer;

  FloorKubelet(KubernetesClient client, String node) {
    this.client = client;
    this.node = node;
  }

  void start() {
    String now = Instant.now().toString();
    client
        .nodes()
        .resource(
            new NodeBuilder()
                .withNewMetadata()
                .withName(node)
                .withLabels(Map.of("kubernetes.io/hostname", node, "type", "virtual-kubelet"))
                .endMetadata()
                .build())
        .create();
    client
        .nodes()
        .withName(node)
        .editStatus(
            n -> {
              n.getStatus()
                  .setCapacity(
                      Map.of(
                          "cpu",
                          new Quantity("100k"),
                          "memory",
                          new Quantity("100Ti"),
                          "pods",
                          new Quantity("1M")));
              n.getStatus().setAllocatable(n.getStatus().getCapacity());
              n.getStatus()
                  .setConditions(
                      java.util.List.of(
                          new io.fabric8.kubernetes.api.model.NodeConditionBuilder()
                              .withType("Ready")
                              .withStatus("True")
                              .withReason("KubeletReady")
                              .withLastHeartbeatTime(now)
                              .withLastTransitionTime(now)
                              .build()));
              return n;
            });
    informer =
        client
            .pods()
            .inAnyNamespace()
            .withField("spec.nodeName", node)
            .inform(
                new ResourceEventHandler<>() {
                  @Override
                  public void onAdd(Pod pod) {
                    writers.execute(() -> handle(pod));
                  }

                  @Override
                  public void onUpdate(Pod before, Pod pod) {
                    if (pod.getMetadata().getDeletionTimestamp() != null
                        && before.getMetadata().getDeletionTimestamp() == null) {
                      writers.execute(() -> handle(pod));
                    }
                  }

                  @Override
                  public void onDelete(Pod pod, boolean unknown) {}
                });
  }

  private void handle(Pod pod) {
    var pods =
        client
            .pods()
            .inNamespace(pod.getMetadata().getNamespace())
            .withName(pod.getMetadata().getName());
    try {
      if (pod.getMetadata().getDeletionTimestamp() != null) {
        pods.withGracePeriod(0).delete();
        return;
      }
      String now = Instant.now().toString();
      String status =
          """
          {"status":{"phase":"Running","podIP":"127.0.0.1","startTime":"%1$s","conditions":[
          {"type":"Ready","status":"True","lastTransitionTime":"%1$s"},
          {"type":"ContainersReady","status":"True","lastTransitionTime":"%1$s"}]}}"""
              .formatted(now);
      pods.subresource("status").patch(PatchContext.of(PatchType.JSON_MERGE), status);
    } catch (RuntimeException e) {
      // the floor ignores a lost race (pod already gone)
    }
  }

  @Override
  public void close() {
    if (informer != null) {
      informer.stop();
    }
    writers.shutdownNow();
    client.nodes().withName(node).delete();
  }
}
