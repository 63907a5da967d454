package io.camelvk.providers.mock;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelvk.config.ProviderSettings;
import io.camelvk.provider.runtime.ProviderSet;
import io.camelvk.providers.mock.pod.PodBehaviour;
import io.camelvk.test.contract.ProviderContract;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The provider contract, on a mock whose pods outlive its process ({@code stateDir}). */
class MockProviderContractTest extends ProviderContract {

  @TempDir static Path dir;
  private static Path config;

  @BeforeAll
  static void persistentBackend() throws IOException {
    config =
        Files.writeString(dir.resolve("mock.json"), "{\"default\": {\"stateDir\": \"state\"}}");
  }

  /** Its container exits a second after it starts. */
  @Override
  protected Pod changingPod(String name) {
    return new PodBuilder(pod(name))
        .editMetadata()
        .addToAnnotations(PodBehaviour.EXIT_AFTER, "1s")
        .endMetadata()
        .build();
  }

  /** Every port of a mock pod is an echo service. */
  @Override
  protected void checkForwarded(byte[] sent, byte[] received) {
    assertThat(received).isEqualTo(sent);
  }

  @Override
  protected ProviderSet newProcess() {
    return ProviderSet.create(
        ProviderSettings.only(MockProvider.NAME, Optional.of(config)),
        "contract-node",
        Clock.systemUTC());
  }
}
