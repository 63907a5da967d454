package io.camelvk.providers.mock.process;

import io.camelvk.provider.ProviderException;
import io.camelvk.provider.RemoteStreams;
import io.camelvk.providers.mock.logs.LogFollower;
import io.camelvk.providers.mock.pod.ContainerTimeline;
import io.camelvk.providers.mock.pod.InstanceInput;
import io.camelvk.providers.mock.pod.InstanceRun;
import io.camelvk.providers.mock.pod.LogLine;
import io.camelvk.providers.mock.pod.SimulatedPod;
import io.camelvk.providers.mock.terminal.TerminalInterrupt;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Attaching to a mock container's main process. Without stdin the client sees the process's output:
 * the container's log lines from now on, until the container stops (its exit code is the result) or
 * the client goes away. With stdin, a container that has one ({@code stdin: true}) runs its program
 * on the client's input, and the client sees its output until it exits; any other echoes each line
 * it reads until stdin ends. With a tty the terminal echoes the line as typed too.
 */
public final class MainProcess {

  /** The result when the client detached before the process ended. */
  static final int DETACHED = 0;

  private static final int CHUNK_BYTES = 8192;

  private MainProcess() {}

  /**
   * @param changed called after the client's input reached a program: what it does with it is a
   *     change of the pod to notify
   */
  public static int attach(
      SimulatedPod pod, String container, RemoteStreams streams, Clock clock, Runnable changed) {
    try (Stdio io = Stdio.of(streams)) {
      Output output = output(pod, container, clock);
      if (streams.stdin().isEmpty()) {
        return copyUntilExit(output, io, clock);
      }
      Optional<InstanceInput> input = output.run().input();
      if (input.isEmpty()) {
        output.lines().close();
        return echoLines(io);
      }
      boolean once =
          pod.container(container).map(c -> Boolean.TRUE.equals(c.getStdinOnce())).orElse(false);
      Feed feed = new Feed(input.get(), clock, changed);
      Thread feeder =
          Thread.ofVirtual().name("mock-attach-" + container).start(() -> feed.from(io, once));
      try {
        return copyUntilExit(output, io, clock);
      } finally {
        feeder.interrupt();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Hands what the client sends to the program, as it arrives. */
  private record Feed(InstanceInput input, Clock clock, Runnable changed) {
    void from(Stdio io, boolean endsWithTheClientsInput) {
      byte[] buffer = new byte[CHUNK_BYTES];
      try {
        for (int n; (n = nextChunk(io, buffer)) >= 0; ) {
          input.write(Arrays.copyOf(buffer, n), clock.instant());
          changed.run();
        }
        if (endsWithTheClientsInput) {
          input.end(clock.instant());
          changed.run();
        }
      } catch (IOException e) {
        // the client went away: the program keeps its stdin open, as a runtime's does
      }
    }
  }

  /** Reads what the client sent; Ctrl-C on a terminal is not the attach's to act on. */
  private static int nextChunk(Stdio io, byte[] buffer) throws IOException {
    while (true) {
      try {
        return io.in().read(buffer);
      } catch (TerminalInterrupt e) {
        // ignored, like a process that ignores SIGINT
      }
    }
  }

  /** Echoes stdin line by line, exactly as read (a last line without newline stays without). */
  private static int echoLines(Stdio io) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = nextByte(io); b >= 0; b = nextByte(io)) {
      line.write(b);
      if (b == '\n') {
        echo(line, io);
      }
    }
    echo(line, io);
    return DETACHED;
  }

  /** The main process ignores Ctrl-C: it goes on reading. */
  private static int nextByte(Stdio io) throws IOException {
    while (true) {
      try {
        return io.in().read();
      } catch (TerminalInterrupt e) {
        // ignored, like a process that ignores SIGINT
      }
    }
  }

  private static void echo(ByteArrayOutputStream line, Stdio io) throws IOException {
    if (line.size() > 0) {
      io.out().write(line.toByteArray());
      io.out().flush();
      line.reset();
    }
  }

  /** The output of a container's running instance from now on. */
  private record Output(
      ContainerTimeline timeline, int instance, InstanceRun run, LogFollower lines) {}

  private static Output output(SimulatedPod pod, String container, Clock clock) {
    ContainerTimeline timeline = pod.timeline(container);
    Instant attached = clock.instant();
    ContainerTimeline.Moment now = timeline.at(attached);
    if (now.state().getRunning() == null) {
      throw ProviderException.invalid(
          "container " + container + " is not running, cannot attach to it");
    }
    InstanceRun run = timeline.run(now.instance()).orElseThrow();
    List<LogLine> sofar = run.lines(0, attached);
    long next = sofar.isEmpty() ? 0 : sofar.getLast().number() + 1;
    return new Output(
        timeline,
        now.instance(),
        run,
        new LogFollower(timeline, now.instance(), run, next, new byte[0], false, clock));
  }

  /** Copies the output until the instance exits (its exit code) or the client goes away. */
  private static int copyUntilExit(Output output, Stdio io, Clock clock) throws IOException {
    try (InputStream lines = output.lines()) {
      Stdio.copy(lines, io.out());
    } catch (IOException e) {
      if (Thread.currentThread().isInterrupted()) {
        return DETACHED;
      }
      throw e;
    }
    return output
        .timeline()
        .exitOf(output.instance(), clock.instant())
        .map(InstanceRun.Exit::code)
        .orElse(DETACHED);
  }
}
