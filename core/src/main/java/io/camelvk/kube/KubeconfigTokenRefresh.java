package io.camelvk.kube;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.OAuthTokenProvider;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The bearer token of a configuration read again at most once a minute. The client's own refresh
 * (fabric8 7.5 {@code TokenRefreshInterceptor}) only notes the time of a refresh that found a
 * token, so with client-certificate credentials it re-read the whole kubeconfig before every
 * request.
 */
public final class KubeconfigTokenRefresh implements OAuthTokenProvider {

  static final Duration REFRESH_INTERVAL = Duration.ofMinutes(1);

  private final Config config;
  private final Clock clock;
  private volatile Instant refreshedAt;
  private volatile String token;

  private KubeconfigTokenRefresh(Config config, Clock clock) {
    this.config = config;
    this.clock = clock;
    this.refreshedAt = clock.instant();
    this.token = config.getAutoOAuthToken();
  }

  /**
   * Installs the throttled refresh on a configuration whose token comes from the kubeconfig or the
   * service account (not a fixed token, a provider of its own or an OpenID Connect login, which the
   * client refreshes itself).
   */
  public static Config install(Config config, Clock clock) {
    boolean oidc =
        config.getAuthProvider() != null
            && "oidc".equalsIgnoreCase(config.getAuthProvider().getName());
    if (config.getOauthToken() == null && config.getOauthTokenProvider() == null && !oidc) {
      config.setOauthTokenProvider(new KubeconfigTokenRefresh(config, clock));
    }
    return config;
  }

  @Override
  public String getToken() {
    Instant now = clock.instant();
    if (now.isAfter(refreshedAt.plus(REFRESH_INTERVAL))) {
      refreshedAt = now;
      token = config.refresh().getAutoOAuthToken();
    }
    return token;
  }
}
