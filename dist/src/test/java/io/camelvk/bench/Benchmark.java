package io.camelvk.bench;

import io.camelvk.controlplane.ControlPlaneBinaries;
import io.camelvk.controlplane.ControlPlaneOptions;
import io.camelvk.controlplane.LocalControlPlane;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code bench/run}: the floor and the virtual kubelet (mock provider) through the same scenario on
 * the same control plane, reported as JSON and PNG with the virtual kubelet's figures as ratios to
 * the floor's.
 */
public final class Benchmark {

  static final int CONTROLLER_QPS = 1000;
  static final int CLIENT_CONCURRENCY = 256;

  private Benchmark() {}

  public static void main(String[] args) throws Exception {
    System.setProperty("java.awt.headless", "true");
    BenchOptions options;
    try {
      options = BenchOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("bench: " + e.getMessage());
      System.exit(2);
      return;
    }
    Files.createDirectories(options.out());
    LocalControlPlane plane =
        options.kubeconfig() == null ? startControlPlane(options.out()) : null;
    Path kubeconfig = plane == null ? options.kubeconfig() : plane.kubeconfig();
    try (KubernetesClient client = client(kubeconfig)) {
      String namespace = "bench-" + System.currentTimeMillis();
      client
          .namespaces()
          .resource(
              new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
          .create();
      client
          .serviceAccounts()
          .inNamespace(namespace)
          .withName("default")
          .waitUntilCondition(sa -> sa != null, 60, TimeUnit.SECONDS);
      List<RunResult> runs = new ArrayList<>();
      for (String mode : options.modes()) {
        runs.add(
            mode.equals("floor")
                ? floor(client, namespace, options)
                : virtualKubelet(client, kubeconfig, namespace, options));
      }
      BenchReport.write(options, runs, options.out(), System.out);
      client.namespaces().withName(namespace).delete();
    } finally {
      if (plane != null) {
        plane.close();
      }
    }
  }

  private static RunResult floor(KubernetesClient client, String namespace, BenchOptions options)
      throws Exception {
    try (FloorKubelet floor = new FloorKubelet(client, "bench-floor")) {
      floor.start();
      Scenario scenario = new Scenario(client, namespace, options);
      double[] times = scenario.run("floor", "bench-floor");
      return new RunResult(
          "floor",
          options.pods(),
          times[0],
          times[1],
          scenario.readyTimes(),
          scenario.latencies(),
          null,
          null,
          null,
          null,
          null);
    }
  }

  private static RunResult virtualKubelet(
      KubernetesClient client, Path kubeconfig, String namespace, BenchOptions options)
      throws Exception {
    String node = "bench-vk";
    try (VkUnderTest vk = VkUnderTest.start(kubeconfig, node, options)) {
      client.nodes().withName(node).waitUntilCondition(Benchmark::ready, 120, TimeUnit.SECONDS);
      vk.awaitReady(java.time.Duration.ofSeconds(120));
      var before = vk.apiRequests();
      Scenario scenario = new Scenario(client, namespace, options);
      double[] times = scenario.run("vk", node);
      var used = vk.apiRequests().minus(before);
      RunResult result =
          new RunResult(
              "vk",
              options.pods(),
              times[0],
              times[1],
              scenario.readyTimes(),
              scenario.latencies(),
              used.total(),
              used.watches(),
              used.byVerb(),
              vk.peakRssMiB(),
              vk.cpuSeconds());
      client.nodes().withName(node).delete();
      return result;
    }
  }

  private static boolean ready(Node node) {
    return node != null
        && node.getStatus() != null
        && node.getStatus().getConditions() != null
        && node.getStatus().getConditions().stream()
            .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  private static LocalControlPlane startControlPlane(Path out) {
    var options =
        ControlPlaneOptions.defaults()
            .withApiServerArgs(
                List.of("--max-requests-inflight=2000", "--max-mutating-requests-inflight=1000"));
    options =
        new ControlPlaneOptions(
            CONTROLLER_QPS,
            2 * CONTROLLER_QPS,
            options.etcdArgs(),
            options.apiServerArgs(),
            options.schedulerArgs(),
            options.controllerManagerArgs());
    return LocalControlPlane.start(
        ControlPlaneBinaries.resolve(), out.resolve("control-plane"), options);
  }

  private static KubernetesClient client(Path kubeconfig) {
    Config config = Config.fromKubeconfig(kubeconfig.toFile());
    config.setMaxConcurrentRequests(CLIENT_CONCURRENCY);
    config.setMaxConcurrentRequestsPerHost(CLIENT_CONCURRENCY);
    return new KubernetesClientBuilder().withConfig(config).build();
  }
}
