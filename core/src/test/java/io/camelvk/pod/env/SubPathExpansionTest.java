package io.camelvk.pod.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubPathExpansionTest {

  private final List<EnvVar> env = List.of(new EnvVar("POD_NAME", "web-1", null));

  @Test
  void aSubPathExprBecomesASubPathWithTheContainersVariables() {
    VolumeMount plain = mount("plain", null);

    List<VolumeMount> expanded =
        SubPathExpansion.expand(
            "app", List.of(plain, mount("logs", "$(POD_NAME)/logs/$(UNKNOWN)")), env);

    assertThat(expanded.get(0)).isSameAs(plain);
    assertThat(expanded.get(1).getSubPath()).isEqualTo("web-1/logs/$(UNKNOWN)");
    assertThat(expanded.get(1).getSubPathExpr()).isNull();
  }

  @Test
  void mountsWithoutASubPathExprAreGivenBackAsTheyAre() {
    List<VolumeMount> mounts = List.of(mount("plain", null));

    assertThat(SubPathExpansion.expand("app", mounts, env)).isSameAs(mounts);
  }

  @Test
  void anExpandedPathThatLeavesTheVolumeIsRefusedWithTheKubeletsMessage() {
    assertThatThrownBy(
            () -> SubPathExpansion.expand("app", List.of(mount("logs", "../$(POD_NAME)")), env))
        .hasMessage(
            "failed to prepare subPath for volumeMount \"logs\" of container \"app\": subpath"
                + " \"../web-1\" must not contain '..'");
    assertThatThrownBy(() -> SubPathExpansion.expand("app", List.of(mount("logs", "/etc")), env))
        .hasMessageEndingWith("subpath \"/etc\" must be a relative path");
  }

  private static VolumeMount mount(String name, String subPathExpr) {
    return new VolumeMountBuilder()
        .withName(name)
        .withMountPath("/var/" + name)
        .withSubPathExpr(subPathExpr)
        .build();
  }
}
