package io.camelvk.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MessagingBenchBackendTest {

  @Test
  void messagesAreCountedByDirectionAndTypeFromTheMetricsText() {
    String metrics =
        """
        # HELP vk_messaging_messages_total messages
        # TYPE vk_messaging_messages_total counter
        vk_messaging_messages_total{direction="sent",type="io.camelvk.pod.create"} 1000.0
        vk_messaging_messages_total{direction="received",type="io.camelvk.pod.status"} 1987.0
        vk_messaging_messages_total_created{direction="sent",type="io.camelvk.pod.create"} 1.7E9
        vk_pods{phase="Running"} 3
        """;

    assertThat(MessagingBenchBackend.messages(metrics))
        .isEqualTo(
            Map.of("sent io.camelvk.pod.create", 1000, "received io.camelvk.pod.status", 1987));
  }
}
