package io.camelvk.api.stream.spdy;

import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The kubelet's {@code X-Stream-Protocol-Version} handshake: every header line, split on commas;
 * the first client value the server supports wins. Nothing offered is a 400, nothing in common a
 * 403 that lists what the server accepts.
 */
record StreamProtocolNegotiation(
    Optional<String> chosen, HttpResponseStatus status, String message, List<String> accepted) {

  static final String VERSION_HEADER = "X-Stream-Protocol-Version";
  static final String ACCEPTED_HEADER = "X-Accepted-Stream-Protocol-Versions";

  /** exec and attach: v5 over SPDY behaves as v4 for the client. */
  static final List<String> REMOTE_COMMAND =
      List.of(
          "v5.channel.k8s.io",
          "v4.channel.k8s.io",
          "v3.channel.k8s.io",
          "v2.channel.k8s.io",
          "channel.k8s.io");

  static final List<String> PORT_FORWARD = List.of("portforward.k8s.io");

  static StreamProtocolNegotiation negotiate(HttpHeaders headers, List<String> supported) {
    List<String> lines = headers.getAll(VERSION_HEADER);
    if (lines.isEmpty()) {
      return refused(
          HttpResponseStatus.BAD_REQUEST,
          "unable to upgrade: header "
              + VERSION_HEADER
              + " does not exist in request with "
              + headers.names().size()
              + " headers",
          List.of());
    }
    List<String> offered = new ArrayList<>();
    for (String line : lines) {
      for (String value : line.split(",", -1)) {
        if (!value.strip().isEmpty()) {
          offered.add(value.strip());
        }
      }
    }
    if (offered.isEmpty()) {
      return refused(
          HttpResponseStatus.BAD_REQUEST,
          "unable to upgrade: header "
              + VERSION_HEADER
              + " contains "
              + goList(lines)
              + ", but no valid protocols",
          List.of());
    }
    Optional<String> chosen = offered.stream().filter(supported::contains).findFirst();
    if (chosen.isEmpty()) {
      return refused(
          HttpResponseStatus.FORBIDDEN,
          "unable to upgrade: unable to negotiate protocol: client supports "
              + goList(offered)
              + ", server accepts "
              + goList(supported),
          supported);
    }
    return new StreamProtocolNegotiation(
        chosen, HttpResponseStatus.SWITCHING_PROTOCOLS, "", List.of());
  }

  /** The exec/attach protocol generation: 1 for {@code channel.k8s.io}, else the vN prefix. */
  static int remoteCommandVersion(String protocol) {
    return protocol.startsWith("v") ? protocol.charAt(1) - '0' : 1;
  }

  private static StreamProtocolNegotiation refused(
      HttpResponseStatus status, String message, List<String> accepted) {
    return new StreamProtocolNegotiation(Optional.empty(), status, message + "\n", accepted);
  }

  /** As Go's {@code %v} prints a string slice. */
  private static String goList(List<String> values) {
    return "[" + String.join(" ", values) + "]";
  }
}
