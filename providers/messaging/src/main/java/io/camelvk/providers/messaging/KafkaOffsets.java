package io.camelvk.providers.messaging;

import org.apache.camel.Exchange;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;

/**
 * Commits a consumed record's offset once the route has handled it (bound as {@code
 * messagingKafkaOffsets}): the Kafka replies route reads with auto-commit off, so a record whose
 * handling failed is not committed and is read again.
 */
public final class KafkaOffsets {

  public void commit(Exchange exchange) {
    KafkaManualCommit manual =
        exchange.getMessage().getHeader(KafkaConstants.MANUAL_COMMIT, KafkaManualCommit.class);
    if (manual == null) {
      throw new IllegalStateException(
          "no Kafka offset to commit: the replies endpoint needs allowManualCommit=true");
    }
    manual.commit();
  }
}
