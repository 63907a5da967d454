package io.camelvk.providers.interlink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camelvk.provider.NodeProfile;
import io.camelvk.provider.ProviderContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** interLink's own InterLinkConfig.yaml as the provider's configuration file. */
class InterlinkConfigFileTest extends FakePluginFixture {

  @Test
  void anInterlinkConfigurationReachesItsPluginWithItsTokenAndCapacity() throws IOException {
    Path token = Files.writeString(dir.resolve("token"), "from-the-file");
    plugin = FakePlugin.onPort(0, "--token-file", token.toString());
    String port = plugin.url().substring(plugin.url().lastIndexOf(':') + 1);
    Path config =
        Files.writeString(
            dir.resolve("InterLinkConfig.yaml"),
            """
            InterlinkURL: "http://127.0.0.1"
            InterlinkPort: "%s"
            VKTokenFile: "%s"
            KubernetesApiAddr: "https://10.0.0.1"
            Resources:
              CPU: "256"
              Memory: "1Ti"
              Pods: "5000"
            """
                .formatted(port, token));

    provider =
        (InterlinkProvider)
            new InterlinkProviderFactory()
                .create(
                    new ProviderContext(
                        "node",
                        Optional.of(config),
                        Clock.systemUTC(),
                        Map.of("state-dir", dir.resolve("state").toString())));
    NodeProfile profile = provider.nodeProfile("node");

    assertThat(ready(profile).getStatus()).isEqualTo("True");
    assertThat(profile.capacity().get("cpu").toString()).isEqualTo("256");
    assertThat(profile.capacity().get("memory").toString()).isEqualTo("1Ti");
    assertThat(profile.capacity().get("pods").toString()).isEqualTo("5000");
  }

  @Test
  void aUnixSocketTakesNoPortAndPropertiesWinOverTheFile() throws IOException {
    Path config =
        Files.writeString(
            dir.resolve("InterLinkConfig.yaml"),
            "InterlinkURL: unix:///var/run/interlink.sock\nInterlinkPort: \"3000\"\n"
                + "Resources:\n  CPU: \"8\"\n");

    Map<String, String> merged =
        InterlinkConfigFile.merged(Optional.of(config), Map.of("capacity-cpu", "16"));

    assertThat(merged)
        .containsEntry("url", "unix:///var/run/interlink.sock")
        .containsEntry("capacity-cpu", "16");
  }

  @Test
  void aCapacityThatIsNoQuantityNamesItsProperty() {
    assertThatThrownBy(() -> InterlinkProviderFactory.capacity(Map.of("capacity-memory", "lots")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("vk.provider.interlink.capacity-memory is 'lots', which is no quantity");
  }
}
