package io.camelvk.pod;

import static io.camelvk.pod.PodSyncFixture.pod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camelvk.pod.SyncPlan.Operation;
import io.camelvk.provider.PodNotFoundException;
import io.camelvk.provider.ProviderException;
import io.camelvk.provider.mapping.ProviderChoice;
import io.fabric8.kubernetes.api.model.Pod;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@link PodSync#callProvider}: what each plan asks of which provider. */
class PodSyncProviderCallTest {

  private static final String PROFILE_ASKED = "nodeProfile " + PodSyncFixture.NODE;

  private final PodSyncFixture vk = new PodSyncFixture();
  private final Pod web = pod("web", "u1").build();

  @AfterEach
  void stop() {
    vk.close();
  }

  @Test
  void aPlannedCreateGoesToTheChosenProviderAlone() {
    vk.placement.use((pod, requests) -> ProviderChoice.of("small"));
    SyncPlan plan = vk.sync.plan(vk.cached(web));

    assertThat(vk.sync.callProvider(plan)).isSameAs(plan);

    assertThat(vk.small.calls()).containsExactly(PROFILE_ASKED, "create ns/web u1");
    assertThat(vk.big.calls()).containsExactly(PROFILE_ASKED);
  }

  @Test
  void updateDeleteAndDeadlineGoToThePlansProvider() {
    vk.sync.callProvider(plan(Operation.UPDATE, "small"));
    vk.sync.callProvider(plan(Operation.DELETE, "small"));
    vk.sync.callProvider(plan(Operation.DEADLINE, "big"));

    assertThat(vk.small.calls())
        .containsExactly(PROFILE_ASKED, "update ns/web u1", "delete ns/web u1");
    assertThat(vk.big.calls()).containsExactly(PROFILE_ASKED, "delete ns/web u1");
  }

  @Test
  void aPodItsProviderDoesNotKnowCountsAsDeleted() {
    vk.small.failing(new PodNotFoundException("no pod ns/web"));

    SyncPlan plan = plan(Operation.DELETE, "small");
    assertThat(vk.sync.callProvider(plan)).isEqualTo(plan);
    assertThat(vk.small.calls()).contains("delete ns/web u1");
  }

  @Test
  void anyOtherFailureOfADeleteIsRethrownAsItIs() {
    ProviderException failure = ProviderException.transientFailure("backend down");
    vk.small.failing(failure);

    assertThatThrownBy(() -> vk.sync.callProvider(plan(Operation.DELETE, "small")))
        .isSameAs(failure);
  }

  @Test
  void aPodUnknownToItsProviderFailsAnUpdate() {
    PodNotFoundException failure = new PodNotFoundException("no pod ns/web");
    vk.small.failing(failure);

    assertThatThrownBy(() -> vk.sync.callProvider(plan(Operation.UPDATE, "small")))
        .isSameAs(failure);
  }

  @ParameterizedTest
  @EnumSource(
      value = Operation.class,
      names = {"STATUS", "BLOCKED", "REJECTED", "FINALIZE", "NONE"})
  void plansWithoutAProviderOperationCallNoProvider(Operation operation) {
    SyncPlan plan = plan(operation, "small");

    assertThat(vk.sync.callProvider(plan)).isSameAs(plan);
    assertThat(vk.small.calls()).containsExactly(PROFILE_ASKED);
  }

  @Test
  void aPlanForAProviderTheNodeDoesNotRunFails() {
    assertThatThrownBy(() -> vk.sync.callProvider(plan(Operation.CREATE, "gpu")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("no provider gpu is wired on this node");
  }

  private SyncPlan plan(Operation operation, String provider) {
    return new SyncPlan(PodKey.of(web), operation, provider, web, null, null);
  }
}
