package io.camelvk.api;

import io.camelvk.api.stream.StreamRequest;
import io.camelvk.test.RunningKubelet;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One way kubectl talks to our kubelet through the API server: the environment that picks it, and
 * the transport and protocol that should reach the kubelet, as its {@code vk_kubelet_api_streams}
 * metric counts them.
 */
record StreamTransportCase(
    String name, Map<String, String> env, String transport, String protocol) {

  /** How many sessions of {@code kind} the kubelet opened over this case's transport so far. */
  long sessions(RunningKubelet kubelet, StreamRequest.Kind kind) {
    String metrics = kubelet.httpGet("/metrics").body();
    Matcher line =
        Pattern.compile(
                "vk_kubelet_api_streams_total\\{kind=\""
                    + kind.prefix().replace("/", "")
                    + "\",protocol=\""
                    + Pattern.quote(protocol)
                    + "\",transport=\""
                    + transport
                    + "\"} (\\S+)")
            .matcher(metrics);
    return line.find() ? (long) Double.parseDouble(line.group(1)) : 0;
  }

  @Override
  public String toString() {
    return name;
  }
}
