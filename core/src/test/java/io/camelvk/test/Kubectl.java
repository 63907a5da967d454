package io.camelvk.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The real kubectl against the test cluster, with extra environment, piped stdin and a timeout;
 * unlike {@link TestCluster#kubectl} it reports the exit code instead of failing on it.
 */
public final class Kubectl {

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

  private final TestCluster cluster;
  private final Map<String, String> environment;

  private Kubectl(TestCluster cluster, Map<String, String> environment) {
    this.cluster = cluster;
    this.environment = Map.copyOf(environment);
  }

  /** What kubectl printed and how it exited. */
  public record Result(int exitCode, String stdout, String stderr) {}

  public static Kubectl of(TestCluster cluster) {
    return new Kubectl(cluster, Map.of());
  }

  public Kubectl withEnv(Map<String, String> extra) {
    Map<String, String> merged = new LinkedHashMap<>(environment);
    merged.putAll(extra);
    return new Kubectl(cluster, merged);
  }

  /** The full command line: kubectl, the cluster's kubeconfig, then {@code args}. */
  public List<String> command(String... args) {
    List<String> command =
        new ArrayList<>(
            List.of(
                cluster.kubectlPath().toString(), "--kubeconfig", cluster.kubeconfig().toString()));
    command.addAll(List.of(args));
    return command;
  }

  /** Starts a process (kubectl, or a wrapper around {@link #command}) with our environment. */
  public Process start(List<String> command) {
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(environment);
    try {
      return builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs kubectl with {@code stdin} (null: none, closed at once) and waits up to the default. */
  public Result run(String stdin, String... args) {
    return run(command(args), stdin, DEFAULT_TIMEOUT);
  }

  /** Runs a command line to its end; fails when it outlasts {@code timeout}. */
  public Result run(List<String> command, String stdin, Duration timeout) {
    Process process = start(command);
    CompletableFuture<String> out =
        CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
    CompletableFuture<String> err =
        CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
    try (OutputStream in = process.getOutputStream()) {
      if (stdin != null) {
        in.write(stdin.getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      // kubectl exited before reading its input; its exit code and stderr say why
    }
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(
            "timed out after " + timeout + ": " + command + "\nstderr: " + err.getNow(""));
      }
      return new Result(process.exitValue(), out.join(), err.join());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new IllegalStateException(e);
    }
  }

  private static String read(InputStream in) {
    try {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
