package io.camelvk.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProviderSettingsTest {

  @Test
  void eachConfigurationFileIsAPropertyForTheRoutesOfItsProvider() {
    ProviderSettings settings =
        ProviderSettings.only("web", Optional.of(Path.of("/etc/vk/web.yaml")))
            .withConfigFile("other", Path.of("/etc/vk/other.json"));

    assertThat(settings.configFileProperties())
        .isEqualTo(
            Map.of(
                "vk.provider.web.config", "/etc/vk/web.yaml",
                "vk.provider.other.config", "/etc/vk/other.json"));
  }
}
