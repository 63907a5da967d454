package io.camelvk.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Review results kept for a while, as the kubelet's webhook authenticator and authorizer keep them,
 * so that a scraper polling every few seconds does not cost two API calls a request. At most {@link
 * #MAX_ENTRIES}; when full, the expired entries go, and if none has, all do.
 */
final class ExpiringCache<K, V> {

  static final int MAX_ENTRIES = 4096;

  private record Entry<V>(V value, Instant expires) {}

  private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
  private final Clock clock;

  ExpiringCache(Clock clock) {
    this.clock = clock;
  }

  Optional<V> get(K key) {
    Entry<V> entry = entries.get(key);
    if (entry == null || !clock.instant().isBefore(entry.expires())) {
      return Optional.empty();
    }
    return Optional.of(entry.value());
  }

  void put(K key, V value, Duration ttl) {
    if (entries.size() >= MAX_ENTRIES) {
      Instant now = clock.instant();
      entries.values().removeIf(e -> !now.isBefore(e.expires()));
      if (entries.size() >= MAX_ENTRIES) {
        entries.clear();
      }
    }
    entries.put(key, new Entry<>(value, clock.instant().plus(ttl)));
  }
}
