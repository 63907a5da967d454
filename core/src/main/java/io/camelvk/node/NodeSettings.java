package io.camelvk.node;

import io.fabric8.kubernetes.api.model.Taint;
import java.util.Optional;

/**
 * How our node presents itself, from the command line.
 *
 * @param nodeName the node's name ({@code --nodename})
 * @param operatingSystem {@code linux} or {@code windows}, lower case ({@code --os})
 * @param providerName the provider's name, also the default taint value
 * @param taint the taint to set, empty when disabled
 * @param kubeletPort the kubelet API port, published as {@code daemonEndpoints.kubeletEndpoint}
 * @param internalIp the node's InternalIP address ({@code VKUBELET_POD_IP})
 */
public record NodeSettings(
    String nodeName,
    String operatingSystem,
    String providerName,
    Optional<Taint> taint,
    int kubeletPort,
    String internalIp) {

  public static final String DEFAULT_NODE_NAME = "virtual-kubelet";
  public static final String DEFAULT_TAINT_KEY = "virtual-kubelet.io/provider";
  public static final String DEFAULT_TAINT_EFFECT = "NoSchedule";
  public static final int DEFAULT_KUBELET_PORT = 10250;
}
