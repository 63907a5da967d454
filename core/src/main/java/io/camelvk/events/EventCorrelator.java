package io.camelvk.events;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * client-go's event correlator, so that a crash loop does not flood the API server: at most 25
 * events per object and source, then one per 5 minutes; after 10 events that differ only in their
 * message within 10 minutes, one combined event; an event identical to an earlier one raises that
 * one's count instead of being written again.
 */
final class EventCorrelator {

  static final int MAX_CACHE_ENTRIES = 4096;
  static final int SPAM_BURST = 25;
  static final Duration SPAM_REFILL = Duration.ofMinutes(5);
  static final int AGGREGATE_MAX_EVENTS = 10;
  static final Duration AGGREGATE_INTERVAL = Duration.ofMinutes(10);
  static final String COMBINED = "(combined from similar events): ";

  /** What to write: a new event, or the count of an existing one. */
  sealed interface Decision {}

  record Create(Event event) implements Decision {}

  record Count(Event existing, int count, Instant last) implements Decision {}

  private record Similar(Set<String> messages, Instant last) {}

  private record Written(String name, int count, Instant first) {}

  /** An event to write and the key under which identical ones are counted. */
  private record Keyed(Event event, String key) {}

  private final Clock clock;
  private final Map<String, TokenBucket> spam = new LruCache<>(MAX_CACHE_ENTRIES);
  private final Map<String, Similar> similar = new LruCache<>(MAX_CACHE_ENTRIES);
  private final Map<String, Written> written = new LruCache<>(MAX_CACHE_ENTRIES);

  EventCorrelator(Clock clock) {
    this.clock = clock;
  }

  /** Empty when the event is dropped as spam. */
  synchronized Optional<Decision> correlate(Event event) {
    TokenBucket bucket =
        spam.computeIfAbsent(
            EventKeys.spam(event),
            k -> new TokenBucket(1.0 / SPAM_REFILL.toSeconds(), SPAM_BURST, clock));
    if (!bucket.tryTake()) {
      return Optional.empty();
    }
    Keyed keyed = aggregated(event);
    Event toWrite = keyed.event();
    String key = keyed.key();
    Written before = written.get(key);
    Instant now = clock.instant();
    if (before == null) {
      written.put(key, new Written(toWrite.getMetadata().getName(), 1, now));
      return Optional.of(new Create(toWrite));
    }
    Written counted = new Written(before.name(), before.count() + 1, before.first());
    written.put(key, counted);
    Event existing =
        new EventBuilder(toWrite)
            .editMetadata()
            .withName(before.name())
            .endMetadata()
            .withFirstTimestamp(EventTimes.format(before.first()))
            .build();
    return Optional.of(new Count(existing, counted.count(), now));
  }

  /** The event itself, or, once similar ones keep coming, one combined event in its place. */
  private Keyed aggregated(Event event) {
    Instant now = clock.instant();
    String key = EventKeys.similar(event);
    Similar record = similar.get(key);
    if (record == null || Duration.between(record.last(), now).compareTo(AGGREGATE_INTERVAL) > 0) {
      record = new Similar(new HashSet<>(), now);
    }
    Set<String> messages = record.messages();
    messages.add(event.getMessage());
    similar.put(key, new Similar(messages, now));
    if (messages.size() < AGGREGATE_MAX_EVENTS) {
      return new Keyed(event, EventKeys.identical(event));
    }
    messages.remove(messages.iterator().next());
    return new Keyed(combined(event, now), key);
  }

  private static Event combined(Event event, Instant now) {
    return new EventBuilder(event)
        .editMetadata()
        .withName(
            event.getInvolvedObject().getName() + "." + Long.toHexString(EventTimes.nanos(now)))
        .endMetadata()
        .withMessage(COMBINED + event.getMessage())
        .withFirstTimestamp(EventTimes.format(now))
        .withLastTimestamp(EventTimes.format(now))
        .withCount(1)
        .build();
  }
}
