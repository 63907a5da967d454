package io.camelvk.providers.mock.pod;

import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * One container's life as a function of time: waiting until {@code start}, then instances that each
 * run {@code exitAfter} and exit, restarted after {@code restartDelay} when the restart policy says
 * so. Instance {@code k} starts at {@code start + k * (exitAfter + restartDelay)}.
 */
public record ContainerTimeline(Instant start, PodBehaviour behaviour, String restartPolicy) {

  /** Where the container is at a point in time. */
  public record Moment(
      ContainerState state,
      ContainerState lastState,
      int restartCount,
      int instance,
      Instant instanceStart) {}

  public Moment at(Instant now) {
    if (now.isBefore(start)) {
      return new Moment(waiting("ContainerCreating"), null, 0, 0, null);
    }
    Duration exitAfter = behaviour.exitAfter();
    if (exitAfter == null) {
      return new Moment(running(start), null, 0, 0, start);
    }
    if (!restarts()) {
      Instant exit = start.plus(exitAfter);
      return now.isBefore(exit)
          ? new Moment(running(start), null, 0, 0, start)
          : new Moment(terminated(start, exit), null, 0, 0, start);
    }
    Duration cycle = exitAfter.plus(behaviour.restartDelay());
    long instance = cycle.isZero() ? 0 : Duration.between(start, now).toNanos() / cycle.toNanos();
    Instant instanceStart = start.plus(cycle.multipliedBy(instance));
    ContainerState previous =
        instance == 0
            ? null
            : terminated(instanceStart.minus(cycle), instanceStart.minus(behaviour.restartDelay()));
    if (now.isBefore(instanceStart.plus(exitAfter))) {
      return new Moment(
          running(instanceStart), previous, (int) instance, (int) instance, instanceStart);
    }
    ContainerState exited = terminated(instanceStart, instanceStart.plus(exitAfter));
    return new Moment(
        waiting("CrashLoopBackOff"), exited, (int) instance, (int) instance, instanceStart);
  }

  /** The next instant after {@code now} at which the state changes by itself, or null. */
  public Instant nextChange(Instant now) {
    if (now.isBefore(start)) {
      return start;
    }
    Duration exitAfter = behaviour.exitAfter();
    if (exitAfter == null) {
      return null;
    }
    if (!restarts()) {
      Instant exit = start.plus(exitAfter);
      return now.isBefore(exit) ? exit : null;
    }
    Duration cycle = exitAfter.plus(behaviour.restartDelay());
    Instant instanceStart =
        start.plus(
            cycle.multipliedBy(
                Duration.between(start, now).toNanos() / Math.max(1, cycle.toNanos())));
    Instant exit = instanceStart.plus(exitAfter);
    return now.isBefore(exit) ? exit : instanceStart.plus(cycle);
  }

  private boolean restarts() {
    return switch (restartPolicy == null ? "Always" : restartPolicy) {
      case "Never" -> false;
      case "OnFailure" -> behaviour.exitCode() != 0;
      default -> true;
    };
  }

  private static ContainerState waiting(String reason) {
    return new ContainerStateBuilder().withNewWaiting().withReason(reason).endWaiting().build();
  }

  private static ContainerState running(Instant since) {
    return new ContainerStateBuilder()
        .withNewRunning()
        .withStartedAt(format(since))
        .endRunning()
        .build();
  }

  private ContainerState terminated(Instant started, Instant finished) {
    int code = behaviour.exitCode();
    return new ContainerStateBuilder()
        .withNewTerminated()
        .withExitCode(code)
        .withReason(code == 0 ? "Completed" : "Error")
        .withStartedAt(format(started))
        .withFinishedAt(format(finished))
        .endTerminated()
        .build();
  }

  static String format(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
  }
}
