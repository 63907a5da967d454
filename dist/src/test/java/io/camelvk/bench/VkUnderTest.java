package io.camelvk.bench;

import io.camelvk.controlplane.LoopbackPorts;
import io.camelvk.test.LoopbackHttp;
import io.camelvk.test.ProjectRoot;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The virtual kubelet as a separate process (bin/virtual-kubelet, as a user runs it), so that its
 * peak RSS and CPU time are its own; its API request count comes from its /metrics.
 */
final class VkUnderTest implements AutoCloseable {

  /** The label a split benchmark places each pod by (its value a provider's name). */
  static final String PROVIDER_LABEL = "bench.camelvk.io/provider";

  private static final Duration START_POLL = Duration.ofMillis(50);

  private final BenchProcess process;
  private final int metricsPort;
  private final BenchBackends backends;
  private final HttpClient http = LoopbackHttp.client();

  private VkUnderTest(BenchProcess process, int metricsPort, BenchBackends backends) {
    this.process = process;
    this.metricsPort = metricsPort;
    this.backends = backends;
  }

  /** Seconds from starting the process to its node Ready and to its /readyz answering 200. */
  record StartTimes(double nodeReadySeconds, double readyzSeconds) {}

  static VkUnderTest start(Path kubeconfig, String node, BenchOptions options, Path log)
      throws IOException {
    int port = LoopbackPorts.free();
    // Capacity for the whole burst, as a user would give it to the mock.
    Path providerConfig =
        Files.writeString(
            options.out().resolve("mock-provider.json"),
            "{\"default\": {\"pods\": \""
                + Math.max(110, options.pods())
                + "\", \"cpu\": \"1000\", \"memory\": \"4Ti\"}}");
    List<String> command =
        new ArrayList<>(
            List.of(
                ProjectRoot.resolve("bin/virtual-kubelet").toString(),
                "--kubeconfig",
                kubeconfig.toString(),
                "--nodename",
                node,
                "--metrics-port",
                Integer.toString(port),
                "--pod-sync-workers",
                Integer.toString(options.workers()),
                "--kubelet-port",
                Integer.toString(LoopbackPorts.free())));
    // The mock's capacity file is its own: another default provider reads --provider-config too.
    boolean mockIsDefault = options.providers().getFirst().equals("mock");
    if (mockIsDefault) {
      command.addAll(List.of("--provider-config", providerConfig.toString()));
    }
    command.addAll(providerFlags(options));
    ProcessBuilder launcher = new ProcessBuilder(command);
    // The test-only provider "instant", when asked for, is in the test classes (which also turns
    // the launcher's class-data archive off: it cannot hold classes from a folder).
    if (options.providers().contains("instant")) {
      launcher
          .environment()
          .put(
              "VK_CLASSPATH",
              Path.of("dist", "target", "test-classes").toAbsolutePath().toString());
    }
    BenchBackends backends = BenchBackends.start(options);
    launcher.environment().putAll(backends.environment());
    // The launcher's own JVM defaults are measured; BENCH_VK_JAVA_OPTS adds to them.
    launcher.environment().put("VK_SKIP_BUILD", "1");
    List<String> javaOptions = backends.javaOptions();
    if (!mockIsDefault && options.providers().contains("mock")) {
      javaOptions.add("-Dvk.provider.mock.config=" + providerConfig);
    }
    String extra = System.getenv("BENCH_VK_JAVA_OPTS");
    if (extra != null && !extra.isBlank()) {
      javaOptions.add(extra.trim());
    }
    if (!javaOptions.isEmpty()) {
      launcher.environment().put("VK_JAVA_OPTS", String.join(" ", javaOptions));
    }
    return new VkUnderTest(BenchProcess.start(launcher, log), port, backends);
  }

  /**
   * {@code --provider} and {@code --providers} as the options name them, and, for a split, a
   * mapping that places each pod on the provider its label names.
   */
  private static List<String> providerFlags(BenchOptions options) throws IOException {
    List<String> flags = new ArrayList<>(List.of("--provider", options.providers().getFirst()));
    if (options.providers().size() > 1) {
      flags.addAll(
          List.of(
              "--providers",
              String.join(",", options.providers().subList(1, options.providers().size()))));
    }
    if (options.split()) {
      Path mapping =
          Files.writeString(
              options.out().resolve("provider-mapping.yaml"),
              """
              - route:
                  from:
                    uri: direct:vk-provider-mapping
                    steps:
                      - setHeader:
                          name: VkProvider
                          simple: "${header.VkPodLabels[%s]}"
              """
                  .formatted(PROVIDER_LABEL));
      flags.addAll(List.of("--provider-mapping", mapping.toString()));
    }
    return flags;
  }

  /**
   * Waits until the node is Ready and /readyz answers 200, timing both from the process start (to
   * within the 50 ms between polls).
   */
  StartTimes awaitStarted(KubernetesClient client, String node, Duration timeout)
      throws InterruptedException {
    Double nodeReady = null;
    Double readyz = null;
    long deadline = System.nanoTime() + timeout.toNanos();
    while (nodeReady == null || readyz == null) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "the virtual kubelet did not start (node Ready: "
                + (nodeReady != null)
                + ", /readyz: "
                + (readyz != null)
                + "); see its log");
      }
      if (nodeReady == null && NodeReadiness.ready(client.nodes().withName(node).get())) {
        nodeReady = process.secondsSinceStart();
      }
      if (readyz == null && readyz()) {
        readyz = process.secondsSinceStart();
      }
      Thread.sleep(START_POLL.toMillis());
    }
    return new StartTimes(nodeReady, readyz);
  }

  private boolean readyz() throws InterruptedException {
    try {
      return http.send(request("/readyz"), HttpResponse.BodyHandlers.discarding()).statusCode()
          == 200;
    } catch (IOException notListeningYet) {
      return false;
    }
  }

  /** API requests by verb, watches apart, as the process's own metrics count them. */
  ApiRequests apiRequests() throws IOException, InterruptedException {
    return ApiRequests.parse(
        http.send(request("/metrics"), HttpResponse.BodyHandlers.ofString()).body());
  }

  private HttpRequest request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsPort + path))
        .timeout(Duration.ofSeconds(10))
        .build();
  }

  /** What the providers' backends were asked so far ({@link BenchBackends#requests}). */
  Map<String, Integer> backendRequests() {
    return backends.requests(this::metrics);
  }

  private String metrics() {
    try {
      return http.send(request("/metrics"), HttpResponse.BodyHandlers.ofString()).body();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  long pid() {
    return process.pid();
  }

  @Override
  public void close() {
    process.close();
    backends.close();
    http.close();
  }
}
