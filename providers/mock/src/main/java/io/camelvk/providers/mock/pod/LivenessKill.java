package io.camelvk.providers.mock.pod;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An instance that the kubelet kills at {@code killAt} because its liveness probe failed: unless it
 * exited before, it ends then with exit code 137 (SIGKILL) and the probe's failure as the exit's
 * message, the mark by which the core announces {@code Unhealthy} and {@code Killing}.
 */
final class LivenessKill implements InstanceRun {

  /** 128 + SIGKILL, what a container runtime reports for a killed container. */
  static final int KILLED_EXIT_CODE = 137;

  private final InstanceRun run;
  private final Instant killAt;
  private final String message;

  LivenessKill(InstanceRun run, Instant killAt, String message) {
    this.run = run;
    this.killAt = killAt;
    this.message = message;
  }

  @Override
  public Optional<Exit> exitBy(Instant until) {
    Optional<Exit> own = run.exitBy(until).filter(e -> e.at().isBefore(killAt));
    if (own.isPresent() || until.isBefore(killAt)) {
      return own;
    }
    return Optional.of(new Exit(killAt, KILLED_EXIT_CODE, message));
  }

  @Override
  public Instant nextChange(Instant now) {
    if (!now.isBefore(killAt)) {
      return null;
    }
    Instant own = run.nextChange(now);
    return own != null && own.isBefore(killAt) ? own : killAt;
  }

  @Override
  public List<LogLine> lines(long first, Instant until) {
    return run.lines(first, until.isAfter(killAt) ? killAt : until);
  }

  @Override
  public Instant nextLine(Instant now) {
    Instant own = run.nextLine(now);
    return own != null && own.isBefore(killAt) ? own : null;
  }

  @Override
  public void stop() {
    run.stop();
  }
}
