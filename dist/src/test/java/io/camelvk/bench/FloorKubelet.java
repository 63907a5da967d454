package io.camelvk.bench;

import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The floor: a do-nothing stand-in kubelet with no rate limit. It registers a Ready node, patches
 * each bound pod to Running/Ready once, and removes pods marked for deletion. What it reaches is
 * what this machine's control plane can do at all.
 */
final class FloorKubelet implements AutoCloseable {

  private final KubernetesClient client;
  private final String node;
  private final ExecutorService writers = Executors.newFixedThreadPool(32);
  private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor();
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
    String status =
        """
        {"status":{"capacity":{"cpu":"100k","memory":"100Ti","pods":"1M"},
        "allocatable":{"cpu":"100k","memory":"100Ti","pods":"1M"},
        "conditions":[{"type":"Ready","status":"True","reason":"KubeletReady",
        "lastHeartbeatTime":"%1$s","lastTransitionTime":"%1$s"}]}}"""
            .formatted(now);
    // A merge patch without resourceVersion: the node controller may touch the node meanwhile.
    client
        .nodes()
        .withName(node)
        .subresource("status")
        .patch(PatchContext.of(PatchType.JSON_MERGE), status);
    // Without a heartbeat the node lifecycle controller taints the node after 50 s.
    heartbeat.scheduleAtFixedRate(this::renewLease, 0, 10, TimeUnit.SECONDS);
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

  private void renewLease() {
    try {
      client
          .leases()
          .inNamespace("kube-node-lease")
          .resource(
              new LeaseBuilder()
                  .withNewMetadata()
                  .withName(node)
                  .endMetadata()
                  .withNewSpec()
                  .withHolderIdentity(node)
                  .withLeaseDurationSeconds(40)
                  .withRenewTime(ZonedDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS))
                  .endSpec()
                  .build())
          .fieldManager("bench-floor")
          .forceConflicts()
          .serverSideApply();
    } catch (RuntimeException e) {
      // the next beat tries again
    }
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
    heartbeat.shutdownNow();
    client.nodes().withName(node).delete();
  }
}
