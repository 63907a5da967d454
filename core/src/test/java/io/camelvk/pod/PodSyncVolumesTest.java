package io.camelvk.pod;

import static io.camelvk.pod.PodSyncFixture.pod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camelvk.pod.SyncPlan.Operation;
import io.camelvk.provider.mapping.ProviderChoice;
import io.camelvk.provider.volume.PodVolumes;
import io.camelvk.provider.volume.ResolvedVolume;
import io.camelvk.test.ApiServerStub.Reply;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link PodSync} and a pod's volumes: written for a provider that takes them, waited for when
 * missing, refused when the provider does not serve their kind, given again when their files
 * change.
 */
class PodSyncVolumesTest {

  private final PodSyncFixture vk = new PodSyncFixture();

  @BeforeEach
  void acceptStatusWrites() {
    vk.api.answer("PATCH", "/api/v1/namespaces/ns/pods/web/status", Reply.echo(200));
    vk.placement.use((pod, requests) -> ProviderChoice.of("files"));
  }

  @AfterEach
  void stop() {
    vk.close();
  }

  @Test
  void aProviderThatTakesVolumesGetsTheirFilesBeforeThePod() {
    putConfigMap("app", "blue");

    SyncPlan plan = vk.sync.plan(vk.cached(withConfigVolume()));
    vk.sync.callProvider(plan);

    assertThat(plan.operation()).isEqualTo(Operation.CREATE);
    assertThat(vk.files.calls()).containsExactly("mount web", "create web");
    assertThat(colour(vk.files.volumes().getLast())).isEqualTo("blue");
  }

  @Test
  void aMissingConfigMapKeepsThePodContainerCreatingWithFailedMountUntilItAppears() {
    PodKey key = vk.cached(withConfigVolume());

    SyncPlan blocked = vk.sync.plan(key);

    assertThat(blocked.operation()).isEqualTo(Operation.BLOCKED);
    assertThat(blocked.reason()).isEqualTo("ContainerCreating");
    assertThat(blocked.message()).isNull();
    await()
        .untilAsserted(
            () ->
                assertThat(vk.events("FailedMount"))
                    .containsExactly(
                        "MountVolume.SetUp failed for volume \"config\" : configmap \"app\" not"
                            + " found"));

    putConfigMap("app", "blue");
    assertThat(vk.sync.plan(key).operation()).isEqualTo(Operation.CREATE);
  }

  @Test
  void aVolumeKindTheProviderDoesNotServeIsRefusedWithAnEventAndAWaitingReason() {
    vk.placement.use((pod, requests) -> ProviderChoice.of("big"));
    Pod hostPath =
        pod("web", "u1")
            .editSpec()
            .addToVolumes(
                new VolumeBuilder().withName("logs").withNewHostPath("/var/log", null).build())
            .endSpec()
            .build();

    SyncPlan plan = vk.sync.plan(vk.cached(hostPath));

    assertThat(plan.operation()).isEqualTo(Operation.BLOCKED);
    assertThat(plan.reason()).isEqualTo("FailedMount");
    assertThat(plan.message())
        .isEqualTo(
            "MountVolume.SetUp failed for volume \"logs\" : provider big does not serve hostPath"
                + " volumes (it serves configMap, downwardAPI, emptyDir, projected, secret)");
    await()
        .untilAsserted(() -> assertThat(vk.events("FailedMount")).containsExactly(plan.message()));
  }

  @Test
  void aProviderThatTakesNoVolumesGetsNoneAndIsNotHeldByTheirSources() {
    vk.placement.use((pod, requests) -> ProviderChoice.of("big"));

    SyncPlan plan = vk.sync.plan(vk.cached(withConfigVolume()));

    assertThat(plan.operation()).isEqualTo(Operation.CREATE);
    assertThat(plan.providerVolumes()).isNull();
    assertThat(vk.tokenRequests).isEmpty();
  }

  @Test
  void aChangedConfigMapUpdatesTheRunningPodWithItsNewFilesAndAnUnchangedOneDoesNot() {
    putConfigMap("app", "blue");
    PodKey key = run(withConfigVolume());
    assertThat(vk.sync.plan(key).operation()).isEqualTo(Operation.STATUS);

    putConfigMap("app", "green");
    SyncPlan update = vk.sync.plan(key);
    vk.sync.callProvider(update);
    vk.sync.complete(update);

    assertThat(update.operation()).isEqualTo(Operation.UPDATE);
    assertThat(vk.files.calls()).endsWith("mount web", "update web");
    assertThat(colour(vk.files.volumes().getLast())).isEqualTo("green");
    assertThat(vk.sync.plan(key).operation()).isEqualTo(Operation.STATUS);
  }

  @Test
  void aChangedLabelThatADownwardApiFileShowsUpdatesTheRunningPod() {
    Pod labelled =
        pod("web", "u1")
            .editMetadata()
            .withLabels(Map.of("tier", "front"))
            .endMetadata()
            .editSpec()
            .addToVolumes(
                new VolumeBuilder()
                    .withName("info")
                    .withNewDownwardAPI()
                    .addNewItem()
                    .withPath("labels")
                    .withNewFieldRef()
                    .withFieldPath("metadata.labels")
                    .endFieldRef()
                    .endItem()
                    .endDownwardAPI()
                    .build())
            .endSpec()
            .build();
    PodKey key = run(labelled);

    labelled.getMetadata().setLabels(Map.of("tier", "back"));
    SyncPlan update = vk.sync.plan(vk.cached(labelled));

    assertThat(update.operation()).isEqualTo(Operation.UPDATE);
    assertThat(file(update.providerVolumes(), "labels")).isEqualTo("tier=\"back\"");
  }

  @Test
  void aConfigMapThatVanishesLeavesTheRunningPodTheFilesItHas() {
    putConfigMap("app", "blue");
    PodKey key = run(withConfigVolume());

    vk.configMaps.clear();

    assertThat(vk.sync.plan(key).operation()).isEqualTo(Operation.STATUS);
  }

  @Test
  void aProjectedTokenIsAskedAgainAtEightyPercentOfItsLifetime() {
    Pod pod =
        pod("web", "u1")
            .editSpec()
            .addToVolumes(
                new VolumeBuilder()
                    .withName("token")
                    .withNewProjected()
                    .addNewSource()
                    .withNewServiceAccountToken()
                    .withExpirationSeconds(600L)
                    .withPath("token")
                    .endServiceAccountToken()
                    .endSource()
                    .endProjected()
                    .build())
            .endSpec()
            .build();
    PodKey key = run(pod);
    vk.clock.advance(Duration.ofSeconds(479));
    assertThat(vk.sync.plan(key).operation()).isEqualTo(Operation.STATUS);

    vk.clock.advance(Duration.ofSeconds(1));
    SyncPlan refresh = vk.sync.plan(key);

    assertThat(refresh.operation()).isEqualTo(Operation.UPDATE);
    assertThat(file(refresh.providerVolumes(), "token")).isEqualTo("token-2");
    assertThat(vk.tokenRequests).hasSize(2);
  }

  @Test
  void aPodAdoptedAtStartUpIsGivenItsVolumesAtItsFirstSync() {
    putConfigMap("app", "blue");
    Pod web = withConfigVolume();
    PodKey key = vk.cached(web);
    vk.tracker.running(key, "files", web);

    SyncPlan plan = vk.sync.plan(key);

    assertThat(plan.operation()).isEqualTo(Operation.UPDATE);
    assertThat(colour(plan.providerVolumes())).isEqualTo("blue");
  }

  /** Creates the pod on its provider, as a whole sync does. */
  private PodKey run(Pod pod) {
    PodKey key = vk.cached(pod);
    SyncPlan create = vk.sync.plan(key);
    assertThat(create.operation()).isEqualTo(Operation.CREATE);
    vk.sync.callProvider(create);
    vk.sync.complete(create);
    return key;
  }

  private static Pod withConfigVolume() {
    return pod("web", "u1")
        .editSpec()
        .addToVolumes(
            new VolumeBuilder()
                .withName("config")
                .withNewConfigMap()
                .withName("app")
                .endConfigMap()
                .build())
        .endSpec()
        .build();
  }

  private void putConfigMap(String name, String colour) {
    vk.configMaps.put(
        "ns/" + name,
        new ConfigMapBuilder()
            .withNewMetadata()
            .withNamespace("ns")
            .withName(name)
            .endMetadata()
            .withData(Map.of("colour", colour))
            .build());
  }

  private static String colour(PodVolumes volumes) {
    return file(volumes, "colour");
  }

  private static String file(PodVolumes volumes, String path) {
    ResolvedVolume volume = volumes.volumes().getFirst();
    return volume.files().stream()
        .filter(f -> f.path().equals(path))
        .map(f -> new String(f.bytes(), StandardCharsets.UTF_8))
        .findFirst()
        .orElseThrow();
  }
}
