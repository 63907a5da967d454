package io.camelvk.providers.mock.pod;

/**
 * Which container of which pod: for its log lines, its container IDs and the kubelet's messages.
 */
public record ContainerRef(String namespace, String pod, String uid, String container) {

  /** {@code namespace/pod}. */
  public String podKey() {
    return namespace + "/" + pod;
  }

  /** The pod as the kubelet names it in messages (its format.Pod): {@code name_namespace(uid)}. */
  public String kubeletPodName() {
    return pod + "_" + namespace + "(" + uid + ")";
  }

  /** The ID of one instance of the container. */
  public String containerId(int instance) {
    return "mock://" + uid + "/" + container + "/" + instance;
  }
}
