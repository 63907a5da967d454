package io.camelvk.pod;

import static io.camelvk.pod.PodSyncFixture.pod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.camelvk.pod.SyncPlan.Operation;
import io.camelvk.provider.VkHeaders;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import java.time.Duration;
import org.apache.camel.Message;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link PodSync#plan} for pods gone, replaced, being deleted or tracked. */
class PodSyncPlanTest {

  private static final String STARTED = "2026-01-01T00:00:00Z";

  private final PodSyncFixture vk = new PodSyncFixture();

  @AfterEach
  void stop() {
    vk.close();
  }

  @Test
  void aPodGoneFromTheApiServerThatStillRunsIsDeletedFromItsProvider() {
    Pod web = pod("web", "u1").build();
    vk.tracker.running(PodKey.of(web), "small", web);

    SyncPlan plan = vk.sync.plan(PodKey.of(web));

    assertThat(plan.operation()).isEqualTo(Operation.DELETE);
    assertThat(plan.provider()).isEqualTo("small");
    assertThat(plan.pod().getMetadata().getUid()).isEqualTo("u1");
  }

  @Test
  void aPodGoneFromTheApiServerThatNoLongerRunsIsForgottenWithItsReportedStatus() {
    Pod web = pod("web", "u1").build();
    PodKey key = PodKey.of(web);
    vk.tracker.running(key, "small", web);
    vk.tracker.stopped(key);
    vk.reported.report(statusReport(key));
    assertThat(vk.reported.of(web)).isPresent();

    SyncPlan plan = vk.sync.plan(key);

    assertThat(plan.operation()).isEqualTo(Operation.NONE);
    assertThat(plan.provider()).isNull();
    assertThat(vk.tracker.get(key)).isEmpty();
    assertThat(vk.reported.of(web)).isEmpty();
  }

  @Test
  void aPodNeitherInTheApiServerNorTrackedNeedsNothing() {
    assertThat(vk.sync.plan(new PodKey("ns", "web")).operation()).isEqualTo(Operation.NONE);
  }

  @Test
  void aNewPodOfTheSameNameWaitsWhileTheOldOneIsDeletedFromItsProvider() {
    Pod old = pod("web", "u1").build();
    vk.tracker.running(PodKey.of(old), "small", old);
    PodKey key = vk.cached(pod("web", "u2").build());

    SyncPlan plan = vk.sync.plan(key);

    assertThat(plan.operation()).isEqualTo(Operation.DELETE);
    assertThat(plan.provider()).isEqualTo("small");
    assertThat(plan.pod().getMetadata().getUid()).isEqualTo("u1");
  }

  @Test
  void aNewPodOfTheSameNameWhoseOldOneNoLongerRunsIsPlacedAfresh() {
    Pod old = pod("web", "u1").build();
    vk.tracker.refused(PodKey.of(old), "small", old);
    PodKey key = vk.cached(pod("web", "u2").build());

    SyncPlan plan = vk.sync.plan(key);

    assertThat(plan.operation()).isEqualTo(Operation.CREATE);
    assertThat(plan.provider()).isEqualTo("big");
    assertThat(plan.pod().getMetadata().getUid()).isEqualTo("u2");
    assertThat(vk.tracker.get(key)).isEmpty();
  }

  @Test
  void aPodBeingDeletedThatRunsIsDeletedFromItsProvider() {
    Pod deleting =
        pod("web", "u1").editMetadata().withDeletionTimestamp(STARTED).endMetadata().build();
    vk.tracker.running(PodKey.of(deleting), "small", pod("web", "u1").build());
    PodKey key = vk.cached(deleting);

    SyncPlan plan = vk.sync.plan(key);

    assertThat(plan.operation()).isEqualTo(Operation.DELETE);
    assertThat(plan.provider()).isEqualTo("small");
    assertThat(plan.pod()).isSameAs(deleting);
  }

  @Test
  void aPodBeingDeletedThatDoesNotRunIsFinalized() {
    PodKey untracked =
        vk.cached(
            pod("web", "u1").editMetadata().withDeletionTimestamp(STARTED).endMetadata().build());
    Pod stopped =
        pod("job", "u2").editMetadata().withDeletionTimestamp(STARTED).endMetadata().build();
    vk.tracker.refused(PodKey.of(stopped), "small", stopped);
    PodKey refused = vk.cached(stopped);

    assertThat(vk.sync.plan(untracked).operation()).isEqualTo(Operation.FINALIZE);
    assertThat(vk.sync.plan(untracked).provider()).isNull();
    assertThat(vk.sync.plan(refused).operation()).isEqualTo(Operation.FINALIZE);
  }

  @Test
  void aPodThatFinishedBeforeItWasTrackedIsLeftAlone() {
    PodKey succeeded =
        vk.cached(
            pod("done", "u1")
                .withStatus(new PodStatusBuilder().withPhase("Succeeded").build())
                .build());
    PodKey failed =
        vk.cached(
            pod("failed", "u2")
                .withStatus(new PodStatusBuilder().withPhase("Failed").build())
                .build());

    assertThat(vk.sync.plan(succeeded).operation()).isEqualTo(Operation.NONE);
    assertThat(vk.sync.plan(failed).operation()).isEqualTo(Operation.NONE);
  }

  @Test
  void aTrackedPodThatNoLongerRunsIsLeftAlone() {
    Pod web = pod("web", "u1").build();
    vk.tracker.refused(PodKey.of(web), "small", web);

    SyncPlan plan = vk.sync.plan(vk.cached(web));

    assertThat(plan.operation()).isEqualTo(Operation.NONE);
    assertThat(plan.provider()).isEqualTo("small");
  }

  @Test
  void aRunningPodIsStoppedOnceItsActiveDeadlineHasPassedSinceItsStartTime() {
    Pod web =
        pod("web", "u1")
            .editSpec()
            .withActiveDeadlineSeconds(30L)
            .endSpec()
            .withStatus(new PodStatusBuilder().withStartTime(STARTED).build())
            .build();
    vk.tracker.running(PodKey.of(web), "small", web);
    PodKey key = vk.cached(web);

    vk.clock.advance(Duration.ofSeconds(29));
    assertThat(vk.sync.plan(key).operation()).isEqualTo(Operation.STATUS);
    vk.clock.advance(Duration.ofSeconds(1));
    SyncPlan plan = vk.sync.plan(key);
    assertThat(plan.operation()).isEqualTo(Operation.DEADLINE);
    assertThat(plan.provider()).isEqualTo("small");
  }

  @Test
  void noDeadlineIsPastWhileTheCacheShowsNoStartTime() {
    Pod web = pod("web", "u1").editSpec().withActiveDeadlineSeconds(30L).endSpec().build();
    vk.tracker.running(PodKey.of(web), "small", web);
    PodKey key = vk.cached(web);

    vk.clock.advance(Duration.ofHours(1));
    assertThat(vk.sync.plan(key).operation()).isEqualTo(Operation.STATUS);
  }

  @Test
  void aRunningPodWhoseSpecChangedIsUpdatedOnItsProviderWithItsEnvironmentResolved() {
    vk.putSettings("blue");
    Pod applied = pod("web", "u1").build();
    vk.tracker.running(PodKey.of(applied), "small", applied);
    PodKey key = vk.cached(PodSyncFixture.configured("u1", "busybox:2"));

    SyncPlan plan = vk.sync.plan(key);

    assertThat(plan.operation()).isEqualTo(Operation.UPDATE);
    assertThat(plan.provider()).isEqualTo("small");
    assertThat(plan.pod().getSpec().getContainers().getFirst().getImage()).isEqualTo("busybox:2");
    // The CPU limit a container does not set is its provider's allocatable: small has 1.
    assertThat(plan.pod().getSpec().getContainers().getFirst().getEnv())
        .extracting(EnvVar::getName, EnvVar::getValue)
        .containsExactly(tuple("COLOUR", "blue"), tuple("CPUS", "1"));
  }

  @Test
  void aRunningPodWithOnlyANewStatusHasItsStatusWritten() {
    Pod applied = pod("web", "u1").build();
    vk.tracker.running(PodKey.of(applied), "small", applied);
    Pod running =
        pod("web", "u1").withStatus(new PodStatusBuilder().withPhase("Running").build()).build();

    SyncPlan plan = vk.sync.plan(vk.cached(running));

    assertThat(plan.operation()).isEqualTo(Operation.STATUS);
    assertThat(plan.provider()).isEqualTo("small");
    assertThat(plan.pod()).isSameAs(running);
  }

  private static Message statusReport(PodKey key) {
    Message report = new DefaultMessage(new DefaultCamelContext());
    report.setHeader(VkHeaders.POD_NAMESPACE, key.namespace());
    report.setHeader(VkHeaders.POD_NAME, key.name());
    report.setBody(new PodStatusBuilder().withPhase("Running").build());
    return report;
  }
}
