package io.camelvk.cli;

import io.camelvk.controlplane.HomeDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Picks the cluster as the Go virtual-kubelet does: {@code --kubeconfig}, else {@code KUBECONFIG},
 * else {@code ~/.kube/config}, else in-cluster; and, where none of them is there, local mode.
 */
public final class ClusterTargetResolver {

  static final Path SERVICE_ACCOUNT_TOKEN =
      Path.of("/var/run/secrets/kubernetes.io/serviceaccount/token");

  private final Map<String, String> env;
  private final Path home;
  private final Path serviceAccountToken;

  public ClusterTargetResolver(Map<String, String> env, Path home, Path serviceAccountToken) {
    this.env = env;
    this.home = home;
    this.serviceAccountToken = serviceAccountToken;
  }

  public static ClusterTargetResolver fromEnvironment() {
    return new ClusterTargetResolver(
        System.getenv(), HomeDirectory.resolve(), SERVICE_ACCOUNT_TOKEN);
  }

  /**
   * @param kubeconfigFlag the {@code --kubeconfig} value, or null
   * @throws IllegalArgumentException when a kubeconfig named by the flag or the variable is absent
   */
  public ClusterTarget resolve(String kubeconfigFlag) {
    if (kubeconfigFlag != null && !kubeconfigFlag.isBlank()) {
      return existing(Path.of(kubeconfigFlag), "--kubeconfig");
    }
    String variable = env.get("KUBECONFIG");
    if (variable != null && !variable.isBlank()) {
      // KUBECONFIG may list several files; the first one that exists is used, as kubectl merges
      // from it.
      for (String part : variable.split(":")) {
        if (!part.isBlank() && Files.isRegularFile(Path.of(part))) {
          return new ClusterTarget.KubeconfigFile(Path.of(part), "KUBECONFIG");
        }
      }
      throw new IllegalArgumentException("KUBECONFIG names no readable file: " + variable);
    }
    Path homeConfig = home.resolve(".kube").resolve("config");
    if (Files.isRegularFile(homeConfig)) {
      return new ClusterTarget.KubeconfigFile(homeConfig, "~/.kube/config");
    }
    if (env.containsKey("KUBERNETES_SERVICE_HOST") && Files.isRegularFile(serviceAccountToken)) {
      return new ClusterTarget.InCluster();
    }
    return new ClusterTarget.Local();
  }

  private static ClusterTarget existing(Path path, String origin) {
    if (!Files.isRegularFile(path)) {
      throw new IllegalArgumentException(origin + ": no such kubeconfig file: " + path);
    }
    return new ClusterTarget.KubeconfigFile(path, origin);
  }
}
