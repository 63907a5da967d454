package io.camelvk;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The versions stamped into the build. */
public final class BuildInfo {

  private static final Properties PROPERTIES = load();

  private BuildInfo() {}

  public static String version() {
    return PROPERTIES.getProperty("version", "unknown");
  }

  /** The Kubernetes version whose kubelet we present ourselves as. */
  public static String kubernetesVersion() {
    return PROPERTIES.getProperty("kubernetes.version", "unknown");
  }

  /** The kubelet version reported in the node's status, for example {@code v1.37.2-vk-0.1.0}. */
  public static String kubeletVersion() {
    return "v" + kubernetesVersion() + "-vk-" + version();
  }

  private static Properties load() {
    Properties properties = new Properties();
    try (InputStream in =
        BuildInfo.class.getResourceAsStream("/camel-virtual-kubelet.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties;
  }
}
