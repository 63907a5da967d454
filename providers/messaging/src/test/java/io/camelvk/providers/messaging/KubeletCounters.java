package io.camelvk.providers.messaging;

import io.camelvk.test.RunningKubelet;
import java.util.Arrays;

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
    return sum(scrape(), name, labels) - sum(baseline, name, labels);
  }

  private String scrape() {
    return kubelet.httpGet("/metrics").body();
  }

  private static double sum(String metrics, String name, String... labels) {
    return metrics
        .lines()
        .filter(l -> l.startsWith(name + "_total{") || l.startsWith(name + "_total "))
        .filter(l -> Arrays.stream(labels).allMatch(l::contains))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .sum();
  }
}
