package io.camelvk.api.stream.websocket;

import io.camelvk.provider.ContainerExec;
import io.camelvk.provider.RemoteStreams;
import io.camelvk.provider.TerminalSize;
import io.camelvk.test.IdleProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * A provider whose exec reads all of stdin, writes {@code out:<stdin>} to stdout and {@code err} to
 * stderr, records the terminal sizes it is sent, and exits with the code it was given.
 */
final class ScriptedExec extends IdleProvider implements ContainerExec {

  final List<TerminalSize> sizes = new CopyOnWriteArrayList<>();
  final CountDownLatch started = new CountDownLatch(1);
  volatile boolean interrupted;
  private final int exitCode;
  private final boolean sleeps;

  ScriptedExec(int exitCode) {
    this(exitCode, false);
  }

  /** With {@code sleeps}, the exec first sleeps until its thread is interrupted. */
  ScriptedExec(int exitCode, boolean sleeps) {
    this.exitCode = exitCode;
    this.sleeps = sleeps;
  }

  @Override
  public int exec(
      String namespace, String pod, String container, List<String> command, RemoteStreams streams) {
    streams.resizes().subscribe(sizes::add);
    started.countDown();
    if (sleeps) {
      try {
        Thread.sleep(Long.MAX_VALUE);
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    try {
      byte[] input =
          streams.stdin().isPresent() ? streams.stdin().get().readAllBytes() : new byte[0];
      if (streams.stdout().isPresent()) {
        streams
            .stdout()
            .get()
            .write(
                ("out:" + new String(input, StandardCharsets.UTF_8))
                    .getBytes(StandardCharsets.UTF_8));
      }
      if (streams.stderr().isPresent()) {
        streams.stderr().get().write("err".getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return exitCode;
  }
}
