package io.camelvk.providers.mock;

import static org.awaitility.Awaitility.await;

import io.camelvk.api.stream.InboundPipe;
import io.camelvk.provider.RemoteStreams;
import io.camelvk.provider.TerminalResizes;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.ToIntFunction;
import org.awaitility.core.ConditionTimeoutException;

/**
 * An exec or attach session on the mock running on a thread of its own, as a transport runs it:
 * stdin is an {@link InboundPipe} the test types into, stdout and stderr are captured, and every
 * wait has a timeout.
 */
public final class RunningSession implements AutoCloseable {

  public static final Duration WAIT = Duration.ofSeconds(10);

  private final InboundPipe stdin = new InboundPipe(() -> {}, () -> {});
  private final Output out = new Output();
  private final Output err = new Output();
  private final TerminalResizes resizes = new TerminalResizes();
  private final CompletableFuture<Integer> exit = new CompletableFuture<>();
  private final Thread thread;

  private RunningSession(boolean tty, boolean withStdin, ToIntFunction<RemoteStreams> call) {
    RemoteStreams streams =
        new RemoteStreams(
            withStdin ? Optional.of(stdin) : Optional.empty(),
            Optional.of(out),
            tty ? Optional.empty() : Optional.of(err),
            tty,
            resizes);
    thread =
        Thread.ofVirtual()
            .name("test-session")
            .start(
                () -> {
                  try {
                    exit.complete(call.applyAsInt(streams));
                  } catch (RuntimeException e) {
                    exit.completeExceptionally(e);
                  }
                });
  }

  public static RunningSession exec(
      MockProvider provider, String pod, boolean tty, String... command) {
    return exec(provider, pod, "app", tty, command);
  }

  /** An exec in another container than {@code app}. */
  public static RunningSession exec(
      MockProvider provider, String pod, String container, boolean tty, String... command) {
    return new RunningSession(
        tty, true, s -> provider.exec("ns", pod, container, List.of(command), s));
  }

  public static RunningSession attach(
      MockProvider provider, String pod, boolean tty, boolean stdin) {
    return new RunningSession(tty, stdin, s -> provider.attach("ns", pod, "app", s));
  }

  public void type(String text) {
    stdin.offer(text.getBytes(StandardCharsets.UTF_8));
  }

  public void send(byte[] bytes) {
    stdin.offer(bytes);
  }

  public void endInput() {
    stdin.end();
  }

  public TerminalResizes resizes() {
    return resizes;
  }

  /** Waits until stdout holds {@code expected} and returns all of stdout. */
  public String awaitOut(String expected) {
    try {
      await().atMost(WAIT).until(() -> out.text().contains(expected));
    } catch (ConditionTimeoutException e) {
      throw new AssertionError(
          "stdout has no " + visible(expected) + " after " + WAIT + ": " + visible(out.text()), e);
    }
    return out.text();
  }

  private static String visible(String text) {
    return "'" + text.replace("\r", "\\r").replace("\n", "\\n") + "'";
  }

  public String out() {
    return out.text();
  }

  public byte[] outBytes() {
    return out.bytes();
  }

  public String err() {
    return err.text();
  }

  public boolean running() {
    return !exit.isDone();
  }

  public int awaitExit() {
    try {
      return exit.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    } catch (ExecutionException e) {
      throw (RuntimeException) e.getCause();
    } catch (TimeoutException e) {
      throw new AssertionError("the session did not end within " + WAIT + "; out: " + out(), e);
    }
  }

  /** The client goes away: the transport interrupts the session's thread. */
  public void disconnect() {
    thread.interrupt();
  }

  @Override
  public void close() {
    stdin.end();
    thread.interrupt();
  }

  /** What the session wrote, readable while it writes. */
  private static final class Output extends ByteArrayOutputStream {
    synchronized String text() {
      return toString(StandardCharsets.UTF_8);
    }

    synchronized byte[] bytes() {
      return toByteArray();
    }
  }
}
