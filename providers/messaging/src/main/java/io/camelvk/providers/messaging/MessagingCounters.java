package io.camelvk.providers.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the provider sent and received, by event type, and the replies it dropped, by reason: in the
 * kubelet's registry when it has one (so {@code /metrics} shows them), and readable here for tests.
 */
final class MessagingCounters {

  static final String MESSAGES = "vk_messaging_messages";
  static final String DROPPED = "vk_messaging_replies_dropped";
  static final String DEAD_LETTERS = "vk_messaging_dead_letters";

  private final MeterRegistry registry;
  private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

  MessagingCounters(MeterRegistry registry) {
    this.registry = registry == null ? new SimpleMeterRegistry() : registry;
  }

  void sent(String type) {
    count(MESSAGES, "direction", "sent", "type", type);
  }

  void received(String type) {
    count(MESSAGES, "direction", "received", "type", type);
  }

  /** A reply dropped: {@code duplicate}, {@code stale}, or {@code late} (no request waits). */
  void dropped(String reason) {
    count(DROPPED, "reason", reason, "", "");
  }

  void deadLetter() {
    count(DEAD_LETTERS, "", "", "", "");
  }

  long count(String name, String tagValue) {
    LongAdder adder = counts.get(name + "/" + tagValue);
    return adder == null ? 0 : adder.sum();
  }

  private void count(String name, String tag, String value, String tag2, String value2) {
    Counter.Builder builder = Counter.builder(name);
    if (!tag.isEmpty()) {
      builder.tag(tag, value);
    }
    if (!tag2.isEmpty()) {
      builder.tag(tag2, value2);
    }
    builder.register(registry).increment();
    counts.computeIfAbsent(name + "/" + value, k -> new LongAdder()).increment();
    if (!value2.isEmpty()) {
      counts.computeIfAbsent(name + "/" + value + "/" + value2, k -> new LongAdder()).increment();
    }
  }
}
