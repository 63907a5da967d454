package io.camelvk.pod.volume;

import io.camelvk.pod.env.NodeFacts;
import io.camelvk.provider.volume.VolumeFile;
import io.fabric8.kubernetes.api.model.ConfigMapProjection;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ProjectedVolumeSource;
import io.fabric8.kubernetes.api.model.SecretProjection;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The files of a projected volume, like the kubelet's: every source's files in one directory, a
 * later source's file replacing an earlier one of the same path; the volume's {@code defaultMode}
 * for what an item does not set; a token from the TokenRequest API for each {@code
 * serviceAccountToken} source. Remembers when the earliest of those tokens is due again.
 */
final class ProjectedFiles {

  private final KeyedFiles keyed;
  private final ServiceAccountTokens tokens;
  private final Pod pod;
  private final NodeFacts node;
  private Instant earliestRefresh;

  ProjectedFiles(KeyedFiles keyed, ServiceAccountTokens tokens, Pod pod, NodeFacts node) {
    this.keyed = keyed;
    this.tokens = tokens;
    this.pod = pod;
    this.node = node;
  }

  List<VolumeFile> of(ProjectedVolumeSource volume, int mode) throws VolumeSetUpException {
    Map<String, VolumeFile> byPath = new LinkedHashMap<>();
    for (VolumeProjection source : volume.getSources()) {
      for (VolumeFile file : files(source, mode)) {
        byPath.put(file.path(), file);
      }
    }
    return new ArrayList<>(byPath.values());
  }

  /** When the first token of the volumes resolved so far is to be asked again. */
  Optional<Instant> earliestRefresh() {
    return Optional.ofNullable(earliestRefresh);
  }

  private List<VolumeFile> files(VolumeProjection source, int mode) throws VolumeSetUpException {
    if (source.getConfigMap() != null) {
      ConfigMapProjection map = source.getConfigMap();
      return keyed.configMap(map.getName(), map.getItems(), mode, map.getOptional());
    }
    if (source.getSecret() != null) {
      SecretProjection secret = source.getSecret();
      return keyed.secret(secret.getName(), secret.getItems(), mode, secret.getOptional());
    }
    if (source.getDownwardAPI() != null) {
      return DownwardApiFiles.of(pod, source.getDownwardAPI().getItems(), mode, node);
    }
    if (source.getServiceAccountToken() != null) {
      ServiceAccountTokens.IssuedToken token = tokens.token(pod, source.getServiceAccountToken());
      if (earliestRefresh == null || token.refreshAt().isBefore(earliestRefresh)) {
        earliestRefresh = token.refreshAt();
      }
      return List.of(
          new VolumeFile(
              source.getServiceAccountToken().getPath(),
              token.token().getBytes(StandardCharsets.UTF_8),
              mode));
    }
    throw new VolumeSetUpException(unsupported(source) + " projections are not supported");
  }

  private static String unsupported(VolumeProjection source) {
    if (source.getClusterTrustBundle() != null) {
      return "clusterTrustBundle";
    }
    return source.getPodCertificate() != null ? "podCertificate" : "unknown";
  }
}
