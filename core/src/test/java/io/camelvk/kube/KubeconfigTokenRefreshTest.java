package io.camelvk.kube;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KubeconfigTokenRefreshTest {

  @TempDir Path dir;

  private final AtomicReference<Instant> now =
      new AtomicReference<>(Instant.parse("2026-12-07T10:00:00Z"));
  private final Clock clock =
      new Clock() {
        @Override
        public ZoneOffset getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now.get();
        }
      };

  @Test
  void theKubeconfigIsReadAgainAtMostOnceAMinute() throws Exception {
    Path kubeconfig = dir.resolve("config");
    Files.writeString(kubeconfig, kubeconfig("first"));
    Config config =
        KubeconfigTokenRefresh.install(Config.fromKubeconfig(kubeconfig.toFile()), clock);
    assertThat(config.getOauthTokenProvider().getToken()).isEqualTo("first");

    Files.writeString(kubeconfig, kubeconfig("second"));
    now.set(now.get().plusSeconds(30));
    assertThat(config.getOauthTokenProvider().getToken()).isEqualTo("first");
    now.set(now.get().plus(KubeconfigTokenRefresh.REFRESH_INTERVAL));
    assertThat(config.getOauthTokenProvider().getToken()).isEqualTo("second");
  }

  @Test
  void aFixedTokenIsLeftToTheClient() {
    Config config = new ConfigBuilder().withOauthToken("fixed").build();
    assertThat(KubeconfigTokenRefresh.install(config, clock).getOauthTokenProvider()).isNull();
  }

  private static String kubeconfig(String token) {
    return """
        apiVersion: v1
        kind: Config
        clusters: [{name: c, cluster: {server: "https://127.0.0.1:6443"}}]
        users: [{name: u, user: {tokenFile: ""}}]
        contexts: [{name: x, context: {cluster: c, user: u}}]
        current-context: x
        """
        .replace("tokenFile: \"\"", "token: " + token);
  }
}
