package io.camelvk.providers.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Quantity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MockProviderConfigTest {

  @TempDir Path dir;

  @Test
  void jsonKeyedByNodeNameWithExtendedResources() throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("c.json"),
            "{\"vk-1\": {\"cpu\": \"2\", \"memory\": \"32Gi\", \"pods\": \"128\", \"nvidia.com/gpu\": \"4\"}}");
    var capacity = MockProviderConfig.load(Optional.of(file), "vk-1").nodeProfile().capacity();
    assertThat(capacity)
        .containsEntry("cpu", new Quantity("2"))
        .containsEntry("nvidia.com/gpu", new Quantity("4"))
        .containsEntry("pods", new Quantity("128"))
        .containsKey("ephemeral-storage");
  }

  @Test
  void yamlWithADefaultSectionForOtherNodes() throws Exception {
    Path file =
        Files.writeString(dir.resolve("c.yaml"), "default:\n  cpu: \"8\"\nother:\n  cpu: \"1\"\n");
    assertThat(MockProviderConfig.load(Optional.of(file), "vk-2").nodeProfile().capacity())
        .containsEntry("cpu", new Quantity("8"));
  }

  @Test
  void noFileMeansTheDefaults() {
    assertThat(MockProviderConfig.load(Optional.empty(), "x").nodeProfile().capacity())
        .containsKeys("cpu", "memory", "pods");
  }

  @Test
  void badFilesFailWithOneLineNamingFileAndProblem() throws Exception {
    Path notJson = Files.writeString(dir.resolve("bad.json"), "{ nope");
    Path badQuantity =
        Files.writeString(dir.resolve("q.json"), "{\"default\": {\"cpu\": \"lots\"}}");
    Path negative =
        Files.writeString(dir.resolve("n.json"), "{\"default\": {\"memory\": \"-1Gi\"}}");
    Path list = Files.writeString(dir.resolve("l.json"), "[1, 2]");
    assertThatThrownBy(() -> MockProviderConfig.load(Optional.of(notJson), "x"))
        .hasMessageStartingWith(notJson.toString())
        .hasMessageNotContaining("\n");
    assertThatThrownBy(() -> MockProviderConfig.load(Optional.of(badQuantity), "x"))
        .hasMessageContaining("cpu")
        .hasMessageContaining("lots");
    assertThatThrownBy(() -> MockProviderConfig.load(Optional.of(negative), "x"))
        .hasMessageContaining("memory");
    assertThatThrownBy(() -> MockProviderConfig.load(Optional.of(list), "x"))
        .hasMessageContaining("keyed by node name");
  }
}
