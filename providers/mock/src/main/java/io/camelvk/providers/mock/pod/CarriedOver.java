package io.camelvk.providers.mock.pod;

import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import java.time.Instant;

/**
 * What a container restarted by an update (a new image, say) carries over from its earlier
 * instances, as the kubelet reports it: the restarts so far, one more for this one, and the state
 * the container was stopped in, as its last state.
 *
 * @param restarts how many instances ran before the timeline that runs now
 * @param lastState the last earlier instance's end
 */
record CarriedOver(int restarts, ContainerState lastState) {

  static final CarriedOver NONE = new CarriedOver(0, null);

  /** After {@code before}, the moment the update stopped the container at {@code now}. */
  static CarriedOver after(ContainerTimeline.Moment before, CarriedOver earlier, Instant now) {
    ContainerState ended = before.state();
    if (ended.getRunning() != null) {
      ended =
          new ContainerStateBuilder()
              .withNewTerminated()
              .withExitCode(0)
              .withReason("Completed")
              .withStartedAt(ended.getRunning().getStartedAt())
              .withFinishedAt(KubeletStates.format(now))
              .endTerminated()
              .build();
    } else if (ended.getTerminated() == null) {
      ended = before.lastState() != null ? before.lastState() : earlier.lastState();
    }
    return new CarriedOver(earlier.restarts() + before.restartCount() + 1, ended);
  }
}
