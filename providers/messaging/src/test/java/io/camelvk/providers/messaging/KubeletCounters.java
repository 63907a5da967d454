package io.camelvk.providers.messaging;

import io.camelvk.test.MetricsText;
import io.camelvk.test.RunningKubelet;
import java.util.regex.Pattern;

/**
 * The messaging provider's counters in a kubelet's /metrics, each read as how much it counted since
 * this object was made: tests that share a kubelet see only their own messages.
 */
final class KubeletCounters {

  private final RunningKubelet kubelet;
  private final String baseline;

  private KubeletCounters(RunningKubelet kubelet) {
    this.kubelet = kubelet;
    this.baseline = scrape();
  }

  static KubeletCounters from(RunningKubelet kubelet) {
    return new KubeletCounters(kubelet);
  }

  /** vk_messaging_messages_total of one direction (sent, received) and CloudEvents type. */
  double messages(String direction, String type) {
    return counted(
        MessagingCounters.MESSAGES, "direction=\"" + direction + "\"", "type=\"" + type + "\"");
  }

  /** vk_messaging_replies_dropped_total for one reason (duplicate, stale, ...). */
  double dropped(String reason) {
    return counted(MessagingCounters.DROPPED, "reason=\"" + reason + "\"");
  }

  double deadLetters() {
    return counted(MessagingCounters.DEAD_LETTERS);
  }

  private double counted(String name, String... labels) {
    String series = series(name, labels);
    return MetricsText.sum(scrape(), series) - MetricsText.sum(baseline, series);
  }

  private String scrape() {
    return kubelet.httpGet("/metrics").body();
  }

  /** The counter's samples that carry every one of the labels (all of them when none is given). */
  private static String series(String name, String... labels) {
    StringBuilder series = new StringBuilder(Pattern.quote(name + "_total"));
    if (labels.length == 0) {
      return series.append("(?:\\{[^}]*\\})?").toString();
    }
    series.append("\\{");
    for (String label : labels) {
      series.append("(?=[^}]*").append(Pattern.quote(label)).append(')');
    }
    return series.append("[^}]*\\}").toString();
  }
}
