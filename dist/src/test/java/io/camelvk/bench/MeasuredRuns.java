package io.camelvk.bench;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * One run of one kubelet through the {@link Scenario}: its process started (a fresh node per run),
 * its node schedulable, the cycle measured, its figures taken while it still runs, then the process
 * stopped and its node deleted.
 */
final class MeasuredRuns {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

  private final KubernetesClient client;
  private final Path kubeconfig;
  private final String namespace;
  private final BenchOptions options;
  private final Long apiServerPid;

  /** {@code apiServerPid} is null when the control plane is not the benchmark's own. */
  MeasuredRuns(
      KubernetesClient client,
      Path kubeconfig,
      String namespace,
      BenchOptions options,
      Long apiServerPid) {
    this.client = client;
    this.kubeconfig = kubeconfig;
    this.namespace = namespace;
    this.options = options;
    this.apiServerPid = apiServerPid;
  }

  RunResult run(String mode, int index) throws IOException, InterruptedException {
    String node = "bench-" + mode + "-" + index;
    try {
      return mode.equals("floor") ? floor(node, index) : virtualKubelet(node, index);
    } finally {
      deleteNode(node);
    }
  }

  private RunResult floor(String node, int index) throws IOException, InterruptedException {
    Config config = Config.fromKubeconfig(kubeconfig.toFile());
    Path log = options.out().resolve("floor-" + index + ".log");
    try (FloorUnderTest floor = FloorUnderTest.start(config, node, options.out(), log)) {
      awaitSchedulable(node);
      CycleCpu cpu = new CycleCpu(floor.pid(), apiServerPid);
      ScenarioTimes times = new Scenario(client, namespace, options).run("floor", node, cpu);
      KubeletUsage usage =
          new KubeletUsage(
              cpu.kubeletSeconds(), cpu.apiServerSeconds(), ProcStat.peakRssMiB(floor.pid()));
      return new RunResult("floor", index, options.pods(), times, usage, null);
    }
  }

  private RunResult virtualKubelet(String node, int index)
      throws IOException, InterruptedException {
    Path log = options.out().resolve("virtual-kubelet-" + index + ".log");
    try (VkUnderTest vk = VkUnderTest.start(kubeconfig, node, options, log)) {
      VkUnderTest.StartTimes started = vk.awaitStarted(client, node, START_TIMEOUT);
      awaitSchedulable(node);
      ApiRequests before = vk.apiRequests();
      Map<String, Integer> backendBefore = vk.backendRequests();
      CycleCpu cpu = new CycleCpu(vk.pid(), apiServerPid);
      ScenarioTimes times = new Scenario(client, namespace, options).run("vk", node, cpu);
      ApiRequests used = vk.apiRequests().minus(before);
      Map<String, Integer> backendUsed = new TreeMap<>(vk.backendRequests());
      backendBefore.forEach((path, count) -> backendUsed.merge(path, -count, Integer::sum));
      backendUsed.values().removeIf(count -> count == 0);
      KubeletUsage usage =
          new KubeletUsage(
              cpu.kubeletSeconds(), cpu.apiServerSeconds(), ProcStat.peakRssMiB(vk.pid()));
      VkFigures figures =
          new VkFigures(
              used,
              started.nodeReadySeconds(),
              started.readyzSeconds(),
              ThreadCpu.top(vk.pid()),
              backendUsed);
      return new RunResult("vk", index, options.pods(), times, usage, figures);
    }
  }

  private void awaitSchedulable(String node) {
    client
        .nodes()
        .withName(node)
        .waitUntilCondition(
            NodeReadiness::schedulable, START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
  }

  /** The node goes once its kubelet has stopped; its lease goes with it (the node owns it). */
  private void deleteNode(String node) {
    client.nodes().withName(node).delete();
  }
}
