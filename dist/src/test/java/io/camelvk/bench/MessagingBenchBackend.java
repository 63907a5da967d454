package io.camelvk.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The messaging provider's backend for a run: an embedded broker and test workers with capacity for
 * the whole burst, in a process of their own ({@code BenchBroker} from the messaging module's test
 * classes, on the classpath its build writes to {@code target/bench-classpath.txt}), so their CPU
 * is not the virtual kubelet's. The messages per pod are the provider's own count, {@code
 * vk_messaging_messages_total} on the virtual kubelet's /metrics.
 */
final class MessagingBenchBackend implements AutoCloseable {

  static final String NAME = "messaging";

  private static final Path MODULE = Path.of("providers", "messaging", "target");
  private static final String URL_LINE = "bench-broker url ";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
  private static final Pattern MESSAGES =
      Pattern.compile("^vk_messaging_messages_total\\{([^}]*)} ([0-9.eE+]+)$", Pattern.MULTILINE);
  private static final Pattern LABEL = Pattern.compile("(\\w+)=\"([^\"]*)\"");

  private final BenchProcess process;
  private final String transport;
  private final String url;

  private MessagingBenchBackend(BenchProcess process, String transport, String url) {
    this.process = process;
    this.transport = transport;
    this.url = url;
  }

  static MessagingBenchBackend start(String transport, int pods, Path log) throws IOException {
    String classpath =
        String.join(
            java.io.File.pathSeparator,
            MODULE.resolve("test-classes").toString(),
            MODULE.resolve("classes").toString(),
            Files.readString(MODULE.resolve("bench-classpath.txt")).strip());
    String java = ProcessHandle.current().info().command().orElse("java");
    ProcessBuilder launcher =
        new ProcessBuilder(
            java,
            "-cp",
            classpath,
            "io.camelvk.providers.messaging.BenchBroker",
            "--transport",
            transport,
            "--pods",
            Integer.toString(pods));
    BenchProcess process = BenchProcess.start(launcher, log);
    try {
      return new MessagingBenchBackend(process, transport, awaitUrl(process, log));
    } catch (RuntimeException e) {
      process.close();
      throw e;
    }
  }

  private static String awaitUrl(BenchProcess process, Path log) {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline && process.isAlive()) {
      Optional<String> url = urlIn(log);
      if (url.isPresent()) {
        return url.get();
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    throw new IllegalStateException("the bench broker did not start; see " + log);
  }

  private static Optional<String> urlIn(Path log) {
    try {
      return Files.readAllLines(log).stream()
          .filter(line -> line.startsWith(URL_LINE))
          .map(line -> line.substring(URL_LINE.length()).strip())
          .findFirst();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What the virtual kubelet's JVM is given to reach the broker. */
  List<String> javaOptions() {
    return new ArrayList<>(
        List.of(
            "-Dvk.provider.messaging.url=" + url,
            "-Dvk.provider.messaging.transport=" + transport));
  }

  long pid() {
    return process.pid();
  }

  /** The provider's messages so far, by direction and type, from its /metrics text. */
  static Map<String, Integer> messages(String metrics) {
    Map<String, Integer> counts = new TreeMap<>();
    Matcher line = MESSAGES.matcher(metrics);
    while (line.find()) {
      Map<String, String> labels = new TreeMap<>();
      Matcher label = LABEL.matcher(line.group(1));
      while (label.find()) {
        labels.put(label.group(1), label.group(2));
      }
      counts.merge(
          labels.getOrDefault("direction", "?") + " " + labels.getOrDefault("type", "?"),
          (int) Double.parseDouble(line.group(2)),
          Integer::sum);
    }
    return counts;
  }

  @Override
  public void close() {
    process.close();
  }
}
