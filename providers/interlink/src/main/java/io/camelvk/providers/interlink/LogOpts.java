package io.camelvk.providers.interlink;

import io.camelvk.provider.LogOptions;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code types.ContainerLogOpts} from the kubelet's log query. Go reads every field, so each is
 * sent: 0 for no tail or limit, and Go's zero time for no {@code SinceTime} (an empty string would
 * not parse as a {@code time.Time}).
 */
final class LogOpts {

  static final String GO_ZERO_TIME = "0001-01-01T00:00:00Z";

  private LogOpts() {}

  static Map<String, Object> of(LogOptions options, String bytesField) {
    Map<String, Object> opts = new LinkedHashMap<>();
    opts.put("Tail", options.tailLines() == null ? 0 : options.tailLines());
    opts.put(bytesField, options.limitBytes() == null ? 0 : options.limitBytes());
    opts.put("Timestamps", options.timestamps());
    opts.put("Follow", options.follow());
    opts.put("Previous", options.previous());
    opts.put("SinceSeconds", 0);
    Instant since = options.since();
    opts.put("SinceTime", since == null ? GO_ZERO_TIME : since.toString());
    return opts;
  }
}
