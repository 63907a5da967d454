package io.camelvk.pod.volume;

import static io.camelvk.pod.volume.PodVolumeResolverTest.only;
import static io.camelvk.pod.volume.VolumeSources.modes;
import static io.camelvk.pod.volume.VolumeSources.texts;
import static org.assertj.core.api.Assertions.assertThat;

import io.camelvk.provider.volume.ResolvedVolume;
import io.camelvk.test.TestPods;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import io.fabric8.kubernetes.api.model.VolumeProjectionBuilder;
import io.fabric8.kubernetes.api.model.authentication.TokenRequest;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Projected volumes: sources merged into one directory, and service-account tokens from the
 * TokenRequest API, bound to the pod, kept until 80 % of their lifetime.
 */
class ProjectedVolumeTest {

  private static final String CA = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";

  private final VolumeSources sources =
      new VolumeSources().configMap("kube-root-ca.crt", Map.of("ca.crt", CA));

  @Test
  void theServiceAccountVolumeHasItsTokenTheClusterCaAndTheNamespace() {
    VolumeResolution resolution = sources.resolver.resolve(apiAccess("web", "u1"), Map.of());

    ResolvedVolume access = only(resolution);
    assertThat(texts(access))
        .containsExactly(
            Map.entry("ca.crt", CA), Map.entry("namespace", "ns"), Map.entry("token", "token-1"));
    assertThat(modes(access)).containsValues("644");
    TokenRequest asked = sources.tokenRequests.getFirst();
    assertThat(sources.tokenAccounts).containsExactly("ns/builder");
    assertThat(asked.getSpec().getAudiences()).isEmpty();
    assertThat(asked.getSpec().getExpirationSeconds()).isEqualTo(3607);
    assertThat(asked.getSpec().getBoundObjectRef().getKind()).isEqualTo("Pod");
    assertThat(asked.getSpec().getBoundObjectRef().getApiVersion()).isEqualTo("v1");
    assertThat(asked.getSpec().getBoundObjectRef().getName()).isEqualTo("web");
    assertThat(asked.getSpec().getBoundObjectRef().getUid()).isEqualTo("u1");
    assertThat(resolution.refreshAt())
        .contains(Instant.parse("2026-01-01T00:00:00Z").plusMillis(3607 * 800));
  }

  @Test
  void aTokenIsKeptUntilEightyPercentOfItsLifetimeThenAskedAgain() {
    Pod pod = apiAccess("web", "u1");
    sources.resolver.resolve(pod, Map.of());

    sources.clock.advance(Duration.ofMillis(3607 * 800 - 1));
    assertThat(texts(only(sources.resolver.resolve(pod, Map.of()))))
        .containsEntry("token", "token-1");
    sources.clock.advance(Duration.ofMillis(1));
    assertThat(texts(only(sources.resolver.resolve(pod, Map.of()))))
        .containsEntry("token", "token-2");

    assertThat(sources.tokenRequests).hasSize(2);
  }

  @Test
  void eachPodHasTokensOfItsOwnUntilItIsForgotten() {
    sources.resolver.resolve(apiAccess("web", "u1"), Map.of());
    sources.resolver.resolve(apiAccess("db", "u2"), Map.of());
    sources.resolver.resolve(apiAccess("web", "u1"), Map.of());
    assertThat(sources.tokenRequests).hasSize(2);

    sources.tokens.forget("u1");
    sources.resolver.resolve(apiAccess("web", "u1"), Map.of());

    assertThat(sources.tokenRequests).hasSize(3);
    assertThat(sources.tokens.pods()).isEqualTo(2);
  }

  @Test
  void aTokenOlderThanADayIsAskedAgainWhateverItsLifetime() {
    Instant expires = Instant.parse("2026-01-10T00:00:00Z");
    long tenDays = Duration.ofDays(10).toSeconds();

    assertThat(ServiceAccountTokens.refreshAt(expires, tenDays))
        .isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
  }

  @Test
  void laterSourcesReplaceFilesOfTheSamePathAndAudienceAndExpirationReachTheRequest() {
    sources.configMap("first", Map.of("config", "one", "only-first", "1"));
    sources.secret("second", Map.of("config", "two"));
    Pod pod =
        pod(
            "web",
            "u1",
            List.of(
                new VolumeProjectionBuilder()
                    .withNewConfigMap()
                    .withName("first")
                    .endConfigMap()
                    .build(),
                new VolumeProjectionBuilder()
                    .withNewSecret()
                    .withName("second")
                    .endSecret()
                    .build(),
                new VolumeProjectionBuilder()
                    .withNewServiceAccountToken()
                    .withAudience("vault")
                    .withExpirationSeconds(600L)
                    .withPath("vault-token")
                    .endServiceAccountToken()
                    .build()));

    ResolvedVolume merged = only(sources.resolver.resolve(pod, Map.of()));

    assertThat(texts(merged))
        .containsExactly(
            Map.entry("config", "two"),
            Map.entry("only-first", "1"),
            Map.entry("vault-token", "token-1"));
    assertThat(sources.tokenRequests.getFirst().getSpec().getAudiences()).containsExactly("vault");
    assertThat(sources.tokenRequests.getFirst().getSpec().getExpirationSeconds()).isEqualTo(600);
  }

  @Test
  void aMissingClusterCaFailsTheVolumeAsTheKubeletSaysIt() {
    VolumeSources empty = new VolumeSources();

    VolumeResolution resolution = empty.resolver.resolve(apiAccess("web", "u1"), Map.of());

    assertThat(resolution.failure().orElseThrow().message())
        .isEqualTo(
            "MountVolume.SetUp failed for volume \"kube-api-access-x1\" : configmap"
                + " \"kube-root-ca.crt\" not found");
  }

  @Test
  void aRefusedTokenRequestFailsTheVolumeWithTheApiServersWords() {
    ServiceAccountTokens refusing =
        new ServiceAccountTokens(
            (namespace, account, request) -> {
              throw new KubernetesClientException(
                  new StatusBuilder()
                      .withCode(404)
                      .withMessage("serviceaccounts \"builder\" not found")
                      .build());
            },
            sources.clock);

    VolumeResolution resolution =
        new PodVolumeResolver(sources, refusing).resolve(apiAccess("web", "u1"), Map.of());

    assertThat(resolution.failure().orElseThrow().reason())
        .isEqualTo("failed to fetch token: serviceaccounts \"builder\" not found");
  }

  @Test
  void aClusterTrustBundleProjectionIsNotSupported() {
    Pod pod =
        pod(
            "web",
            "u1",
            List.of(
                new VolumeProjectionBuilder()
                    .withNewClusterTrustBundle()
                    .withName("bundle")
                    .withPath("ca.pem")
                    .endClusterTrustBundle()
                    .build()));

    assertThat(sources.resolver.resolve(pod, Map.of()).failure().orElseThrow().reason())
        .isEqualTo("clusterTrustBundle projections are not supported");
  }

  /** The volume the ServiceAccount admission plugin adds to every pod. */
  private static Pod apiAccess(String name, String uid) {
    return pod(
        name,
        uid,
        List.of(
            new VolumeProjectionBuilder()
                .withNewServiceAccountToken()
                .withExpirationSeconds(3607L)
                .withPath("token")
                .endServiceAccountToken()
                .build(),
            new VolumeProjectionBuilder()
                .withNewConfigMap()
                .withName("kube-root-ca.crt")
                .withItems(new KeyToPath("ca.crt", null, "ca.crt"))
                .endConfigMap()
                .build(),
            new VolumeProjectionBuilder()
                .withNewDownwardAPI()
                .addNewItem()
                .withPath("namespace")
                .withNewFieldRef("v1", "metadata.namespace")
                .endItem()
                .endDownwardAPI()
                .build()));
  }

  private static Pod pod(String name, String uid, List<VolumeProjection> sources) {
    return TestPods.named("ns", name, uid)
        .editSpec()
        .withServiceAccountName("builder")
        .addToVolumes(
            new VolumeBuilder()
                .withName("kube-api-access-x1")
                .withNewProjected()
                .withDefaultMode(0644)
                .withSources(sources)
                .endProjected()
                .build())
        .endSpec()
        .build();
  }
}
