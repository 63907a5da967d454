package io.camelvk.providers.interlink;

import io.camelvk.provider.volume.PodVolumes;
import io.camelvk.provider.volume.ResolvedVolume;
import io.camelvk.provider.volume.VolumeFile;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the volume files the core resolved into what interLink's virtual kubelet sends, with no
 * request to the API server of its own: a ConfigMap or Secret volume becomes that object, with the
 * keys the pod reads (all of them, or its {@code items}, under their keys); a projected or downward
 * API volume becomes a ConfigMap named after the volume whose keys are the files' paths (service
 * account tokens included); and a downward API volume is shown in the pod as a projected one, as
 * interLink's virtual kubelet rewrites it, so that a plugin finds it among the projected maps.
 */
final class VolumeShipping {

  private VolumeShipping() {}

  static ShippedVolumes ship(Pod pod, PodVolumes volumes) {
    Map<String, ConfigMap> configMaps = new LinkedHashMap<>();
    Map<String, Secret> secrets = new LinkedHashMap<>();
    Map<String, ConfigMap> projected = new LinkedHashMap<>();
    String namespace = pod.getMetadata().getNamespace();
    for (Volume volume : pod.getSpec().getVolumes()) {
      Optional<ResolvedVolume> resolved = volumes.volume(volume.getName());
      if (resolved.isEmpty()) {
        continue;
      }
      List<VolumeFile> files = resolved.get().files();
      if (volume.getConfigMap() != null) {
        Map<String, byte[]> keyed = byKey(files, volume.getConfigMap().getItems());
        configMaps.put(
            volume.getName(), configMap(volume.getConfigMap().getName(), namespace, keyed));
      } else if (volume.getSecret() != null) {
        Map<String, byte[]> keyed = byKey(files, volume.getSecret().getItems());
        secrets.put(volume.getName(), secret(volume.getSecret().getSecretName(), namespace, keyed));
      } else if (volume.getProjected() != null || volume.getDownwardAPI() != null) {
        projected.put(volume.getName(), configMap(volume.getName(), namespace, byPath(files)));
      }
    }
    return new ShippedVolumes(configMaps, secrets, projected);
  }

  /** The pod as interLink sends it: downward API volumes shown as projected ones. */
  static Pod downwardApiAsProjected(Pod pod) {
    if (pod.getSpec().getVolumes().stream().noneMatch(v -> v.getDownwardAPI() != null)) {
      return pod;
    }
    List<Volume> volumes =
        pod.getSpec().getVolumes().stream().map(VolumeShipping::asProjected).toList();
    return new PodBuilder(pod).editSpec().withVolumes(volumes).endSpec().build();
  }

  private static Volume asProjected(Volume volume) {
    if (volume.getDownwardAPI() == null) {
      return volume;
    }
    return new VolumeBuilder()
        .withName(volume.getName())
        .withNewProjected()
        .withDefaultMode(volume.getDownwardAPI().getDefaultMode())
        .addNewSource()
        .withNewDownwardAPI()
        .withItems(volume.getDownwardAPI().getItems())
        .endDownwardAPI()
        .endSource()
        .endProjected()
        .build();
  }

  private static Map<String, byte[]> byKey(List<VolumeFile> files, List<KeyToPath> items) {
    Map<String, byte[]> keyed = new LinkedHashMap<>();
    if (items == null || items.isEmpty()) {
      files.forEach(f -> keyed.put(f.path(), f.bytes()));
      return keyed;
    }
    for (KeyToPath item : items) {
      files.stream()
          .filter(f -> f.path().equals(item.getPath()))
          .findFirst()
          .ifPresent(f -> keyed.put(item.getKey(), f.bytes()));
    }
    return keyed;
  }

  private static Map<String, byte[]> byPath(List<VolumeFile> files) {
    Map<String, byte[]> keyed = new LinkedHashMap<>();
    files.forEach(f -> keyed.put(f.path(), f.bytes()));
    return keyed;
  }

  private static ConfigMap configMap(String name, String namespace, Map<String, byte[]> keyed) {
    Map<String, String> data = new LinkedHashMap<>();
    Map<String, String> binary = new LinkedHashMap<>();
    keyed.forEach(
        (key, bytes) ->
            text(bytes)
                .ifPresentOrElse(
                    t -> data.put(key, t),
                    () -> binary.put(key, Base64.getEncoder().encodeToString(bytes))));
    return new ConfigMapBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(namespace)
        .endMetadata()
        .withData(data)
        .withBinaryData(binary)
        .build();
  }

  private static Secret secret(String name, String namespace, Map<String, byte[]> keyed) {
    Map<String, String> data = new LinkedHashMap<>();
    keyed.forEach((key, bytes) -> data.put(key, Base64.getEncoder().encodeToString(bytes)));
    return new SecretBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(namespace)
        .endMetadata()
        .withType("Opaque")
        .withData(data)
        .build();
  }

  private static Optional<String> text(byte[] bytes) {
    try {
      return Optional.of(
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }
}
