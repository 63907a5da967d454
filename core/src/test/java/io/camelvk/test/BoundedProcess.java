package io.camelvk.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A subprocess run to its end within a time limit, its output read on threads of their own: a
 * process that hangs (or keeps its pipes open) fails the test instead of holding CI.
 */
public final class BoundedProcess {

  /** What a process printed and how it ended. */
  public record Outcome(int exitCode, String stdout, String stderr) {}

  private BoundedProcess() {}

  public static Outcome run(ProcessBuilder builder, Duration timeout) {
    try {
      return await(builder.start(), timeout);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + builder.command(), e);
    }
  }

  /** Waits for a started process; kills it and fails when it outlasts {@code timeout}. */
  public static Outcome await(Process process, Duration timeout) {
    CompletableFuture<String> out =
        CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
    CompletableFuture<String> err =
        CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(
            process.info().command().orElse("a process") + " did not end within " + timeout);
      }
      return new Outcome(
          process.exitValue(),
          out.get(timeout.toMillis(), TimeUnit.MILLISECONDS),
          err.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new IllegalStateException(e);
    } catch (Exception e) {
      process.destroyForcibly();
      throw new IllegalStateException("cannot read the output of " + process.info().command(), e);
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
