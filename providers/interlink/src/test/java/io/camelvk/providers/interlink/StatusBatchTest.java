package io.camelvk.providers.interlink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camelvk.provider.ProviderException;
import io.camelvk.test.TestPods;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Against a failing plugin: one status request fails, and the workers waiting behind it fail with
 * it.
 */
class StatusBatchTest extends FakePluginFixture {

  @Test
  void aFailedBatchFailsTheWorkersThatWaitedForItWithoutAskingAgain() {
    plugin = FakePlugin.onPort(0);
    provider = provider(Map.of("status-max-age", "1h"));
    provider.createPod(TestPods.named("ns", "a", "uid-a").build());
    provider.createPod(TestPods.named("ns", "b", "uid-b").build());
    plugin.answerEverything(503);
    int before = plugin.count("/status");

    assertThatThrownBy(() -> provider.podStatus("ns", "a")).isInstanceOf(ProviderException.class);
    assertThatThrownBy(() -> provider.podStatus("ns", "b"))
        .isInstanceOf(ProviderException.class)
        .hasMessageContaining("HTTP 503");

    assertThat(plugin.count("/status") - before).isEqualTo(1);
  }
}
