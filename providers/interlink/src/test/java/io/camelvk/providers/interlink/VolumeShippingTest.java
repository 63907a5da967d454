package io.camelvk.providers.interlink;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelvk.provider.volume.PodVolumes;
import io.camelvk.provider.volume.ResolvedVolume;
import io.camelvk.provider.volume.VolumeFile;
import io.camelvk.provider.volume.VolumeKind;
import io.camelvk.providers.interlink.wire.RetrievedContainer;
import io.camelvk.providers.interlink.wire.RetrievedPodData;
import io.camelvk.test.TestPods;
import io.fabric8.kubernetes.api.model.Pod;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VolumeShippingTest {

  private static final Pod POD =
      TestPods.named("ns", "web", "uid-1")
          .editSpec()
          .addNewVolume()
          .withName("config")
          .withNewConfigMap()
          .withName("settings")
          .addNewItem()
          .withKey("app.conf")
          .withPath("conf/app.conf")
          .endItem()
          .endConfigMap()
          .endVolume()
          .addNewVolume()
          .withName("creds")
          .withNewSecret()
          .withSecretName("db")
          .endSecret()
          .endVolume()
          .addNewVolume()
          .withName("kube-api-access")
          .withNewProjected()
          .endProjected()
          .endVolume()
          .addNewVolume()
          .withName("podinfo")
          .withNewDownwardAPI()
          .addNewItem()
          .withPath("name")
          .withNewFieldRef()
          .withFieldPath("metadata.name")
          .endFieldRef()
          .endItem()
          .endDownwardAPI()
          .endVolume()
          .addNewInitContainer()
          .withName("setup")
          .addNewVolumeMount()
          .withName("creds")
          .withMountPath("/creds")
          .endVolumeMount()
          .endInitContainer()
          .editFirstContainer()
          .addNewVolumeMount()
          .withName("config")
          .withMountPath("/etc/app")
          .endVolumeMount()
          .addNewVolumeMount()
          .withName("kube-api-access")
          .withMountPath("/var/run/secrets/kubernetes.io/serviceaccount")
          .endVolumeMount()
          .addNewVolumeMount()
          .withName("podinfo")
          .withMountPath("/podinfo")
          .endVolumeMount()
          .endContainer()
          .endSpec()
          .build();

  private static final PodVolumes VOLUMES =
      new PodVolumes(
          List.of(
              volume("config", VolumeKind.CONFIG_MAP, "conf/app.conf", "port=80\n"),
              volume("creds", VolumeKind.SECRET, "password", "s3cret"),
              new ResolvedVolume(
                  "kube-api-access",
                  VolumeKind.PROJECTED,
                  List.of(file("token", "eyJ"), file("ca.crt", "-----BEGIN\nX\n-----END\n"))),
              volume("podinfo", VolumeKind.DOWNWARD_API, "name", "web")));

  @Test
  void aPluginGetsEachContainersVolumesInitContainersFirst() {
    RetrievedPodData data = VolumeShipping.ship(POD, VOLUMES).forPlugin(POD);

    assertThat(data.containers())
        .extracting(RetrievedContainer::name)
        .containsExactly("setup", "app");
    RetrievedContainer setup = data.containers().getFirst();
    assertThat(setup.secrets())
        .singleElement()
        .satisfies(s -> assertThat(s.getMetadata().getName()).isEqualTo("db"));
    assertThat(setup.configMaps()).isEmpty();
    RetrievedContainer app = data.containers().get(1);
    assertThat(app.configMaps())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.getMetadata().getName()).isEqualTo("settings");
              assertThat(c.getData()).isEqualTo(Map.of("app.conf", "port=80\n"));
            });
    assertThat(app.projectedVolumeMaps())
        .extracting(c -> c.getMetadata().getName())
        .containsExactly("kube-api-access", "podinfo");
  }

  @Test
  void secretsAreBase64AndProjectedMapsAreKeyedByPathWithTheirNewlines() {
    ShippedVolumes shipped = VolumeShipping.ship(POD, VOLUMES);

    assertThat(shipped.secrets().get("creds").getData().get("password"))
        .isEqualTo(Base64.getEncoder().encodeToString("s3cret".getBytes(StandardCharsets.UTF_8)));
    assertThat(shipped.projected().get("kube-api-access").getData())
        .containsEntry("token", "eyJ")
        .containsEntry("ca.crt", "-----BEGIN\nX\n-----END\n");
  }

  @Test
  void anApiServerGetsThePodsObjectsWhole() {
    var request = VolumeShipping.ship(POD, VOLUMES).forApiServer(POD);

    assertThat(request.configMaps())
        .extracting(c -> c.getMetadata().getName())
        .containsExactly("settings");
    assertThat(request.secrets()).extracting(s -> s.getMetadata().getName()).containsExactly("db");
    assertThat(request.projectedVolumeMaps()).hasSize(2);
  }

  @Test
  void aDownwardApiVolumeIsShownAsAProjectedOneAsInterlinkRewritesIt() {
    Pod sent = VolumeShipping.downwardApiAsProjected(POD);

    var podinfo =
        sent.getSpec().getVolumes().stream()
            .filter(v -> v.getName().equals("podinfo"))
            .findFirst()
            .orElseThrow();
    assertThat(podinfo.getDownwardAPI()).isNull();
    assertThat(podinfo.getProjected().getSources().getFirst().getDownwardAPI().getItems())
        .extracting(i -> i.getPath())
        .containsExactly("name");
  }

  private static ResolvedVolume volume(String name, VolumeKind kind, String path, String content) {
    return new ResolvedVolume(name, kind, List.of(file(path, content)));
  }

  private static VolumeFile file(String path, String content) {
    return new VolumeFile(path, content.getBytes(StandardCharsets.UTF_8), VolumeFile.DEFAULT_MODE);
  }
}
