package io.camelvk.providers.mock.pod;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelvk.providers.mock.pod.TerminationOrder.Stopped;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The kubelet's termination ordering of regular containers and sidecars within a grace period. */
class TerminationOrderTest {

  private static final PodSpec SPEC =
      new PodSpecBuilder()
          .withInitContainers(sidecar("first"), init("setup"), sidecar("second"))
          .withContainers(container("app"), container("worker"))
          .build();
  private static final Set<String> ALL_RUNNING = Set.of("first", "second", "app", "worker");

  @Test
  void regularContainersStopFirstThenTheSidecarsInReverseOrderOfDeclaration() {
    Map<String, Stopped> stops = order("2s", "30s").stops(SPEC, ALL_RUNNING);

    assertThat(stops)
        .containsExactly(
            Map.entry("app", stopped(2, false)),
            Map.entry("worker", stopped(2, false)),
            Map.entry("second", stopped(4, false)),
            Map.entry("first", stopped(6, false)));
  }

  @Test
  void aSidecarWhoseTurnComesLateGetsWhatIsLeftOfTheGracePeriodAndIsKilledWhenItEnds() {
    Map<String, Stopped> stops = order("4s", "10s").stops(SPEC, ALL_RUNNING);

    assertThat(stops)
        .containsEntry("app", stopped(4, false))
        .containsEntry("second", stopped(8, false))
        .containsEntry("first", stopped(10, true));
  }

  @Test
  void whenTheRegularContainersUseUpTheGracePeriodTheSidecarsAreKilledWithThem() {
    Map<String, Stopped> stops = order("60s", "5s").stops(SPEC, ALL_RUNNING);

    assertThat(stops.values()).containsOnly(stopped(5, true));
  }

  @Test
  void containersThatAreNotRunningAreNotWaitedFor() {
    Map<String, Stopped> stops = order("2s", "30s").stops(SPEC, Set.of("first", "app"));

    assertThat(stops)
        .containsExactly(
            Map.entry("app", stopped(2, false)), Map.entry("first", stopped(4, false)));
  }

  @Test
  void aSidecarWaitsOnlyForTheNextOneAfterItNotForAStoppedOneBeyond() {
    PodSpec three =
        new PodSpecBuilder(SPEC)
            .withInitContainers(sidecar("a"), sidecar("b"), sidecar("c"))
            .withContainers(container("app"))
            .build();

    Map<String, Stopped> stops = order("2s", "30s").stops(three, Set.of("a", "c", "app"));

    assertThat(stops).containsEntry("c", stopped(4, false)).containsEntry("a", stopped(4, false));
  }

  @Test
  void aRunningInitContainerThatIsNotASidecarStopsWithTheRegularOnes() {
    Map<String, Stopped> stops = order("2s", "30s").stops(SPEC, Set.of("first", "setup"));

    assertThat(stops)
        .containsExactly(
            Map.entry("setup", stopped(2, false)), Map.entry("first", stopped(2, false)));
  }

  @Test
  void withoutAGracePeriodNothingWaitsAndEverythingIsKilledAtOnce() {
    Map<String, Stopped> stops = order("1s", "0s").stops(SPEC, ALL_RUNNING);

    assertThat(stops.values()).containsOnly(stopped(0, true));
  }

  private static TerminationOrder order(String stopDuration, String grace) {
    return new TerminationOrder(
        Duration.parse("PT" + stopDuration.toUpperCase()),
        Duration.parse("PT" + grace.toUpperCase()));
  }

  private static Stopped stopped(long seconds, boolean killed) {
    return new Stopped(Duration.ofSeconds(seconds), killed);
  }

  private static Container container(String name) {
    return new ContainerBuilder().withName(name).withImage("busybox").build();
  }

  private static Container init(String name) {
    return container(name);
  }

  private static Container sidecar(String name) {
    return new ContainerBuilder(container(name)).withRestartPolicy("Always").build();
  }
}
