package io.camelvk.providers.messaging;

import static org.awaitility.Awaitility.await;

import io.camelvk.test.TestPods;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@link BrokerOutageBehaviour} on JMS, and what only JMS does here: the delete withdrawing a pod
 * no worker answered, refused while the broker is away, is sent once it is back.
 */
class BrokerOutageTest extends BrokerOutageBehaviour {

  BrokerOutageTest() {
    super(BrokerTransport.JMS);
  }

  @Test
  void theDeleteWithdrawingAPodNoWorkerAnsweredIsSentOnceTheBrokerIsBack() throws Exception {
    startProvider(
        Map.of(
            "vk.provider.messaging.answer-deadline", "2s",
            "vk.provider.messaging.answer-check-period", "200"));
    worker.silence();
    Pod pod = TestPods.named("outage", "unanswered", UUID.randomUUID().toString()).build();
    provider.create(pod);
    await().atMost(patience).until(() -> worker.commands().size() == 1);

    transport.broker().stop();
    await()
        .atMost(patience)
        .until(() -> "Failed".equals(provider.status(pod).orElseThrow().getPhase()));
    await().atMost(patience).until(() -> provider.provider().withdrawalsUnsent() == 1);
    transport.broker().startServer();

    await().atMost(patience).until(() -> worker.tookDeleteOf(pod));
    await().atMost(patience).until(() -> provider.provider().withdrawalsUnsent() == 0);
  }
}
