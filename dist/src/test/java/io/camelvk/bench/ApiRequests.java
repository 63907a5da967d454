package io.camelvk.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The API requests the virtual kubelet counted in its /metrics, by verb, watches apart. */
record ApiRequests(long total, long watches, Map<String, Long> byVerb) {

  private static final Pattern COUNTER =
      Pattern.compile(
          "^vk_api_requests_total\\{code=\"[^\"]*\",verb=\"([A-Z]+)\"} ([0-9.E]+)",
          Pattern.MULTILINE);

  static ApiRequests parse(String metrics) {
    double total = 0;
    double watches = 0;
    Map<String, Long> byVerb = new TreeMap<>();
    Matcher m = COUNTER.matcher(metrics);
    while (m.find()) {
      double count = Double.parseDouble(m.group(2));
      total += count;
      byVerb.merge(m.group(1), (long) count, Long::sum);
      watches += m.group(1).equals("WATCH") ? count : 0;
    }
    return new ApiRequests((long) total, (long) watches, byVerb);
  }

  ApiRequests minus(ApiRequests before) {
    Map<String, Long> verbs = new TreeMap<>(byVerb);
    before.byVerb.forEach((verb, count) -> verbs.merge(verb, -count, Long::sum));
    return new ApiRequests(total - before.total, watches - before.watches, verbs);
  }

  /** Requests per pod, watches excluded (they are long-lived, not per pod). */
  double perPod(int pods) {
    return (double) (total - watches) / pods;
  }
}
