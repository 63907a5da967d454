package io.camelvk.bench;

import io.camelvk.controlplane.ControlPlaneBinaries;
import io.camelvk.controlplane.ControlPlaneOptions;
import io.camelvk.controlplane.LocalControlPlane;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code bench/run}: the floor (bench/floor, a kubelet in Go) and the virtual kubelet (mock
 * provider), each a process of its own, through the same scenario on the same control plane,
 * alternating {@code --repeat} times; reported as JSON, CSV and PNG with the medians of the virtual
 * kubelet's figures as ratios to the floor's and issue 13's targets judged from them.
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
      String namespace = createNamespace(client);
      MeasuredRuns measured =
          new MeasuredRuns(
              client, kubeconfig, namespace, options, plane == null ? null : plane.apiServerPid());
      List<RunResult> runs = new ArrayList<>();
      for (int index = 1; index <= options.repeat(); index++) {
        for (String mode : options.modes()) {
          runs.add(measured.run(mode, index));
        }
      }
      BenchReport.write(options, runs, options.out(), System.out);
      client.namespaces().withName(namespace).delete();
    } finally {
      if (plane != null) {
        plane.close();
      }
    }
  }

  private static String createNamespace(KubernetesClient client) {
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
    return namespace;
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
