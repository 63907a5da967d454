package io.camelvk.pod.volume;

import io.camelvk.pod.env.ConfigLookup;
import io.camelvk.pod.env.NodeFacts;
import io.camelvk.provider.volume.PodVolumes;
import io.camelvk.provider.volume.ResolvedVolume;
import io.camelvk.provider.volume.VolumeFile;
import io.camelvk.provider.volume.VolumeKind;
import io.fabric8.kubernetes.api.model.ConfigMapVolumeSource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecretVolumeSource;
import io.fabric8.kubernetes.api.model.Volume;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Writes a pod's volumes for its provider as the kubelet's volume plugins would: ConfigMaps and
 * Secrets from the informer caches, downward API fields from the pod, tokens from the TokenRequest
 * API, emptyDirs empty. The first volume that cannot be set up fails the whole, with the kubelet's
 * message.
 */
public final class PodVolumeResolver {

  private final ConfigLookup lookup;
  private final ServiceAccountTokens tokens;

  public PodVolumeResolver(ConfigLookup lookup, ServiceAccountTokens tokens) {
    this.lookup = lookup;
    this.tokens = tokens;
  }

  /**
   * @param allocatable what the pod's provider offers: the default of a {@code resourceFieldRef}
   *     limit a container does not set
   */
  public VolumeResolution resolve(Pod pod, Map<String, Quantity> allocatable) {
    NodeFacts node = new NodeFacts(allocatable, List.of(), List.of());
    KeyedFiles keyed = new KeyedFiles(lookup, pod.getMetadata().getNamespace());
    ProjectedFiles projected = new ProjectedFiles(keyed, tokens, pod, node);
    List<ResolvedVolume> volumes = new ArrayList<>();
    for (Volume volume : pod.getSpec().getVolumes()) {
      VolumeKind kind = VolumeKind.of(volume).orElse(VolumeKind.EMPTY_DIR);
      try {
        List<VolumeFile> files = files(pod, volume, kind, keyed, projected, node);
        files.sort(Comparator.comparing(VolumeFile::path));
        volumes.add(new ResolvedVolume(volume.getName(), kind, files));
      } catch (VolumeSetUpException e) {
        return VolumeResolution.failed(volume.getName(), e.getMessage());
      }
    }
    return VolumeResolution.resolved(new PodVolumes(volumes), projected.earliestRefresh());
  }

  private static List<VolumeFile> files(
      Pod pod,
      Volume volume,
      VolumeKind kind,
      KeyedFiles keyed,
      ProjectedFiles projected,
      NodeFacts node)
      throws VolumeSetUpException {
    return switch (kind) {
      case CONFIG_MAP -> {
        ConfigMapVolumeSource map = volume.getConfigMap();
        yield keyed.configMap(
            map.getName(), map.getItems(), mode(map.getDefaultMode()), map.getOptional());
      }
      case SECRET -> {
        SecretVolumeSource secret = volume.getSecret();
        yield keyed.secret(
            secret.getSecretName(),
            secret.getItems(),
            mode(secret.getDefaultMode()),
            secret.getOptional());
      }
      case DOWNWARD_API ->
          DownwardApiFiles.of(
              pod,
              volume.getDownwardAPI().getItems(),
              mode(volume.getDownwardAPI().getDefaultMode()),
              node);
      case PROJECTED ->
          projected.of(volume.getProjected(), mode(volume.getProjected().getDefaultMode()));
      default -> new ArrayList<>();
    };
  }

  private static int mode(Integer defaultMode) {
    return defaultMode == null ? VolumeFile.DEFAULT_MODE : defaultMode;
  }
}
