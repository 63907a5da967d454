package io.camelvk.provider.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camelvk.provider.NodeProfile;
import io.camelvk.provider.ProviderCapability;
import io.camelvk.provider.volume.VolumeKind;
import io.fabric8.kubernetes.api.model.NodeAddress;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Taint;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class ProviderRepliesTest {

  private static final String RUNNING_JSON = "{\"phase\":\"Running\",\"podIP\":\"192.0.2.7\"}";

  @Test
  void aPodStatusIsTakenAsItIs() {
    PodStatus status = new PodStatusBuilder().withPhase("Running").build();
    assertThat(ProviderReplies.status(status)).containsSame(status);
  }

  static Stream<Object> runningStatusBodies() {
    return Stream.of(
        RUNNING_JSON,
        RUNNING_JSON.getBytes(StandardCharsets.UTF_8),
        stream(RUNNING_JSON),
        Map.of("phase", "Running", "podIP", "192.0.2.7"));
  }

  @ParameterizedTest
  @MethodSource("runningStatusBodies")
  void aStatusIsReadFromJsonTextBytesAStreamOrAMap(Object body) {
    assertThat(ProviderReplies.status(body))
        .hasValueSatisfying(
            s -> {
              assertThat(s.getPhase()).isEqualTo("Running");
              assertThat(s.getPodIP()).isEqualTo("192.0.2.7");
            });
  }

  static Stream<Object> emptyBodies() {
    return Stream.of("", "  \n", new byte[0], stream(""));
  }

  @ParameterizedTest
  @NullSource
  @MethodSource("emptyBodies")
  void noBodyOrABlankOneIsNoStatusNoPodsAndTheDefaultProfile(Object body) {
    assertThat(ProviderReplies.status(body)).isEmpty();
    assertThat(ProviderReplies.pods(body)).isEmpty();
    assertThat(ProviderReplies.node(body)).isEqualTo(NodeProfile.DEFAULT);
  }

  @Test
  void podsAreAListOfPodsAJsonArrayOrAPodList() {
    Pod web =
        new PodBuilder().withNewMetadata().withName("web").withUid("u1").endMetadata().build();
    String array = "[{\"metadata\":{\"name\":\"web\",\"uid\":\"u1\"}}]";

    assertThat(ProviderReplies.pods(List.of(web))).containsExactly(web);
    assertThat(ProviderReplies.pods(array)).containsExactly(web);
    assertThat(ProviderReplies.pods(" \n" + array)).containsExactly(web);
    assertThat(ProviderReplies.pods("{\"kind\":\"PodList\",\"items\":" + array + "}"))
        .containsExactly(web);
    assertThat(
            ProviderReplies.pods(List.of(Map.of("metadata", Map.of("name", "web", "uid", "u1")))))
        .containsExactly(web);
  }

  @Test
  void aNodeProfileInJsonKeepsTheDefaultsOfTheCapacityItLeavesOut() {
    NodeProfile profile =
        ProviderReplies.node(
            "{\"capacity\":{\"cpu\":\"4\",\"nvidia.com/gpu\":\"2\"},"
                + "\"conditions\":[{\"type\":\"Ready\",\"status\":\"False\"}]}");

    assertThat(profile.capacity())
        .containsEntry("cpu", new Quantity("4"))
        .containsEntry("nvidia.com/gpu", new Quantity("2"))
        .containsEntry("memory", NodeProfile.DEFAULT.capacity().get("memory"))
        .containsEntry("pods", NodeProfile.DEFAULT.capacity().get("pods"))
        .containsEntry(
            "ephemeral-storage", NodeProfile.DEFAULT.capacity().get("ephemeral-storage"));
    assertThat(profile.allocatable()).isEmpty();
    assertThat(profile.conditions())
        .singleElement()
        .satisfies(c -> assertThat(c.getStatus()).isEqualTo("False"));
    assertThat(profile.operatingSystemImage())
        .isEqualTo(NodeProfile.DEFAULT.operatingSystemImage());
    NodeProfile given = new NodeProfile(Map.of(), Map.of(), List.of(), "backend");
    assertThat(ProviderReplies.node(given)).isSameAs(given);
  }

  @Test
  void aProfileInJsonMayNameAddressesAndHasNoneWithout() {
    NodeProfile profile =
        ProviderReplies.node(
            "{\"addresses\":[{\"type\":\"ExternalIP\",\"address\":\"203.0.113.7\"}]}");

    assertThat(profile.addresses()).containsExactly(new NodeAddress("203.0.113.7", "ExternalIP"));
    assertThat(ProviderReplies.node("{}").addresses()).isEmpty();
  }

  @Test
  void aProfileInJsonMayNameTaintsAndOneWithAnEffectTheApiServerRefusesIsRefused() {
    NodeProfile profile =
        ProviderReplies.node(
            "{\"taints\":[{\"key\":\"example.com/gpu\",\"value\":\"a100\","
                + "\"effect\":\"NoSchedule\"}]}");

    assertThat(profile.taints())
        .containsExactly(new Taint("NoSchedule", "example.com/gpu", null, "a100"));
    assertThat(ProviderReplies.node("{}").taints()).isEmpty();
    assertThatThrownBy(
            () -> ProviderReplies.node("{\"taints\":[{\"key\":\"x\",\"effect\":\"NoRun\"}]}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("taint x")
        .hasMessageContaining("NoRun")
        .hasMessageContaining("NoSchedule, PreferNoSchedule, NoExecute");
    assertThatThrownBy(() -> ProviderReplies.node("{\"taints\":[{\"effect\":\"NoSchedule\"}]}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no key");
  }

  @Test
  void aProfileNamesTheVolumeKindsItServesBesidesTheDefaultOnesAndATypoIsRefused() {
    NodeProfile profile =
        ProviderReplies.node("{\"additionalVolumeKinds\": [\"persistentVolumeClaim\", \"csi\"]}");

    assertThat(profile.additionalVolumeKinds())
        .containsExactlyInAnyOrder(VolumeKind.PERSISTENT_VOLUME_CLAIM, VolumeKind.CSI);
    assertThat(profile.serves(VolumeKind.PERSISTENT_VOLUME_CLAIM)).isTrue();
    assertThat(profile.serves(VolumeKind.SECRET)).isTrue();
    assertThat(profile.serves(VolumeKind.HOST_PATH)).isFalse();
    assertThat(NodeProfile.DEFAULT.serves(VolumeKind.PERSISTENT_VOLUME_CLAIM)).isFalse();
    assertThatThrownBy(() -> ProviderReplies.node("{\"additionalVolumeKinds\": [\"hostpth\"]}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'hostpth' is no volume type of a pod spec");
  }

  @Test
  void logsAreAStreamOfTheBodysBytesOrText() throws Exception {
    InputStream given = stream("a\n");
    assertThat(ProviderReplies.logs(given)).isSameAs(given);
    assertThat(ProviderReplies.logs("b\n").readAllBytes()).asString().isEqualTo("b\n");
    assertThat(ProviderReplies.logs("c\n".getBytes(StandardCharsets.UTF_8)).readAllBytes())
        .asString()
        .isEqualTo("c\n");
    assertThat(ProviderReplies.logs(null).readAllBytes()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"logs,notifies", "logs notifies", " LOGS , Notifies\n"})
  void capabilitiesAreTextSeparatedByCommasOrSpaces(String body) {
    assertThat(ProviderReplies.capabilities("web", body))
        .containsExactlyInAnyOrder(ProviderCapability.LOGS, ProviderCapability.NOTIFIES);
  }

  @Test
  void capabilitiesAreAListOfNamesOrOfValues() {
    assertThat(ProviderReplies.capabilities("web", List.of("port-forward", "exec")))
        .containsExactlyInAnyOrder(ProviderCapability.PORT_FORWARD, ProviderCapability.EXEC);
    assertThat(ProviderReplies.capabilities("web", Set.of(ProviderCapability.STATS)))
        .containsExactly(ProviderCapability.STATS);
    assertThat(ProviderReplies.capabilities("web", null)).isEmpty();
    assertThat(
            ProviderReplies.capabilities("web", "logs,notifies".getBytes(StandardCharsets.UTF_8)))
        .containsExactlyInAnyOrder(ProviderCapability.LOGS, ProviderCapability.NOTIFIES);
    assertThat(
            ProviderReplies.capabilities(
                "web", new ByteArrayInputStream("logs".getBytes(StandardCharsets.UTF_8))))
        .containsExactly(ProviderCapability.LOGS);
    assertThat(ProviderReplies.capabilities("web", "")).isEmpty();
  }

  @Test
  void anUnknownCapabilityIsRefusedNamingItAndTheProvider() {
    assertThatThrownBy(() -> ProviderReplies.capabilities("web", "logs, port_forward"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "provider web declares the unknown capability 'port_forward'"
                + " (known: logs, exec, attach, port-forward, stats, notifies, volumes)");
    assertThatThrownBy(() -> ProviderReplies.capabilities("web", List.of("shell")))
        .hasMessageContaining("'shell'");
  }

  private static InputStream stream(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }
}
