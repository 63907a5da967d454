package io.camelvk.providers.messaging;

import static org.assertj.core.api.Assertions.assertThat;
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
  void anUnknownTransportIsRefusedNamingTheThreeThereAre() {
    // Through the harness the message seen is another one (docs/providers/messaging.md, Not done
    // yet), so the transport's own check is tested here.
    assertThatThrownBy(() -> BrokerTransport.of("mqtt"))
        .hasMessage("vk.provider.messaging.transport is mqtt: it must be jms, amqp or kafka");
    assertThat(BrokerTransport.of(" Kafka ")).isEqualTo(BrokerTransport.KAFKA);
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
