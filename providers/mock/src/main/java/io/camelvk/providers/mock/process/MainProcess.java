package io.camelvk.providers.mock.process;

import io.camelvk.provider.ProviderException;
import io.camelvk.provider.RemoteStreams;
import io.camelvk.providers.mock.logs.LogFollower;
import io.camelvk.providers.mock.pod.ContainerTimeline;
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
import java.util.List;

/**
 * Attaching to a mock container's main process. Without stdin the client sees the process's output:
 * the container's log lines from now on, until the container stops (its exit code is the result) or
 * the client goes away. With stdin the process echoes each line it reads until stdin ends; with a
 * tty the terminal echoes the line as typed too.
 */
public final class MainProcess {

  /** The result when the client detached before the process ended. */
  static final int DETACHED = 0;

  private MainProcess() {}

  public static int attach(SimulatedPod pod, String container, RemoteStreams streams, Clock clock) {
    try (Stdio io = Stdio.of(streams)) {
      return streams.stdin().isPresent() ? echoLines(io) : followOutput(pod, container, io, clock);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
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

  private static int followOutput(SimulatedPod pod, String container, Stdio io, Clock clock)
      throws IOException {
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
    try (InputStream output =
        new LogFollower(timeline, now.instance(), run, next, new byte[0], false, clock)) {
      Stdio.copy(output, io.out());
    } catch (IOException e) {
      if (Thread.currentThread().isInterrupted()) {
        return DETACHED;
      }
      throw e;
    }
    return timeline
        .exitOf(now.instance(), clock.instant())
        .map(InstanceRun.Exit::code)
        .orElse(DETACHED);
  }
}
