package io.camelvk.api;

import io.fabric8.kubernetes.api.model.authentication.TokenReview;
import io.fabric8.kubernetes.api.model.authentication.TokenReviewBuilder;
import io.fabric8.kubernetes.api.model.authentication.UserInfo;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Authenticates a bearer token with a TokenReview (authentication.k8s.io/v1). A token that
 * authenticates is remembered for {@link #CACHE_TTL} (the kubelet's default), by its SHA-256 only.
 */
final class TokenReviewAuthenticator {

  static final Duration CACHE_TTL = Duration.ofMinutes(2);

  private final KubernetesClient client;
  private final ExpiringCache<String, Caller> authenticated;

  TokenReviewAuthenticator(KubernetesClient client, Clock clock) {
    this.client = client;
    this.authenticated = new ExpiringCache<>(clock);
  }

  /** The caller the API server names for the token; empty when it does not authenticate. */
  Optional<Caller> authenticate(String token) {
    String key = sha256(token);
    Optional<Caller> known = authenticated.get(key);
    if (known.isPresent()) {
      return known;
    }
    Optional<Caller> caller = review(token);
    caller.ifPresent(c -> authenticated.put(key, c, CACHE_TTL));
    return caller;
  }

  private static String sha256(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this JDK", e);
    }
  }

  private Optional<Caller> review(String token) {
    TokenReview review =
        client
            .resource(new TokenReviewBuilder().withNewSpec().withToken(token).endSpec().build())
            .create();
    if (review.getStatus() == null || !Boolean.TRUE.equals(review.getStatus().getAuthenticated())) {
      return Optional.empty();
    }
    UserInfo user = review.getStatus().getUser();
    return Optional.of(
        new Caller(
            user.getUsername(),
            user.getUid() == null ? "" : user.getUid(),
            user.getGroups() == null ? List.of() : List.copyOf(user.getGroups()),
            user.getExtra() == null ? Map.of() : Map.copyOf(user.getExtra())));
  }
}
