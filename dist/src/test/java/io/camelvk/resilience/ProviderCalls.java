package io.camelvk.resilience;

import io.camelvk.test.RunningKubelet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How often the kubelet called its provider, read from its {@code /metrics}. */
final class ProviderCalls {

  private ProviderCalls() {}

  /** Calls of {@code method}, whatever their outcome. */
  static long of(RunningKubelet kubelet, String method) {
    Matcher m =
        Pattern.compile(
                "^vk_provider_call_seconds_count\\{method=\""
                    + method
                    + "\",outcome=\"[a-z_]+\",provider=\"[a-z]+\"} (\\S+)$",
                Pattern.MULTILINE)
            .matcher(kubelet.httpGet("/metrics").body());
    long calls = 0;
    while (m.find()) {
      calls += (long) Double.parseDouble(m.group(1));
    }
    return calls;
  }
}
