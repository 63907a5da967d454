package io.camelvk.provider.runtime;

import com.fasterxml.jackson.core.type.TypeReference;
import io.camelvk.provider.NodeProfile;
import io.camelvk.provider.ProviderCapability;
import io.camelvk.provider.volume.VolumeKind;
import io.fabric8.kubernetes.api.model.NodeAddress;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodList;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads what a provider's route answers: the Java objects a bean gives, or the JSON text, bytes,
 * stream or map a route built from a component's reply. An empty body means "none".
 */
public final class ProviderReplies {

  private static final KubernetesSerialization JSON = new KubernetesSerialization();

  private ProviderReplies() {}

  public static Optional<PodStatus> status(Object body) {
    if (body instanceof PodStatus status) {
      return Optional.of(status);
    }
    return text(body).map(text -> JSON.unmarshal(text, PodStatus.class));
  }

  static List<Pod> pods(Object body) {
    if (body instanceof Collection<?> items && items.stream().allMatch(Pod.class::isInstance)) {
      return items.stream().map(Pod.class::cast).toList();
    }
    Optional<String> text = text(body);
    if (text.isEmpty()) {
      return List.of();
    }
    return text.get().stripLeading().startsWith("[")
        ? JSON.unmarshal(
            new ByteArrayInputStream(text.get().getBytes(StandardCharsets.UTF_8)),
            new TypeReference<List<Pod>>() {})
        : JSON.unmarshal(text.get(), PodList.class).getItems();
  }

  static NodeProfile node(Object body) {
    if (body instanceof NodeProfile profile) {
      return profile;
    }
    return text(body)
        .map(text -> JSON.unmarshal(text, NodeProfileJson.class).toProfile())
        .orElse(NodeProfile.DEFAULT);
  }

  static InputStream logs(Object body) {
    return switch (body) {
      case null -> InputStream.nullInputStream();
      case InputStream stream -> stream;
      case byte[] bytes -> new ByteArrayInputStream(bytes);
      default -> new ByteArrayInputStream(body.toString().getBytes(StandardCharsets.UTF_8));
    };
  }

  /**
   * @throws IllegalArgumentException for a name that is no capability: a typo must not silently
   *     switch one off
   */
  static Set<ProviderCapability> capabilities(String provider, Object body) {
    Set<ProviderCapability> result = EnumSet.noneOf(ProviderCapability.class);
    if (body instanceof Collection<?> items) {
      items.forEach(
          item ->
              result.add(
                  item instanceof ProviderCapability known
                      ? known
                      : capability(provider, String.valueOf(item))));
    } else {
      for (String name : text(body).orElse("").split("[,\\s]+")) {
        if (!name.isBlank()) {
          result.add(capability(provider, name));
        }
      }
    }
    return result;
  }

  private static ProviderCapability capability(String provider, String value) {
    return ProviderCapability.of(value)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "provider "
                        + provider
                        + " declares the unknown capability '"
                        + value
                        + "' (known: logs, exec, attach, port-forward, stats, notifies, volumes)"));
  }

  /** The body as text (a Java object other than text as its JSON), empty for none or blank. */
  private static Optional<String> text(Object body) {
    String text =
        switch (body) {
          case null -> null;
          case String s -> s;
          case byte[] bytes -> new String(bytes, StandardCharsets.UTF_8);
          case InputStream stream -> read(stream);
          default -> JSON.asJson(body);
        };
    return text == null || text.isBlank() ? Optional.empty() : Optional.of(text);
  }

  private static String read(InputStream stream) {
    try (stream) {
      return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the provider's reply", e);
    }
  }

  /** A node profile as JSON: resources missing from the capacity keep the defaults. */
  record NodeProfileJson(
      Map<String, Quantity> capacity,
      Map<String, Quantity> allocatable,
      List<NodeCondition> conditions,
      String operatingSystemImage,
      List<String> additionalVolumeKinds,
      List<NodeAddress> addresses,
      List<Taint> taints) {

    NodeProfile toProfile() {
      Map<String, Quantity> merged = new LinkedHashMap<>(NodeProfile.DEFAULT.capacity());
      if (capacity != null) {
        merged.putAll(capacity);
      }
      return new NodeProfile(
          merged,
          allocatable == null ? Map.of() : allocatable,
          conditions == null ? List.of() : conditions,
          operatingSystemImage == null
              ? NodeProfile.DEFAULT.operatingSystemImage()
              : operatingSystemImage,
          volumeKinds(),
          addresses == null ? List.of() : addresses,
          taints == null ? List.of() : taints);
    }

    private Set<VolumeKind> volumeKinds() {
      Set<VolumeKind> kinds = EnumSet.noneOf(VolumeKind.class);
      for (String name :
          additionalVolumeKinds == null ? List.<String>of() : additionalVolumeKinds) {
        kinds.add(
            VolumeKind.named(name)
                .orElseThrow(
                    () ->
                        new IllegalArgumentException(
                            "additionalVolumeKinds: '"
                                + name
                                + "' is no volume type of a pod spec (hostPath,"
                                + " persistentVolumeClaim, csi, ...)")));
      }
      return kinds;
    }
  }
}
