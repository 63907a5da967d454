package io.camelvk.api;

import io.netty.handler.codec.http.HttpMethod;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The kubelet's mapping of a request to the {@code nodes} subresources and verb checked with a
 * SubjectAccessReview (pkg/kubelet/server/auth.go, fine-grained authorization on): access is
 * granted when any of the subresources is allowed.
 */
final class NodeSubresources {

  private static final Map<String, String> FINE_GRAINED =
      Map.of(
          "/allocatedPods", "pods",
          "/pods", "pods",
          "/healthz", "healthz",
          "/configz", "configz",
          "/runningpods", "pods");

  private static final Map<String, String> COARSE =
      Map.of(
          "/stats", "stats",
          "/metrics", "metrics",
          "/logs", "log",
          "/checkpoint", "checkpoint",
          "/statusz", "statusz",
          "/flagz", "configz");

  private static final Map<HttpMethod, String> VERBS =
      Map.of(
          HttpMethod.POST, "create",
          HttpMethod.GET, "get",
          HttpMethod.PUT, "update",
          HttpMethod.PATCH, "patch",
          HttpMethod.DELETE, "delete");

  private NodeSubresources() {}

  static List<String> forPath(String path) {
    List<String> subresources = new ArrayList<>(2);
    FINE_GRAINED.entrySet().stream()
        .filter(e -> isSubpath(path, e.getKey()))
        .findFirst()
        .ifPresent(e -> subresources.add(e.getValue()));
    subresources.add(
        COARSE.entrySet().stream()
            .filter(e -> isSubpath(path, e.getKey()))
            .map(Map.Entry::getValue)
            .findFirst()
            .orElse("proxy"));
    return subresources;
  }

  /** The verb of the HTTP method; empty for others, as the kubelet does. */
  static String verb(HttpMethod method) {
    return VERBS.getOrDefault(method, "");
  }

  private static boolean isSubpath(String path, String prefix) {
    return path.equals(prefix) || (path.startsWith(prefix) && path.charAt(prefix.length()) == '/');
  }
}
