package io.camelvk.pod.volume;

import static io.camelvk.pod.volume.VolumeSources.file;
import static io.camelvk.pod.volume.VolumeSources.modes;
import static io.camelvk.pod.volume.VolumeSources.texts;
import static org.assertj.core.api.Assertions.assertThat;

import io.camelvk.provider.volume.ResolvedVolume;
import io.camelvk.provider.volume.VolumeKind;
import io.camelvk.test.TestPods;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceFieldSelector;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The kubelet's rules for the files of configMap, secret, downwardAPI and emptyDir volumes. */
class PodVolumeResolverTest {

  private final VolumeSources sources = new VolumeSources();

  @Test
  void everyKeyOfAConfigMapIsAFileWithTheDefaultMode() {
    sources.configMap("app", Map.of("colour", "blue", "size", "10"));

    ResolvedVolume config = resolveOne(configMap("config", "app", null, null, null));

    assertThat(config.kind()).isEqualTo(VolumeKind.CONFIG_MAP);
    assertThat(texts(config)).containsExactly(Map.entry("colour", "blue"), Map.entry("size", "10"));
    assertThat(modes(config)).containsValues("644");
  }

  @Test
  void itemsChooseKeysPathsAndModesAndTheVolumeModeAppliesToTheRest() {
    sources.configMap("app", Map.of("colour", "blue", "size", "10", "unused", "x"));

    ResolvedVolume config =
        resolveOne(
            configMap(
                "config",
                "app",
                List.of(item("colour", "nested/colour.txt", 0400), item("size", "size", null)),
                0440,
                null));

    assertThat(texts(config))
        .containsExactly(Map.entry("nested/colour.txt", "blue"), Map.entry("size", "10"));
    assertThat(modes(config))
        .containsExactly(Map.entry("nested/colour.txt", "400"), Map.entry("size", "440"));
  }

  @Test
  void binaryDataKeepsItsBytes() {
    byte[] bytes = {0, (byte) 0xff, 10, 13};
    sources.binaryConfigMap("blob", Map.of("raw", bytes));

    ResolvedVolume blob = resolveOne(configMap("blob", "blob", null, null, null));

    assertThat(file(blob, "raw").bytes()).isEqualTo(bytes);
  }

  @Test
  void aMissingConfigMapFailsTheVolumeWithTheKubeletsMessage() {
    VolumeResolution resolution = resolve(configMap("config", "app-config", null, null, null));

    assertThat(resolution.failed()).isTrue();
    assertThat(resolution.failure().orElseThrow().message())
        .isEqualTo(
            "MountVolume.SetUp failed for volume \"config\" : configmap \"app-config\" not found");
  }

  @Test
  void aMissingOptionalConfigMapIsAnEmptyVolume() {
    ResolvedVolume config = resolveOne(configMap("config", "absent", null, null, true));

    assertThat(config.files()).isEmpty();
  }

  @Test
  void aMissingKeyFailsTheVolumeUnlessItIsOptional() {
    sources.configMap("app", Map.of("colour", "blue"));
    List<KeyToPath> items = List.of(item("size", "size", null), item("colour", "colour", null));

    assertThat(
            resolve(configMap("config", "app", items, null, null)).failure().orElseThrow().reason())
        .isEqualTo("configmap references non-existent config key: size");
    assertThat(texts(resolveOne(configMap("config", "app", items, null, true))))
        .containsExactly(Map.entry("colour", "blue"));
  }

  @Test
  void aSecretsValuesArriveDecodedAndAMissingOneSaysSecret() {
    sources.secret("credentials", Map.of("password", "s3cr3t"));

    ResolvedVolume secret = resolveOne(secret("creds", "credentials", null, null));

    assertThat(secret.kind()).isEqualTo(VolumeKind.SECRET);
    assertThat(texts(secret)).containsExactly(Map.entry("password", "s3cr3t"));
    assertThat(resolve(secret("creds", "absent", null, null)).failure().orElseThrow().reason())
        .isEqualTo("secret \"absent\" not found");
    assertThat(
            resolve(secret("creds", "credentials", List.of(item("user", "user", null)), null))
                .failure()
                .orElseThrow()
                .reason())
        .isEqualTo("references non-existent secret key: user");
  }

  @Test
  void neitherAVolumeNorItsToStringShowsASecretsBytes() {
    sources.secret("credentials", Map.of("password", "s3cr3t"));

    VolumeResolution resolution = resolve(secret("creds", "credentials", null, null));

    assertThat(resolution.volumes().toString())
        .contains("creds", "password", "6 bytes")
        .doesNotContain("s3cr3t");
  }

  @Test
  void downwardApiFilesHoldTheFieldsAndLabelsInTheKubeletsFormat() {
    Pod pod =
        TestPods.named("ns", "web", "u1")
            .editMetadata()
            .withLabels(Map.of("tier", "front", "app", "web \"quoted\""))
            .endMetadata()
            .editSpec()
            .addToVolumes(
                new VolumeBuilder()
                    .withName("info")
                    .withNewDownwardAPI()
                    .withDefaultMode(0600)
                    .addNewItem()
                    .withPath("labels")
                    .withNewFieldRef()
                    .withFieldPath("metadata.labels")
                    .endFieldRef()
                    .endItem()
                    .addNewItem()
                    .withPath("name")
                    .withMode(0444)
                    .withNewFieldRef()
                    .withFieldPath("metadata.name")
                    .endFieldRef()
                    .endItem()
                    .addNewItem()
                    .withPath("tier")
                    .withNewFieldRef()
                    .withFieldPath("metadata.labels['tier']")
                    .endFieldRef()
                    .endItem()
                    .endDownwardAPI()
                    .build())
            .endSpec()
            .build();

    ResolvedVolume info = only(sources.resolver.resolve(pod, Map.of()));

    assertThat(texts(info))
        .containsExactly(
            Map.entry("labels", "app=\"web \\\"quoted\\\"\"\ntier=\"front\""),
            Map.entry("name", "web"),
            Map.entry("tier", "front"));
    assertThat(modes(info))
        .containsExactly(
            Map.entry("labels", "600"), Map.entry("name", "444"), Map.entry("tier", "600"));
  }

  @Test
  void aResourceFieldRefIsInUnitsOfItsDivisorAndAnUnsetLimitIsTheAllocatable() {
    Pod pod =
        TestPods.named("ns", "web", "u1")
            .editSpec()
            .editFirstContainer()
            .withNewResources()
            .addToLimits("memory", new Quantity("64Mi"))
            .endResources()
            .endContainer()
            .addToVolumes(
                new VolumeBuilder()
                    .withName("limits")
                    .withNewDownwardAPI()
                    .addNewItem()
                    .withPath("memory")
                    .withResourceFieldRef(
                        new ResourceFieldSelector("app", new Quantity("1Mi"), "limits.memory"))
                    .endItem()
                    .addNewItem()
                    .withPath("cpu")
                    .withResourceFieldRef(
                        new ResourceFieldSelector("app", new Quantity("1m"), "limits.cpu"))
                    .endItem()
                    .endDownwardAPI()
                    .build())
            .endSpec()
            .build();

    ResolvedVolume limits = only(sources.resolver.resolve(pod, Map.of("cpu", new Quantity("4"))));

    assertThat(texts(limits)).containsExactly(Map.entry("cpu", "4000"), Map.entry("memory", "64"));
  }

  @Test
  void anEmptyDirHasNoFiles() {
    ResolvedVolume scratch =
        resolveOne(new VolumeBuilder().withName("scratch").withNewEmptyDir().endEmptyDir().build());

    assertThat(scratch.kind()).isEqualTo(VolumeKind.EMPTY_DIR);
    assertThat(scratch.files()).isEmpty();
  }

  @Test
  void theSameFilesGiveTheSameDigestAndAChangedByteAnother() {
    sources.configMap("app", Map.of("colour", "blue"));
    long blue = resolve(configMap("config", "app", null, null, null)).digest();
    assertThat(resolve(configMap("config", "app", null, null, null)).digest()).isEqualTo(blue);

    sources.configMap("app", Map.of("colour", "bluE"));

    assertThat(resolve(configMap("config", "app", null, null, null)).digest()).isNotEqualTo(blue);
  }

  private VolumeResolution resolve(Volume volume) {
    return sources.resolver.resolve(
        TestPods.named("ns", "web", "u1").editSpec().addToVolumes(volume).endSpec().build(),
        Map.of());
  }

  private ResolvedVolume resolveOne(Volume volume) {
    return only(resolve(volume));
  }

  static ResolvedVolume only(VolumeResolution resolution) {
    assertThat(resolution.failure()).isEmpty();
    assertThat(resolution.volumes().volumes()).hasSize(1);
    return resolution.volumes().volumes().getFirst();
  }

  static KeyToPath item(String key, String path, Integer mode) {
    return new KeyToPath(key, mode, path);
  }

  static Volume configMap(
      String volume, String name, List<KeyToPath> items, Integer mode, Boolean optional) {
    return new VolumeBuilder()
        .withName(volume)
        .withNewConfigMap()
        .withName(name)
        .withItems(items)
        .withDefaultMode(mode)
        .withOptional(optional)
        .endConfigMap()
        .build();
  }

  static Volume secret(String volume, String name, List<KeyToPath> items, Boolean optional) {
    return new VolumeBuilder()
        .withName(volume)
        .withNewSecret()
        .withSecretName(name)
        .withItems(items)
        .withOptional(optional)
        .endSecret()
        .build();
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
