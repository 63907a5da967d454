package io.camelvk.pod.volume;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ServiceAccountTokenProjection;
import io.fabric8.kubernetes.api.model.authentication.TokenRequest;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tokens of the pods' {@code serviceAccountToken} projections, like the kubelet's token
 * manager: one TokenRequest per projection, bound to the pod (so it dies with it), kept and asked
 * again once 80 % of its lifetime has passed, or after a day. The pods of one key are synced by one
 * worker at a time; a pod gone from the cache is forgotten.
 */
public final class ServiceAccountTokens {

  /** The kubelet's {@code expirationSeconds} when a projection sets none (the API defaults it). */
  static final long DEFAULT_EXPIRATION_SECONDS = 3600;

  /** The share of a token's lifetime after which the kubelet asks for a new one. */
  static final double REFRESH_AFTER_SHARE = 0.8;

  /** The kubelet refreshes a token older than this whatever its lifetime. */
  static final Duration MAX_AGE = Duration.ofHours(24);

  private final TokenRequester requester;
  private final Clock clock;
  private final Map<String, Map<Projection, IssuedToken>> byPodUid = new ConcurrentHashMap<>();

  /** A token with the moment from which the kubelet would ask for a new one. */
  public record IssuedToken(String token, Instant refreshAt) {
    @Override
    public String toString() {
      return "token (" + token.length() + " characters, refresh at " + refreshAt + ")";
    }
  }

  private record Projection(String serviceAccount, String audience, long expirationSeconds) {}

  public ServiceAccountTokens(TokenRequester requester, Clock clock) {
    this.requester = requester;
    this.clock = clock;
  }

  /** The pod's token for this projection: the one kept, or a new one when it is due. */
  IssuedToken token(Pod pod, ServiceAccountTokenProjection source) throws VolumeSetUpException {
    Projection projection = projection(pod, source);
    Map<Projection, IssuedToken> tokens =
        byPodUid.computeIfAbsent(pod.getMetadata().getUid(), uid -> new ConcurrentHashMap<>());
    IssuedToken kept = tokens.get(projection);
    if (kept != null && clock.instant().isBefore(kept.refreshAt())) {
      return kept;
    }
    IssuedToken issued = request(pod, projection);
    tokens.put(projection, issued);
    return issued;
  }

  /** Drops the tokens of a pod that has left the node. */
  public void forget(String podUid) {
    byPodUid.remove(podUid);
  }

  /** How many pods have tokens kept. */
  public int pods() {
    return byPodUid.size();
  }

  private IssuedToken request(Pod pod, Projection projection) throws VolumeSetUpException {
    TokenRequest request =
        new TokenRequestBuilder()
            .withNewSpec()
            .withAudiences(
                projection.audience().isEmpty() ? List.of() : List.of(projection.audience()))
            .withExpirationSeconds(projection.expirationSeconds())
            .withNewBoundObjectRef()
            .withApiVersion("v1")
            .withKind("Pod")
            .withName(pod.getMetadata().getName())
            .withUid(pod.getMetadata().getUid())
            .endBoundObjectRef()
            .endSpec()
            .build();
    TokenRequest answered;
    try {
      answered =
          requester.request(pod.getMetadata().getNamespace(), projection.serviceAccount(), request);
    } catch (KubernetesClientException e) {
      String why =
          e.getStatus() != null && e.getStatus().getMessage() != null
              ? e.getStatus().getMessage()
              : e.getMessage();
      throw new VolumeSetUpException("failed to fetch token: " + why);
    }
    Instant expires = Instant.parse(answered.getStatus().getExpirationTimestamp());
    return new IssuedToken(
        answered.getStatus().getToken(), refreshAt(expires, projection.expirationSeconds()));
  }

  /** The kubelet's {@code requiresRefresh}: 80 % into the lifetime, or a day after issue. */
  static Instant refreshAt(Instant expires, long lifetimeSeconds) {
    Instant issued = expires.minusSeconds(lifetimeSeconds);
    Instant due = issued.plusMillis((long) (lifetimeSeconds * 1000 * REFRESH_AFTER_SHARE));
    Instant aged = issued.plus(MAX_AGE);
    return due.isBefore(aged) ? due : aged;
  }

  private static Projection projection(Pod pod, ServiceAccountTokenProjection source) {
    String account = pod.getSpec().getServiceAccountName();
    return new Projection(
        account == null || account.isEmpty() ? "default" : account,
        source.getAudience() == null ? "" : source.getAudience(),
        source.getExpirationSeconds() == null
            ? DEFAULT_EXPIRATION_SECONDS
            : source.getExpirationSeconds());
  }
}
