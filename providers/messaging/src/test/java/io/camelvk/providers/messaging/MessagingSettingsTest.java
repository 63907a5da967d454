package io.camelvk.providers.messaging;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camelvk.config.ProviderSettings;
import io.camelvk.provider.runtime.ProviderSet;
import io.camelvk.test.contract.ProviderHarness;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Bad settings stop the provider's start with a message that names the property. */
class MessagingSettingsTest {

  @Test
  void withoutABrokerUrlTheProviderDoesNotStartAndSaysWhichPropertyIsMissing() {
    assertThatThrownBy(() -> start(Map.of()))
        .rootCause()
        .hasMessageStartingWith("vk.provider.messaging.url is not set");
  }

  @Test
  void aDurationThatIsNoneIsRefusedNamingItsProperty() {
    assertThatThrownBy(
            () ->
                start(
                    Map.of(
                        "vk.provider.messaging.url", "tcp://127.0.0.1:1",
                        "vk.provider.messaging.heartbeat-timeout", "soon")))
        .hasStackTraceContaining(
            "vk.provider.messaging.heartbeat-timeout: 'soon' is not a duration");
  }

  @Test
  void anUnknownTransportIsRefusedNamingItsProperty() {
    assertThatThrownBy(
            () ->
                start(
                    Map.of(
                        "vk.provider.messaging.url", "tcp://127.0.0.1:1",
                        "vk.provider.messaging.transport", "carrier-pigeon")))
        .rootCause()
        .hasMessage("vk.provider.messaging.transport is carrier-pigeon: it must be jms or amqp");
  }

  private static void start(Map<String, String> properties) throws Exception {
    ProviderHarness.start(
            ProviderSet.create(
                ProviderSettings.only("messaging", Optional.empty()),
                "settings-node",
                Clock.systemUTC()),
            properties)
        .close();
  }
}
