package io.camelvk.test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Values read from a Prometheus text exposition, as a test checks a kubelet's /metrics. */
public final class MetricsText {

  private MetricsText() {}

  /**
   * The sum of the samples whose name and labels match {@code series} (a regular expression for
   * everything before the value, such as {@code vk_pods\{phase="Running"\}}); 0 when none does.
   */
  public static double sum(String metrics, String series) {
    Matcher m =
        Pattern.compile("^(?:" + series + ") ([0-9.E+-]+)$", Pattern.MULTILINE).matcher(metrics);
    double sum = 0;
    while (m.find()) {
      sum += Double.parseDouble(m.group(1));
    }
    return sum;
  }
}
