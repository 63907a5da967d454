package io.camelvk.cli;

import java.nio.file.Path;

/** Where the virtual kubelet finds its cluster. */
public sealed interface ClusterTarget {

  /** A kubeconfig file, from {@code --kubeconfig}, {@code KUBECONFIG} or {@code ~/.kube/config}. */
  record KubeconfigFile(Path path, String origin) implements ClusterTarget {}

  /** The service account of the pod we run in. */
  record InCluster() implements ClusterTarget {}

  /** No cluster configured: start a local control plane. */
  record Local() implements ClusterTarget {}
}
