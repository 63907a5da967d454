package io.camelvk.bench;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * One measured run: create N pods aimed at a node through the real scheduler (node selector and
 * toleration), wait until every one is Running and Ready, delete them all with their own grace
 * period, and wait until they are gone. Each pod's times are kept: its create sent, and when the
 * bench's informer saw it Ready and deleted.
 */
final class Scenario {

  private final KubernetesClient client;
  private final String namespace;
  private final BenchOptions options;
  private final Map<String, Long> createdAt = new ConcurrentHashMap<>();
  private final Map<String, Long> readyAt = new ConcurrentHashMap<>();
  private final Map<String, Long> goneAt = new ConcurrentHashMap<>();
  private long start;

  Scenario(KubernetesClient client, String namespace, BenchOptions options) {
    this.client = client;
    this.namespace = namespace;
    this.options = options;
  }

  /** Runs the cycle with {@code cpu} measured from just before the first create to all gone. */
  ScenarioTimes run(String mode, String node, CycleCpu cpu) throws InterruptedException {
    SharedIndexInformer<Pod> informer =
        client.pods().inNamespace(namespace).withLabel("bench", mode).inform(events());
    try {
      cpu.start();
      start = System.nanoTime();
      onCreators(
          i -> {
            pace(i);
            // Sent, not answered: a fast kubelet can make the pod Ready before the answer comes.
            createdAt.put(name(mode, i), System.nanoTime());
            client
                .pods()
                .inNamespace(namespace)
                .resource(pod(mode, node, i, options.providerOf(i)))
                .create();
          });
      awaitCount(() -> readyAt.size(), options.pods(), mode + ": pods Running and Ready");
      double allReady =
          seconds(readyAt.values().stream().mapToLong(Long::longValue).max().orElse(start));
      long deleteStart = System.nanoTime();
      onCreators(i -> client.pods().inNamespace(namespace).withName(name(mode, i)).delete());
      awaitCount(
          () -> options.pods() - informer.getStore().list().size(),
          options.pods(),
          mode + ": pods gone");
      cpu.stop();
      return new ScenarioTimes(allReady, (System.nanoTime() - deleteStart) / 1e9, podTimes(mode));
    } finally {
      informer.stop();
    }
  }

  private List<PodTimes> podTimes(String mode) {
    return IntStream.range(0, options.pods())
        .mapToObj(i -> name(mode, i))
        .map(
            pod ->
                new PodTimes(
                    pod, seconds(createdAt, pod), seconds(readyAt, pod), seconds(goneAt, pod)))
        .toList();
  }

  private ResourceEventHandler<Pod> events() {
    return new ResourceEventHandler<>() {
      @Override
      public void onAdd(Pod pod) {
        record(pod);
      }

      @Override
      public void onUpdate(Pod before, Pod pod) {
        record(pod);
      }

      @Override
      public void onDelete(Pod pod, boolean unknown) {
        goneAt.putIfAbsent(pod.getMetadata().getName(), System.nanoTime());
      }
    };
  }

  private void record(Pod pod) {
    boolean ready =
        pod.getStatus() != null
            && "Running".equals(pod.getStatus().getPhase())
            && pod.getStatus().getConditions().stream()
                .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    if (ready) {
      readyAt.putIfAbsent(pod.getMetadata().getName(), System.nanoTime());
    }
  }

  private void pace(int i) {
    if (options.rate() > 0) {
      long due = start + (long) (i * 1e9 / options.rate());
      long wait = due - System.nanoTime();
      if (wait > 0) {
        try {
          TimeUnit.NANOSECONDS.sleep(wait);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }

  private void onCreators(java.util.function.IntConsumer action) throws InterruptedException {
    ExecutorService creators = Executors.newFixedThreadPool(options.creators());
    IntStream.range(0, options.pods()).forEach(i -> creators.execute(() -> action.accept(i)));
    creators.shutdown();
    if (!creators.awaitTermination(1, TimeUnit.HOURS)) {
      throw new IllegalStateException("creators did not finish");
    }
  }

  private void awaitCount(java.util.function.IntSupplier count, int target, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(Math.max(180, target / 10)).toNanos();
    while (count.getAsInt() < target) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            what + ": " + count.getAsInt() + " of " + target + " before the deadline");
      }
      Thread.sleep(20);
    }
  }

  private double seconds(long nanos) {
    return (nanos - start) / 1e9;
  }

  private Double seconds(Map<String, Long> times, String pod) {
    Long nanos = times.get(pod);
    return nanos == null ? null : seconds(nanos);
  }

  static String name(String mode, int i) {
    return mode + "-" + i;
  }

  private static Pod pod(String mode, String node, int i, String provider) {
    return new PodBuilder()
        .withNewMetadata()
        .withName(name(mode, i))
        .withLabels(
            provider == null
                ? Map.of("bench", mode)
                : Map.of("bench", mode, VkUnderTest.PROVIDER_LABEL, provider))
        .endMetadata()
        .withNewSpec()
        .withNodeSelector(Map.of("kubernetes.io/hostname", node))
        .addNewToleration()
        .withKey("virtual-kubelet.io/provider")
        .withOperator("Exists")
        .endToleration()
        .addNewContainer()
        .withName("app")
        .withImage("busybox")
        .endContainer()
        .endSpec()
        .build();
  }
}
