package io.camelvk.pod;

import io.camelvk.provider.PodIdentity;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The pods we have handed to a provider, by key: the provider (a pod's updates and delete go to the
 * one that created it), the identity of the pod as last applied (its metadata, so that a pod gone
 * from the API server can still be deleted in the provider), the fingerprint of its spec and
 * whether it still runs there. Entries for one key are only touched by the worker that holds that
 * key. Only the metadata is kept: the spec lives in the informer's cache.
 */
public final class PodTracker {

  /**
   * One tracked pod. {@code running} is false once we stopped it (deadline, failure); {@code
   * volumeDigest} fingerprints the volume files its provider was given, null when it was given none
   * or we do not know (a pod adopted at start-up); {@code allocation} is the container resources it
   * was handed.
   */
  public record Tracked(
      String provider,
      Pod applied,
      String specHash,
      boolean running,
      Long volumeDigest,
      PodAllocation allocation) {
    public String uid() {
      return applied.getMetadata().getUid();
    }
  }

  private final Map<PodKey, Tracked> pods = new ConcurrentHashMap<>();

  public Optional<Tracked> get(PodKey key) {
    return Optional.ofNullable(pods.get(key));
  }

  /** A pod its provider runs, adopted at start-up: what volumes it was given we do not know. */
  public void running(PodKey key, String provider, Pod applied) {
    running(key, provider, applied, null);
  }

  /**
   * A pod its provider runs after a create or update.
   *
   * @param volumeDigest the fingerprint of the volumes it was given; null when it was given none,
   *     and keeps those it had
   */
  public void running(PodKey key, String provider, Pod applied, Long volumeDigest) {
    pods.compute(
        key,
        (k, before) ->
            new Tracked(
                provider,
                PodIdentity.of(applied),
                PodSpecHash.of(applied),
                true,
                volumeDigest == null && before != null ? before.volumeDigest() : volumeDigest,
                PodAllocation.of(applied)));
  }

  /** A pod refused for good: tracked, so that it is not created again. */
  public void refused(PodKey key, String provider, Pod pod) {
    pods.put(
        key,
        new Tracked(
            provider,
            PodIdentity.of(pod),
            PodSpecHash.of(pod),
            false,
            null,
            PodAllocation.of(pod)));
  }

  public void stopped(PodKey key) {
    pods.computeIfPresent(
        key,
        (k, t) ->
            new Tracked(
                t.provider(), t.applied(), t.specHash(), false, t.volumeDigest(), t.allocation()));
  }

  public void forget(PodKey key) {
    pods.remove(key);
  }

  public Set<PodKey> keys() {
    return Set.copyOf(pods.keySet());
  }

  /** The keys of the pods that {@code provider} runs. */
  public Set<PodKey> keys(String provider) {
    Set<PodKey> keys = new java.util.HashSet<>();
    pods.forEach(
        (key, tracked) -> {
          if (tracked.provider().equals(provider)) {
            keys.add(key);
          }
        });
    return keys;
  }

  public int size() {
    return pods.size();
  }
}
