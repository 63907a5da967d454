package io.camelvk.providers.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;
import java.util.Set;

/**
 * A test worker on one transport's broker ({@link TestWorker} on Artemis, {@link KafkaTestWorker}
 * on Kafka), as the tests drive it and read what it took: the pods and their logs are {@link
 * WorkerPods}' on either, only the messages differ.
 */
interface BrokerWorker extends AutoCloseable {

  /** The pods it runs and the logs it keeps. */
  WorkerPods pods();

  /** The pods it runs now, by UID. */
  default Set<String> running() {
    return pods().running();
  }

  /** Every command received, in order. */
  default List<JsonNode> commands() {
    return pods().commands();
  }

  /** The container writes a line to its log: followed logs get it at once. */
  default void log(String namespace, String pod, String container, String line) {
    pods().logs().write(namespace + "/" + pod, container, line);
  }

  /** The correlation ids of the followed logs cancelled, in order. */
  default List<String> logCancels() {
    return pods().logs().cancels();
  }

  /** Followed logs go on after a cancel, as if it was lost on the way (it is still counted). */
  default void loseLogCancels(boolean lose) {
    pods().logs().loseCancels(lose);
  }

  /** How many logs are followed now. */
  default int followedLogs() {
    return pods().logs().following();
  }

  /** Stops answering commands (they are still taken and counted) and sending heartbeats. */
  default void silence() {
    pods().silence();
  }

  /**
   * Sends any text on the replies destination, as a worker (or a broken one) would, and on Kafka
   * keyed by {@code key}; on Artemis it goes ungrouped.
   */
  void sendRaw(String key, String text) throws Exception;

  @Override
  void close();

  /** The create command the worker took for the pod. */
  default JsonNode commandFor(Pod pod) {
    return commands().stream()
        .filter(c -> pod.getMetadata().getUid().equals(c.get("poduid").asText()))
        .findFirst()
        .orElseThrow();
  }

  /** Whether the worker took a delete of the pod. */
  default boolean tookDeleteOf(Pod pod) {
    return commands().stream()
        .anyMatch(
            c ->
                "io.camelvk.pod.delete".equals(c.get("type").asText())
                    && pod.getMetadata().getUid().equals(c.get("poduid").asText()));
  }
}
