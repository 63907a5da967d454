package io.camelvk.test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A kubectl that keeps running ({@code logs -f}), its output and errors collected line by line as
 * they come; closing it stops it, as a user's Ctrl-C would.
 */
public final class KubectlStream implements AutoCloseable {

  private final Process process;
  private final List<String> lines = new CopyOnWriteArrayList<>();

  private KubectlStream(Process process) {
    this.process = process;
    Thread.ofVirtual().start(this::collect);
  }

  static KubectlStream start(List<String> command) {
    try {
      return new KubectlStream(new ProcessBuilder(command).redirectErrorStream(true).start());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The lines it printed so far. */
  public List<String> lines() {
    return List.copyOf(lines);
  }

  public boolean running() {
    return process.isAlive();
  }

  /** Whether it ended by itself within the timeout. */
  public boolean endsWithin(Duration timeout) throws InterruptedException {
    return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    process.destroy();
  }

  private void collect() {
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      reader.lines().forEach(lines::add);
    } catch (IOException e) {
      // it was stopped
    }
  }
}
