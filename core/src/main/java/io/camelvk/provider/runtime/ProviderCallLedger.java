package io.camelvk.provider.runtime;

import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Every call the core made to a provider about one pod, counted by provider, operation, pod UID and
 * outcome, when switched on ({@code --debug-provider-calls}); {@code GET /debug/provider-calls} on
 * the metrics port shows it. It is how the tests prove "created exactly once" at the boundary the
 * core owns, whatever the backend does with a repeated call. Off, it keeps nothing.
 */
public final class ProviderCallLedger {

  /** One kind of call and how often it was made. */
  public record Entry(String provider, String operation, String uid, String outcome, long count) {}

  private record Key(String provider, String operation, String uid, String outcome) {}

  private static final KubernetesSerialization JSON = new KubernetesSerialization();

  private final boolean enabled;
  private final Map<Key, LongAdder> calls = new ConcurrentHashMap<>();

  public ProviderCallLedger(boolean enabled) {
    this.enabled = enabled;
  }

  public boolean enabled() {
    return enabled;
  }

  void record(String provider, String operation, String uid, String outcome) {
    if (enabled && uid != null) {
      calls
          .computeIfAbsent(new Key(provider, operation, uid, outcome), k -> new LongAdder())
          .increment();
    }
  }

  /** Calls of {@code operation} about the pod with this UID, with {@code outcome} or any. */
  public long count(String operation, String uid, String outcome) {
    return calls.entrySet().stream()
        .filter(e -> e.getKey().operation().equals(operation) && e.getKey().uid().equals(uid))
        .filter(e -> outcome == null || e.getKey().outcome().equals(outcome))
        .mapToLong(e -> e.getValue().sum())
        .sum();
  }

  /** {@link #entries} as a JSON array. */
  public String json() {
    return JSON.asJson(entries());
  }

  public List<Entry> entries() {
    return calls.entrySet().stream()
        .map(
            e ->
                new Entry(
                    e.getKey().provider(),
                    e.getKey().operation(),
                    e.getKey().uid(),
                    e.getKey().outcome(),
                    e.getValue().sum()))
        .sorted(
            Comparator.comparing(Entry::uid)
                .thenComparing(Entry::operation)
                .thenComparing(Entry::outcome))
        .toList();
  }
}
