package io.camelvk.pod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.camelvk.node.NodeSettings;
import io.camelvk.test.MutableClock;
import io.camelvk.test.TestPods;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Container resources and the kubelet's in-place resize conditions in the composed status. */
class PodResizeStatusTest {

  private static final String T0 = "2026-01-01T00:00:00Z";

  private final MutableClock clock = new MutableClock(Instant.parse(T0));
  private final PodStatusComposer composer =
      new PodStatusComposer(
          new NodeSettings("vk", "linux", "mock", Optional.empty(), 10250, "10.0.0.1"), clock);

  @Test
  void aRunningContainerWhoseProviderReportsNoResourcesHasItsAllocatedOnes() {
    Pod pod = pod(1, cpu("100m", "200m"));

    PodStatus status = composer.running(pod, reported(running("app", null)));

    ContainerStatus app = status.getContainerStatuses().getFirst();
    assertThat(app.getAllocatedResources()).isEqualTo(Map.of("cpu", new Quantity("100m")));
    assertThat(app.getResources()).isEqualTo(cpu("100m", "200m"));
    assertThat(types(status)).doesNotContain("PodResizeInProgress");
  }

  @Test
  void aContainerThatNeverStartedHasNoResourcesYet() {
    ContainerStatus creating =
        new ContainerStatusBuilder()
            .withName("app")
            .withNewState()
            .withNewWaiting()
            .withReason("ContainerCreating")
            .endWaiting()
            .endState()
            .build();

    PodStatus status = composer.running(pod(1, cpu("100m", "200m")), reported(creating));

    ContainerStatus app = status.getContainerStatuses().getFirst();
    assertThat(app.getResources()).isNull();
    assertThat(app.getAllocatedResources()).isEmpty();
  }

  @Test
  void theProvidersCpuAndMemoryWinOverTheAllocatedOnesAndItsAllocatedResourcesAreKept() {
    ResourceRequirements reported =
        new ResourceRequirementsBuilder()
            .withRequests(Map.of("cpu", new Quantity("0.1"), "ephemeral-storage", q("1Gi")))
            .withLimits(Map.of("cpu", new Quantity("250m")))
            .build();
    ContainerStatus app =
        new ContainerStatusBuilder(running("app", reported))
            .withAllocatedResources(Map.of("cpu", new Quantity("90m")))
            .build();

    PodStatus status = composer.running(pod(1, cpu("100m", "200m")), reported(app));

    ContainerStatus composed = status.getContainerStatuses().getFirst();
    assertThat(composed.getResources()).isEqualTo(cpu("100m", "250m"));
    assertThat(composed.getAllocatedResources()).isEqualTo(Map.of("cpu", q("90m")));
  }

  @Test
  void aResizeHandedToTheProviderIsInProgressUntilItReportsTheNewResources() {
    Pod resized = pod(2, cpu("150m", "300m"));
    PodAllocation handed = PodAllocation.of(resized);

    PodStatus applying =
        composer.running(resized, reported(running("app", cpu("100m", "200m"))), handed);

    assertThat(inProgress(applying))
        .extracting(
            PodCondition::getStatus,
            PodCondition::getReason,
            PodCondition::getLastTransitionTime,
            PodCondition::getObservedGeneration)
        .containsExactly("True", null, T0, 2L);
    ContainerStatus app = applying.getContainerStatuses().getFirst();
    assertThat(app.getAllocatedResources()).isEqualTo(Map.of("cpu", q("150m")));
    assertThat(app.getResources()).isEqualTo(cpu("100m", "200m"));

    clock.advance(Duration.ofMinutes(1));
    Pod written = new PodBuilder(resized).withStatus(applying).build();
    PodStatus still =
        composer.running(written, reported(running("app", cpu("150m", "200m"))), handed);
    assertThat(inProgress(still).getLastTransitionTime()).isEqualTo(T0);

    PodStatus done =
        composer.running(written, reported(running("app", cpu("150m", "300m"))), handed);
    assertThat(types(done)).doesNotContain("PodResizeInProgress");
    assertThat(done.getContainerStatuses().getFirst().getResources())
        .isEqualTo(cpu("150m", "300m"));
  }

  @Test
  void aResizeNotYetHandedToTheProviderIsNotInProgress() {
    Pod before = pod(1, cpu("100m", "200m"));
    Pod resized = pod(2, cpu("150m", "300m"));

    PodStatus status =
        composer.running(
            resized, reported(running("app", cpu("100m", "200m"))), PodAllocation.of(before));

    assertThat(types(status)).doesNotContain("PodResizeInProgress");
    assertThat(status.getContainerStatuses().getFirst().getAllocatedResources())
        .isEqualTo(Map.of("cpu", q("100m")));
  }

  @Test
  void aResizeTheProviderFailedToApplyIsInProgressWithReasonErrorUntilItIsDone() {
    Pod resized = pod(2, cpu("150m", "300m"));
    Pod running =
        new PodBuilder(resized)
            .withStatus(composer.running(resized, reported(running("app", cpu("100m", "200m")))))
            .build();

    PodStatus failed = composer.resizeFailed(running, "backend: no capacity");

    assertThat(failed.getConditions())
        .filteredOn(c -> c.getType().equals("PodResizeInProgress"))
        .extracting(
            PodCondition::getStatus,
            PodCondition::getReason,
            PodCondition::getMessage,
            PodCondition::getObservedGeneration)
        .containsExactly(tuple("True", "Error", "backend: no capacity", 2L));
    assertThat(failed.getConditions()).hasSize(running.getStatus().getConditions().size());

    clock.advance(Duration.ofMinutes(1));
    Pod afterFailure = new PodBuilder(resized).withStatus(failed).build();
    PodStatus again = composer.resizeFailed(afterFailure, "backend: still no capacity");
    assertThat(inProgress(again).getLastTransitionTime()).isEqualTo(T0);
    PodStatus retried =
        composer.running(
            afterFailure, reported(running("app", cpu("100m", "200m"))), PodAllocation.of(resized));
    assertThat(inProgress(retried).getReason()).isEqualTo("Error");
    PodStatus done =
        composer.running(
            afterFailure, reported(running("app", cpu("150m", "300m"))), PodAllocation.of(resized));
    assertThat(types(done)).doesNotContain("PodResizeInProgress");
  }

  @Test
  void aResizeAProviderCannotApplyIsPendingAsInfeasibleSinceItWasFirstReported() {
    Pod resized = pod(2, cpu("150m", "300m"));
    PodStatus running = composer.running(resized, reported(running("app", null)));

    PodStatus pending = composer.resizeInfeasible(resized, running, "fixed");
    clock.advance(Duration.ofMinutes(2));
    Pod written = new PodBuilder(resized).withStatus(pending).build();
    PodStatus later = composer.resizeInfeasible(written, running, "fixed");

    assertThat(later.getConditions())
        .filteredOn(c -> c.getType().equals("PodResizePending"))
        .extracting(
            PodCondition::getReason, PodCondition::getMessage, PodCondition::getLastTransitionTime)
        .containsExactly(tuple("Infeasible", "provider fixed cannot resize pods in place", T0));
  }

  private static PodCondition inProgress(PodStatus status) {
    return status.getConditions().stream()
        .filter(c -> c.getType().equals("PodResizeInProgress"))
        .findFirst()
        .orElseThrow();
  }

  private static java.util.List<String> types(PodStatus status) {
    return status.getConditions().stream().map(PodCondition::getType).toList();
  }

  private static Pod pod(long generation, ResourceRequirements resources) {
    return TestPods.named("ns", "web", "u1")
        .editMetadata()
        .withGeneration(generation)
        .endMetadata()
        .editSpec()
        .editFirstContainer()
        .withResources(resources)
        .endContainer()
        .endSpec()
        .build();
  }

  private static ResourceRequirements cpu(String request, String limit) {
    return new ResourceRequirementsBuilder()
        .withRequests(Map.of("cpu", q(request)))
        .withLimits(Map.of("cpu", q(limit)))
        .build();
  }

  private static Quantity q(String amount) {
    return new Quantity(amount);
  }

  private static PodStatus reported(ContainerStatus container) {
    return new PodStatusBuilder().withContainerStatuses(container).build();
  }

  private static ContainerStatus running(String name, ResourceRequirements resources) {
    return new ContainerStatusBuilder()
        .withName(name)
        .withNewState()
        .withNewRunning()
        .withStartedAt(T0)
        .endRunning()
        .endState()
        .withResources(resources)
        .build();
  }
}
