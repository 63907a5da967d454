package io.camelvk.test;

import io.camelvk.controlplane.LoopbackPorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * The virtual kubelet as a separate OS process, started as a user would start it ({@code java -cp
 * target/classes:target/lib/* io.camelvk.Main} with flags), against the test control plane. Its
 * output goes to {@code target/forked-kubelets/<name>.log}. It can be stopped with SIGTERM or
 * SIGKILL; {@link #close} kills it if it still runs.
 */
public final class ForkedKubelet implements AutoCloseable {

  public static final Path LOG_DIR = Path.of("target", "forked-kubelets");
  private static final Duration KILL_WAIT = Duration.ofSeconds(30);

  private final String name;
  private final Process process;
  private final Path log;
  private final int metricsPort;

  private ForkedKubelet(String name, Process process, Path log, int metricsPort) {
    this.name = name;
    this.process = process;
    this.log = log;
    this.metricsPort = metricsPort;
  }

  /**
   * Starts {@code io.camelvk.Main --kubeconfig <test cluster> --metrics-port <free> <flags>}, with
   * a free {@code --kubelet-port} unless the flags name one.
   *
   * @param name names the log file; a second start under one name gets a numbered file
   */
  public static ForkedKubelet start(TestCluster cluster, String name, List<String> flags) {
    return start(cluster, name, flags, List.of(), Map.of());
  }

  /**
   * As {@link #start(TestCluster, String, List)}, with jars or folders added to the class path (a
   * provider of someone else's) and variables added to the environment.
   */
  public static ForkedKubelet start(
      TestCluster cluster,
      String name,
      List<String> flags,
      List<Path> moreClasspath,
      Map<String, String> environment) {
    Path classes = Path.of("target", "classes").toAbsolutePath();
    Path lib = Path.of("target", "lib").toAbsolutePath();
    if (!Files.isDirectory(lib)) {
      throw new IllegalStateException(lib + " is missing: run the ITs through ./mvnw verify");
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    if (Runtime.version().feature() >= 24) {
      command.add("--sun-misc-unsafe-memory-access=allow");
    }
    StringBuilder classpath = new StringBuilder(classes + ":" + lib + "/*");
    moreClasspath.forEach(entry -> classpath.append(':').append(entry.toAbsolutePath()));
    command.addAll(List.of("-cp", classpath.toString(), "io.camelvk.Main"));
    command.addAll(List.of("--kubeconfig", cluster.kubeconfig().toString()));
    int metricsPort = LoopbackPorts.free();
    command.addAll(List.of("--metrics-port", Integer.toString(metricsPort)));
    if (!flags.contains("--kubelet-port")) {
      command.addAll(List.of("--kubelet-port", Integer.toString(LoopbackPorts.free())));
    }
    command.addAll(flags);
    try {
      Files.createDirectories(LOG_DIR);
      Path log = freeLogFile(name);
      if (!flags.contains("--tls-cert-file")) {
        command.addAll(servingCertificate(cluster, flags, log));
      }
      ProcessBuilder builder =
          new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
      builder.environment().putAll(environment);
      Process process = builder.start();
      return new ForkedKubelet(name, process, log, metricsPort);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + command, e);
    }
  }

  /**
   * A serving certificate of the cluster CA beside the log, as a kubelet in a cluster has: the test
   * API server verifies kubelets' certificates.
   */
  private static List<String> servingCertificate(
      TestCluster cluster, List<String> flags, Path log) {
    int at = flags.indexOf("--nodename");
    String node = at >= 0 && at + 1 < flags.size() ? flags.get(at + 1) : "virtual-kubelet";
    var api =
        ClusterCaServingCertificate.settings(
            cluster, node, log.resolveSibling(log.getFileName() + ".tls"));
    return List.of(
        "--tls-cert-file",
        api.certificate().orElseThrow().toString(),
        "--tls-private-key-file",
        api.key().orElseThrow().toString());
  }

  private static Path freeLogFile(String name) {
    Path log = LOG_DIR.resolve(name + ".log");
    for (int i = 2; Files.exists(log); i++) {
      log = LOG_DIR.resolve(name + "-" + i + ".log");
    }
    return log;
  }

  /**
   * What the process counted of its provider calls (it runs with {@code --debug-provider-calls}).
   */
  public ProviderCallCounts providerCalls() {
    return ProviderCallCounts.of(LoopbackHttp.get(metricsPort, "/debug/provider-calls").body());
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** What the process printed so far. */
  public String log() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Path logFile() {
    return log;
  }

  /** SIGTERM: a graceful stop. */
  public void terminate() {
    process.destroy();
  }

  /** SIGKILL: the process ends at once, whatever it was doing. */
  public void kill() {
    process.destroyForcibly();
    waitFor(KILL_WAIT);
  }

  /** The exit code, or empty when the process still runs after the timeout. */
  public OptionalInt waitFor(Duration timeout) {
    try {
      return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)
          ? OptionalInt.of(process.exitValue())
          : OptionalInt.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return OptionalInt.empty();
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      kill();
    }
  }

  @Override
  public String toString() {
    return name + " (pid " + pid() + ", log " + log + ")";
  }
}
