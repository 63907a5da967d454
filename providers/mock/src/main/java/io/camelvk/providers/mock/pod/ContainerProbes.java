package io.camelvk.providers.mock.pod;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Probe;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A container's probes as the kubelet's prober would run them against the mock: the startup probe
 * passes at its first run, the readiness probe too unless {@code readiness-fails} names the
 * container, and the liveness probe passes until {@code liveness-fails-after}, when the container
 * is killed after {@code failureThreshold} failures in a row (see docs/providers/mock.md).
 * Readiness and liveness probes run only once the startup probe has passed, as the kubelet's do.
 */
final class ContainerProbes {

  private final ProbeTiming startup;
  private final ProbeTiming readiness;
  private final ProbeTiming liveness;
  private final boolean readinessFails;
  private final Duration livenessFailsAfter;
  private final String livenessFailure;
  private final String readinessFailure;

  private ContainerProbes(Container container, PodBehaviour behaviour) {
    this.startup = timing(container.getStartupProbe());
    this.readiness = timing(container.getReadinessProbe());
    this.liveness = timing(container.getLivenessProbe());
    this.readinessFails = behaviour.readinessFails().contains(container.getName());
    this.livenessFailsAfter = behaviour.livenessFailsAfter();
    this.livenessFailure =
        "Liveness probe failed: "
            + failureDetail(container.getLivenessProbe(), PodBehaviour.LIVENESS_FAILS_AFTER);
    this.readinessFailure =
        "Readiness probe failed: "
            + failureDetail(container.getReadinessProbe(), PodBehaviour.READINESS_FAILS);
  }

  static ContainerProbes of(Container container, PodBehaviour behaviour) {
    return new ContainerProbes(container, behaviour);
  }

  /** Whether the container of {@code moment} runs and its startup probe (if any) has passed. */
  boolean started(ContainerTimeline.Moment moment, Instant now) {
    return runs(moment) && !now.isBefore(startedAt(moment.instanceStart()));
  }

  /** Whether the container of {@code moment} runs and its readiness probe (if any) passes. */
  boolean ready(ContainerTimeline.Moment moment, Instant now) {
    Instant readyAt = runs(moment) ? readyAt(moment.instanceStart()) : null;
    return readyAt != null && !now.isBefore(readyAt);
  }

  /**
   * The kubelet's message for the failed readiness probe of the container of {@code moment}, once
   * its first run after the start-up has failed ({@code readiness-fails}).
   */
  Optional<String> readinessFailure(ContainerTimeline.Moment moment, Instant now) {
    if (readiness == null || !readinessFails || !started(moment, now)) {
      return Optional.empty();
    }
    return now.isBefore(failingFrom(moment.instanceStart()))
        ? Optional.empty()
        : Optional.of(readinessFailure);
  }

  /** When the first run of a readiness probe that {@code readiness-fails} fails; else null. */
  private Instant failingFrom(Instant start) {
    return readiness == null || !readinessFails
        ? null
        : readiness.firstProbeFrom(start, startedAt(start));
  }

  /**
   * The next instant after {@code now} at which started or ready changes, or the readiness probe
   * first fails; or null.
   */
  Instant nextChange(ContainerTimeline.Moment moment, Instant now) {
    if (!runs(moment)) {
      return null;
    }
    Instant start = moment.instanceStart();
    return Stream.of(startedAt(start), readyAt(start), failingFrom(start))
        .filter(Objects::nonNull)
        .filter(at -> at.isAfter(now))
        .min(Instant::compareTo)
        .orElse(null);
  }

  /** {@code run}, killed by the kubelet when its liveness probe has failed enough times. */
  InstanceRun withLiveness(InstanceRun run, Instant start) {
    if (liveness == null || livenessFailsAfter == null) {
      return run;
    }
    Instant failing = start.plus(livenessFailsAfter);
    Instant firstFail = liveness.firstProbeFrom(start, later(startedAt(start), failing));
    return new LivenessKill(run, liveness.failedAt(firstFail), livenessFailure);
  }

  /** When an instance that started at {@code start} is started: its startup probe passed. */
  Instant startedAt(Instant start) {
    return startup == null ? start : startup.succeededAt(startup.firstProbeFrom(start, start));
  }

  /** When the readiness probe has passed often enough; null when it never passes. */
  private Instant readyAt(Instant start) {
    Instant started = startedAt(start);
    if (readiness == null) {
      return started;
    }
    return readinessFails ? null : readiness.succeededAt(readiness.firstProbeFrom(start, started));
  }

  private static boolean runs(ContainerTimeline.Moment moment) {
    return moment.state().getRunning() != null && moment.instanceStart() != null;
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static ProbeTiming timing(Probe probe) {
    return probe == null ? null : ProbeTiming.of(probe);
  }

  /** What the kubelet's prober says of a failure of this kind of probe. */
  private static String failureDetail(Probe probe, String annotation) {
    if (probe != null && probe.getHttpGet() != null) {
      return "HTTP probe failed with statuscode: 500";
    }
    if (probe != null && probe.getTcpSocket() != null) {
      return "dial tcp: connect: connection refused";
    }
    return "command failed (" + annotation + ")";
  }
}
