package io.camelvk.providers.messaging;

import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.apache.camel.component.kafka.consumer.support.subcription.DefaultSubscribeAdapter;
import org.apache.camel.component.kafka.consumer.support.subcription.SubscribeAdapter;
import org.apache.camel.component.kafka.consumer.support.subcription.TopicInfo;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.common.TopicPartition;

/**
 * Which partitions of the replies topic this process's consumers hold (bound as camel-kafka's
 * {@code subscribeAdapter}, so it sees every consumer of the context subscribe; it subscribes them
 * as camel-kafka would). A request whose answers come within a window waits for all of them to be
 * held first: a consumer group takes seconds to form (Kafka's {@code
 * group.initial.rebalance.delay.ms} is 3 s), and answers written meanwhile are read only after.
 */
public final class KafkaReplyAssignments implements SubscribeAdapter {

  private final Set<TopicPartition> held = new HashSet<>();
  private String topic;
  private boolean kafka;
  private volatile int partitions = -1;

  public void setTopic(String topic) {
    this.topic = topic;
  }

  public void setTransport(String transport) {
    this.kafka = BrokerTransport.of(transport) == BrokerTransport.KAFKA;
  }

  @Override
  public void subscribe(
      Consumer<?, ?> consumer, ConsumerRebalanceListener camel, TopicInfo topicInfo) {
    new DefaultSubscribeAdapter().subscribe(consumer, new Tracking(consumer, camel), topicInfo);
  }

  /**
   * Returns once every partition of the replies topic is held, or after the timeout; at once on the
   * other transports.
   *
   * @return whether they are held
   */
  synchronized boolean awaitHeld(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (kafka && !allHeld()) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return true;
  }

  private boolean allHeld() {
    return partitions > 0 && held.size() == partitions;
  }

  private void assigned(Consumer<?, ?> consumer, Collection<TopicPartition> parts) {
    if (parts.stream().noneMatch(part -> part.topic().equals(topic))) {
      return;
    }
    int count = partitions < 0 ? consumer.partitionsFor(topic).size() : partitions;
    synchronized (this) {
      partitions = count;
      parts.stream().filter(part -> part.topic().equals(topic)).forEach(held::add);
      notifyAll();
    }
  }

  private synchronized void released(Collection<TopicPartition> parts) {
    held.removeAll(parts);
  }

  /** Camel's listener, told first, and the partitions held. */
  private final class Tracking implements ConsumerRebalanceListener {

    private final Consumer<?, ?> consumer;
    private final ConsumerRebalanceListener camel;

    Tracking(Consumer<?, ?> consumer, ConsumerRebalanceListener camel) {
      this.consumer = consumer;
      this.camel = camel;
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> parts) {
      camel.onPartitionsRevoked(parts);
      released(parts);
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> parts) {
      camel.onPartitionsLost(parts);
      released(parts);
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> parts) {
      camel.onPartitionsAssigned(parts);
      assigned(consumer, parts);
    }
  }
}
