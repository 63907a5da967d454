package io.camelvk.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The API requests the virtual kubelet counted in its /metrics, by verb, with watches, event writes
 * and the TokenRequests of pods' projected service-account tokens apart.
 */
record ApiRequests(long total, long watches, long events, long tokens, Map<String, Long> byVerb) {

  /** The resource a TokenRequest is a POST on. */
  static final String TOKEN_RESOURCE = "serviceaccounts/token";

  private static final Pattern COUNTER =
      Pattern.compile(
          "^vk_api_requests_total\\{code=\"[^\"]*\",resource=\"([^\"]*)\",verb=\"([A-Z]+)\"}"
              + " ([0-9.E]+)",
          Pattern.MULTILINE);

  static ApiRequests parse(String metrics) {
    double total = 0;
    double watches = 0;
    double events = 0;
    double tokens = 0;
    Map<String, Long> byVerb = new TreeMap<>();
    Matcher m = COUNTER.matcher(metrics);
    while (m.find()) {
      double count = Double.parseDouble(m.group(3));
      total += count;
      byVerb.merge(m.group(2), (long) count, Long::sum);
      watches += m.group(2).equals("WATCH") ? count : 0;
      events += m.group(1).equals("events") ? count : 0;
      tokens += m.group(1).equals(TOKEN_RESOURCE) ? count : 0;
    }
    return new ApiRequests((long) total, (long) watches, (long) events, (long) tokens, byVerb);
  }

  ApiRequests minus(ApiRequests before) {
    Map<String, Long> verbs = new TreeMap<>(byVerb);
    before.byVerb.forEach((verb, count) -> verbs.merge(verb, -count, Long::sum));
    return new ApiRequests(
        total - before.total,
        watches - before.watches,
        events - before.events,
        tokens - before.tokens,
        verbs);
  }

  /**
   * Requests per pod for the pods themselves: watches (long-lived, not per pod), events (their own
   * figure, which a flag turns down) and TokenRequests (their own figure) excluded.
   */
  double perPod(int pods) {
    return (double) (total - watches - events - tokens) / pods;
  }

  /** Event writes (creates and count patches) per pod. */
  double eventsPerPod(int pods) {
    return (double) events / pods;
  }

  /**
   * TokenRequests per pod: one per projected token of a pod whose provider takes volumes (the
   * mock's do), none for the floor.
   */
  double tokensPerPod(int pods) {
    return (double) tokens / pods;
  }
}
