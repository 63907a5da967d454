package io.camelvk.pod;

import static io.camelvk.pod.PodSyncFixture.pod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.camelvk.pod.SyncPlan.Operation;
import io.camelvk.provider.mapping.ProviderChoice;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link PodSync#plan} for a pod no provider has yet: where it goes, and whether it can start. */
class PodSyncNewPodTest {

  private final PodSyncFixture vk = new PodSyncFixture();

  @AfterEach
  void stop() {
    vk.close();
  }

  @Test
  void aNewPodIsCreatedOnTheProviderTheMappingChoosesWithItsEnvironmentResolvedThere() {
    Map<String, Object> asked = new HashMap<>();
    vk.placement.use(
        (pod, requests) -> {
          asked.putAll(requests);
          return ProviderChoice.of("small");
        });
    vk.putSettings("blue");
    Pod web = PodSyncFixture.configured("u1", "busybox");
    requesting(web, "500m");

    SyncPlan plan = vk.sync.plan(vk.cached(web));

    assertThat(plan.operation()).isEqualTo(Operation.CREATE);
    assertThat(plan.provider()).isEqualTo("small");
    assertThat(asked).isEqualTo(Map.of("cpu", 500L));
    assertThat(plan.pod().getSpec().getContainers().getFirst().getEnv())
        .extracting(EnvVar::getName, EnvVar::getValue)
        .containsExactly(tuple("COLOUR", "blue"), tuple("CPUS", "1"));
    assertThat(web.getSpec().getContainers().getFirst().getEnv().getFirst().getValue()).isNull();
  }

  @Test
  void aNewPodTheMappingPlacesNowhereWaitsWithAWarningEvent() {
    vk.placement.use(
        (pod, requests) ->
            ProviderChoice.none(ProviderChoice.UNKNOWN_PROVIDER, "no provider named gpu"));

    SyncPlan plan = vk.sync.plan(vk.cached(pod("web", "u1").build()));

    assertThat(plan.operation()).isEqualTo(Operation.BLOCKED);
    assertThat(plan.provider()).isNull();
    assertThat(plan.reason()).isEqualTo("UnknownProvider");
    assertThat(plan.message()).isEqualTo("no provider named gpu");
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () ->
                assertThat(vk.events("UnknownProvider")).containsExactly("no provider named gpu"));
  }

  @Test
  void aPodIsAdmittedAgainstTheAllocatableOfTheProviderChosenForIt() {
    Pod hungry = pod("web", "u1").build();
    requesting(hungry, "2");
    PodKey key = vk.cached(hungry);

    vk.placement.use((pod, requests) -> ProviderChoice.of("small"));
    SyncPlan rejected = vk.sync.plan(key);
    assertThat(rejected.operation()).isEqualTo(Operation.REJECTED);
    assertThat(rejected.provider()).isEqualTo("small");
    assertThat(rejected.reason()).isEqualTo("OutOfcpu");
    assertThat(rejected.message())
        .isEqualTo(
            "Pod was rejected: Node didn't have enough resource: cpu, requested: 2, capacity: 1");

    vk.placement.use((pod, requests) -> ProviderChoice.of("big"));
    assertThat(vk.sync.plan(key).operation()).isEqualTo(Operation.CREATE);
  }

  @Test
  void aPodWhoseMandatoryConfigMapIsMissingWaitsWithCreateContainerConfigError() {
    SyncPlan plan = vk.sync.plan(vk.cached(PodSyncFixture.configured("u1", "busybox")));

    assertThat(plan.operation()).isEqualTo(Operation.BLOCKED);
    assertThat(plan.provider()).isEqualTo("big");
    assertThat(plan.reason()).isEqualTo("CreateContainerConfigError");
    assertThat(plan.message()).isEqualTo("configmap \"settings\" not found");
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () ->
                assertThat(vk.events("MandatoryConfigMapNotFound"))
                    .containsExactly("configmap \"settings\" not found"));
  }

  private static void requesting(Pod pod, String cpu) {
    pod.getSpec()
        .getContainers()
        .getFirst()
        .setResources(
            new ResourceRequirementsBuilder().addToRequests("cpu", new Quantity(cpu)).build());
  }
}
