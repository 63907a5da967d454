package io.camelvk.test;

import com.fasterxml.jackson.core.type.TypeReference;
import io.camelvk.provider.runtime.ProviderCallLedger;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * What a virtual kubelet's {@code GET /debug/provider-calls} answered (it runs with {@code
 * --debug-provider-calls}): the core's own count of provider calls by pod UID, to prove "exactly
 * once" at the boundary the core owns.
 */
public record ProviderCallCounts(List<ProviderCallLedger.Entry> entries) {

  private static final KubernetesSerialization JSON = new KubernetesSerialization();

  public static ProviderCallCounts of(String json) {
    return new ProviderCallCounts(
        JSON.unmarshal(
            new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
            new TypeReference<List<ProviderCallLedger.Entry>>() {}));
  }

  public static ProviderCallCounts of(ProviderCallLedger ledger) {
    return new ProviderCallCounts(ledger.entries());
  }

  /** Calls of {@code operation} about the pod with {@code uid}, with {@code outcome} or any. */
  public long count(String operation, String uid, String outcome) {
    return entries.stream()
        .filter(e -> e.operation().equals(operation) && e.uid().equals(uid))
        .filter(e -> outcome == null || Objects.equals(e.outcome(), outcome))
        .mapToLong(ProviderCallLedger.Entry::count)
        .sum();
  }
}
