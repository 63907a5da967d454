package io.camelvk.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camelvk.provider.ContainerExec;
import io.camelvk.provider.ContainerLogs;
import io.camelvk.provider.PodStats;
import io.camelvk.provider.PodStatusNotifier;
import io.camelvk.provider.Provider;
import io.camelvk.provider.ProviderException;
import io.camelvk.providers.mock.MockProvider;
import io.camelvk.providers.mock.MockProviderConfig;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.junit.jupiter.api.Test;

class MeteredProviderTest {

  private final KubeletMetrics metrics = new KubeletMetrics();
  private final Provider provider =
      MeteredProvider.wrap(
          new MockProvider(
              MockProviderConfig.defaults(), Clock.systemUTC(), new ScheduledThreadPoolExecutor(1)),
          metrics);

  @Test
  void theCapabilitiesOfTheProviderStayVisible() {
    assertThat(provider)
        .isInstanceOf(ContainerLogs.class)
        .isInstanceOf(ContainerExec.class)
        .isInstanceOf(PodStats.class)
        .isInstanceOf(PodStatusNotifier.class);
    assertThat(provider.name()).isEqualTo("mock");
  }

  @Test
  void callsAreTimedWithTheirOutcomeAndFailuresStillThrow() {
    provider.pods();
    var refused =
        new PodBuilder()
            .withNewMetadata()
            .withNamespace("ns")
            .withName("x")
            .withUid("u")
            .withAnnotations(Map.of("mock.camelvk.io/fail-create", "true"))
            .endMetadata()
            .withNewSpec()
            .addNewContainer()
            .withName("app")
            .endContainer()
            .endSpec()
            .build();
    assertThatThrownBy(() -> provider.createPod(refused)).isInstanceOf(ProviderException.class);

    assertThat(metrics.scrape())
        .containsPattern(
            "vk_provider_call_seconds_count\\{method=\"pods\",outcome=\"ok\",provider=\"mock\"} 1")
        .containsPattern(
            "vk_provider_call_seconds_count\\{method=\"createPod\",outcome=\"invalid\",provider=\"mock\"} 1");
  }
}
