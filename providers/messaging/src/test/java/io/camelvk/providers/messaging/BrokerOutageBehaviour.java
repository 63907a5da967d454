package io.camelvk.providers.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.camelvk.test.TestPods;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A broker outage, on every transport: the node says the broker is unreachable, a create fails (the
 * core retries it), and once the broker is back the create goes through and the pod runs. A
 * subclass per transport runs it and adds what only its transport does.
 */
abstract class BrokerOutageBehaviour {

  private final BrokerTransport kind;
  TestTransport transport;
  Duration patience;
  BrokerWorker worker;
  MessagingProcess provider;

  BrokerOutageBehaviour(BrokerTransport kind) {
    this.kind = kind;
  }

  @BeforeEach
  void start() {
    transport = TestTransport.start(kind);
    patience = transport.patience();
    worker = transport.startWorker();
  }

  void startProvider(Map<String, String> properties) throws Exception {
    provider = MessagingProcess.start(transport, "outage-node", properties);
  }

  @AfterEach
  void stop() {
    if (provider != null) {
      provider.close();
    }
    worker.close();
    transport.close();
  }

  @Test
  void theNodeSaysTheBrokerIsUnreachableAndACreateGoesThroughOnceItIsBack() throws Exception {
    startProvider(Map.of());
    await().atMost(patience).until(() -> provider.ready().isEmpty());

    transport.broker().stop();

    assertThat(provider.ready())
        .hasValueSatisfying(
            c -> {
              assertThat(c.getStatus()).isEqualTo("False");
              assertThat(c.getReason()).isEqualTo("BrokerUnreachable");
              assertThat(c.getMessage())
                  .startsWith("the broker " + transport.providerUrl() + " is unreachable: ");
            });
    Pod pod = TestPods.named("outage", "during-outage", UUID.randomUUID().toString()).build();
    assertThatThrownBy(() -> provider.create(pod));

    transport.broker().startServer();

    await()
        .atMost(patience)
        .ignoreExceptions()
        .until(
            () -> {
              provider.create(pod);
              return true;
            });
    await().atMost(patience).until(() -> provider.running(pod));
    await().atMost(patience).until(() -> provider.ready().isEmpty());
  }
}
