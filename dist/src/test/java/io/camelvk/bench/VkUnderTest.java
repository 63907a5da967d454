package io.camelvk.bench;

import io.camelvk.controlplane.LoopbackPorts;
import io.camelvk.test.ProjectRoot;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The virtual kubelet as a separate process (bin/virtual-kubelet, as a user runs it), so that its
 * peak RSS and CPU time are its own; its API request count comes from its /metrics.
 */
final class VkUnderTest implements AutoCloseable {

  private static final Pattern API_REQUESTS =
      Pattern.compile(
          "^vk_api_requests_total\\{code=\"[^\"]*\",verb=\"([A-Z]+)\"} ([0-9.E]+)",
          Pattern.MULTILINE);
  private static final long CLOCK_TICKS_PER_SECOND = 100;

  private final Process process;
  private final int metricsPort;

  private VkUnderTest(Process process, int metricsPort) {
    this.process = process;
    this.metricsPort = metricsPort;
  }

  /** The label a split benchmark places each pod by (its value a provider's name). */
  static final String PROVIDER_LABEL = "bench.camelvk.io/provider";

  static VkUnderTest start(Path kubeconfig, String node, BenchOptions options) throws IOException {
    int pods = options.pods();
    Path out = options.out();
    int port = LoopbackPorts.free();
    // Capacity for the whole burst, as a user would give it to the mock.
    Path providerConfig =
        Files.writeString(
            out.resolve("mock-provider.json"),
            "{\"default\": {\"pods\": \""
                + Math.max(110, pods)
                + "\", \"cpu\": \"1000\", \"memory\": \"4Ti\"}}");
    Path log = out.resolve("virtual-kubelet.log");
    List<String> command =
        new java.util.ArrayList<>(
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
                Integer.toString(LoopbackPorts.free()),
                "--provider-config",
                providerConfig.toString()));
    command.addAll(providerFlags(options));
    ProcessBuilder launcher = new ProcessBuilder(command);
    // The test-only provider "instant", when asked for, is in the test classes.
    launcher
        .environment()
        .put("VK_CLASSPATH", Path.of("dist", "target", "test-classes").toAbsolutePath().toString());
    // The launcher's own JVM defaults are measured; BENCH_VK_JAVA_OPTS adds to them.
    launcher.environment().put("VK_SKIP_BUILD", "1");
    String extra = System.getenv("BENCH_VK_JAVA_OPTS");
    if (extra != null && !extra.isBlank()) {
      launcher.environment().put("VK_JAVA_OPTS", extra.trim());
    }
    Process process = launcher.redirectErrorStream(true).redirectOutput(log.toFile()).start();
    // A bench killed before close() must not leave the virtual kubelet running.
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, "bench-vk-stop"));
    return new VkUnderTest(process, port);
  }

  /**
   * {@code --provider} and {@code --providers} as the options name them, and, for a split, a
   * mapping that places each pod on the provider its label names.
   */
  private static List<String> providerFlags(BenchOptions options) throws IOException {
    List<String> flags =
        new java.util.ArrayList<>(List.of("--provider", options.providers().getFirst()));
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

  /** Waits until the process answers 200 on /readyz. */
  void awaitReady(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline && process.isAlive()) {
      try {
        var response =
            HttpClient.newHttpClient()
                .send(
                    HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + metricsPort + "/readyz"))
                        .timeout(Duration.ofSeconds(5))
                        .build(),
                    HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("the virtual kubelet did not become ready (see its log)");
  }

  /** API requests by verb, watches apart, as the process's own metrics count them. */
  ApiRequests apiRequests() throws IOException, InterruptedException {
    String metrics =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsPort + "/metrics"))
                    .timeout(Duration.ofSeconds(10))
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    double total = 0;
    double watches = 0;
    java.util.Map<String, Long> byVerb = new java.util.TreeMap<>();
    Matcher m = API_REQUESTS.matcher(metrics);
    while (m.find()) {
      double count = Double.parseDouble(m.group(2));
      total += count;
      byVerb.merge(m.group(1), (long) count, Long::sum);
      watches += m.group(1).equals("WATCH") ? count : 0;
    }
    return new ApiRequests((long) total, (long) watches, byVerb);
  }

  record ApiRequests(long total, long watches, java.util.Map<String, Long> byVerb) {
    ApiRequests minus(ApiRequests before) {
      java.util.Map<String, Long> verbs = new java.util.TreeMap<>(byVerb);
      before.byVerb.forEach((verb, count) -> verbs.merge(verb, -count, Long::sum));
      return new ApiRequests(total - before.total, watches - before.watches, verbs);
    }
  }

  /** Peak resident set (VmHWM) in MiB. */
  long peakRssMiB() throws IOException {
    for (String line :
        Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
      }
    }
    return -1;
  }

  /** User plus system CPU seconds so far. */
  double cpuSeconds() throws IOException {
    String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(fields[11]) + Long.parseLong(fields[12]))
        / (double) CLOCK_TICKS_PER_SECOND;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
