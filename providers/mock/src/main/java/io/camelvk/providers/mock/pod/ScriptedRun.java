package io.camelvk.providers.mock.pod;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An instance as the annotations script it (or a container with no command, whose image's program
 * the mock cannot know): a line when it starts and one per second of running, each with its own
 * time so that tail, since and timestamps can be checked, and an exit (code 0; {@code exit-code} is
 * the timeline's) after {@code exit-after}, if given.
 */
public final class ScriptedRun implements InstanceRun {

  private final ContainerRef ref;
  private final int number;
  private final Instant start;
  private final Instant exit;

  /**
   * @param exitAfter how long the instance runs; null runs it until it is stopped
   */
  public ScriptedRun(ContainerRef ref, int number, Instant start, Duration exitAfter) {
    this.ref = ref;
    this.number = number;
    this.start = start;
    this.exit = exitAfter == null ? null : start.plus(exitAfter);
  }

  @Override
  public Optional<Exit> exitBy(Instant until) {
    return exit != null && !until.isBefore(exit)
        ? Optional.of(new Exit(exit, 0))
        : Optional.empty();
  }

  @Override
  public Instant nextChange(Instant now) {
    return exit != null && now.isBefore(exit) ? exit : null;
  }

  @Override
  public List<LogLine> lines(long first, Instant until) {
    Instant end = exit != null && exit.isBefore(until) ? exit : until;
    if (end.isBefore(start)) {
      return List.of();
    }
    long seconds = Duration.between(start, end).toSeconds();
    List<LogLine> lines = new ArrayList<>();
    for (long i = Math.max(first, seconds - MAX_LINES + 1); i <= seconds; i++) {
      lines.add(line(i));
    }
    return lines;
  }

  @Override
  public Instant nextLine(Instant now) {
    long elapsed = now.isBefore(start) ? -1 : Duration.between(start, now).toSeconds();
    Instant next = start.plusSeconds(elapsed + 1);
    return exit != null && next.isAfter(exit) ? null : next;
  }

  /** The line written {@code second} seconds after the instance started. */
  private LogLine line(long second) {
    String text =
        second == 0
            ? "mock: container "
                + ref.container()
                + " of "
                + ref.podKey()
                + " started (restart "
                + number
                + ")"
            : "mock: container "
                + ref.container()
                + " of "
                + ref.podKey()
                + " running for "
                + second
                + "s";
    return new LogLine(second, start.plusSeconds(second), text);
  }
}
