package io.camelvk.providers.mock.pod;

import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Container states as the kubelet reports them, with its reasons and times to the second. */
public final class KubeletStates {

  static final String COMPLETED = "Completed";
  static final String ERROR = "Error";
  static final String CRASH_LOOP_BACK_OFF = "CrashLoopBackOff";

  private KubeletStates() {}

  static ContainerState waiting(String reason, String message) {
    return new ContainerStateBuilder()
        .withNewWaiting()
        .withReason(reason)
        .withMessage(message)
        .endWaiting()
        .build();
  }

  /** Waiting to restart, with the kubelet's message. */
  static ContainerState crashLoopBackOff(Duration wait, ContainerRef ref) {
    String message =
        "back-off "
            + GoDurationText.of(wait)
            + " restarting failed container="
            + ref.container()
            + " pod="
            + ref.kubeletPodName();
    return waiting(CRASH_LOOP_BACK_OFF, message);
  }

  static ContainerState running(Instant since) {
    return new ContainerStateBuilder()
        .withNewRunning()
        .withStartedAt(format(since))
        .endRunning()
        .build();
  }

  /**
   * @param message the runtime's message (why it was killed), or null
   */
  static ContainerState terminated(
      int exitCode, String message, Instant started, Instant finished, String id) {
    return new ContainerStateBuilder()
        .withNewTerminated()
        .withExitCode(exitCode)
        .withReason(exitCode == 0 ? COMPLETED : ERROR)
        .withMessage(message)
        .withStartedAt(format(started))
        .withFinishedAt(format(finished))
        .withContainerID(id)
        .endTerminated()
        .build();
  }

  public static String format(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
  }
}
