package io.camelvk.api;

import java.util.List;
import java.util.Map;

/** Who sent a kubelet API request, as the authenticator found it. */
public record Caller(
    String user, String uid, List<String> groups, Map<String, List<String>> extra) {

  /** The caller when authentication is turned off. */
  public static final Caller ANONYMOUS =
      new Caller("system:anonymous", "", List.of("system:unauthenticated"), Map.of());
}
