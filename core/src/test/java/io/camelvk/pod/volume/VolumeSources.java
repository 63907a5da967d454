package io.camelvk.pod.volume;

import io.camelvk.pod.env.ConfigLookup;
import io.camelvk.provider.volume.ResolvedVolume;
import io.camelvk.provider.volume.VolumeFile;
import io.camelvk.test.MutableClock;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.authentication.TokenRequest;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What volumes are made of, for unit tests: ConfigMaps and Secrets of namespace {@code ns} in maps,
 * and an API server that issues token {@code token-<n>} for the n-th TokenRequest.
 */
final class VolumeSources implements ConfigLookup, TokenRequester {

  final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  final List<TokenRequest> tokenRequests = new CopyOnWriteArrayList<>();
  final List<String> tokenAccounts = new CopyOnWriteArrayList<>();
  private final Map<String, ConfigMap> configMaps = new ConcurrentHashMap<>();
  private final Map<String, Secret> secrets = new ConcurrentHashMap<>();
  final ServiceAccountTokens tokens = new ServiceAccountTokens(this, clock);
  final PodVolumeResolver resolver = new PodVolumeResolver(this, tokens);

  VolumeSources configMap(String name, Map<String, String> data) {
    configMaps.put(
        name,
        new ConfigMapBuilder()
            .withNewMetadata()
            .withNamespace("ns")
            .withName(name)
            .endMetadata()
            .withData(data)
            .build());
    return this;
  }

  VolumeSources binaryConfigMap(String name, Map<String, byte[]> data) {
    Map<String, String> encoded = new LinkedHashMap<>();
    data.forEach((k, v) -> encoded.put(k, Base64.getEncoder().encodeToString(v)));
    configMaps.put(
        name,
        new ConfigMapBuilder()
            .withNewMetadata()
            .withNamespace("ns")
            .withName(name)
            .endMetadata()
            .withBinaryData(encoded)
            .build());
    return this;
  }

  VolumeSources secret(String name, Map<String, String> data) {
    Map<String, String> encoded = new LinkedHashMap<>();
    data.forEach(
        (k, v) ->
            encoded.put(k, Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8))));
    secrets.put(
        name,
        new SecretBuilder()
            .withNewMetadata()
            .withNamespace("ns")
            .withName(name)
            .endMetadata()
            .withData(encoded)
            .build());
    return this;
  }

  /** Each file's content as UTF-8 text, by path. */
  static Map<String, String> texts(ResolvedVolume volume) {
    Map<String, String> texts = new TreeMap<>();
    volume.files().forEach(f -> texts.put(f.path(), new String(f.bytes(), StandardCharsets.UTF_8)));
    return texts;
  }

  /** Each file's mode, in octal, by path. */
  static Map<String, String> modes(ResolvedVolume volume) {
    Map<String, String> modes = new TreeMap<>();
    volume.files().forEach(f -> modes.put(f.path(), Integer.toOctalString(f.mode())));
    return modes;
  }

  static VolumeFile file(ResolvedVolume volume, String path) {
    return volume.files().stream().filter(f -> f.path().equals(path)).findFirst().orElseThrow();
  }

  @Override
  public Optional<ConfigMap> configMap(String namespace, String name) {
    return Optional.ofNullable(namespace.equals("ns") ? configMaps.get(name) : null);
  }

  @Override
  public Optional<Secret> secret(String namespace, String name) {
    return Optional.ofNullable(namespace.equals("ns") ? secrets.get(name) : null);
  }

  @Override
  public List<Service> services(String namespace) {
    return List.of();
  }

  @Override
  public TokenRequest request(String namespace, String serviceAccount, TokenRequest request) {
    tokenRequests.add(request);
    tokenAccounts.add(namespace + "/" + serviceAccount);
    return new TokenRequestBuilder(request)
        .withNewStatus()
        .withToken("token-" + tokenRequests.size())
        .withExpirationTimestamp(
            clock.instant().plusSeconds(request.getSpec().getExpirationSeconds()).toString())
        .endStatus()
        .build();
  }
}
