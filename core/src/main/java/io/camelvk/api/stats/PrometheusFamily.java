package io.camelvk.api.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * One metric family in the Prometheus text format 0.0.4, written as client_golang writes it: HELP
 * and TYPE lines, samples ordered by their label values, labels ordered by name.
 */
final class PrometheusFamily {

  /** A sample; labels by name, timestamp in milliseconds since the epoch when it has one. */
  record Sample(Map<String, String> labels, double value, OptionalLong timestampMillis) {
    Sample {
      labels = new TreeMap<>(labels);
    }
  }

  private final String name;
  private final String help;
  private final String type;
  private final List<Sample> samples = new ArrayList<>();

  PrometheusFamily(String name, String help, String type) {
    this.name = name;
    this.help = help;
    this.type = type;
  }

  String name() {
    return name;
  }

  boolean isEmpty() {
    return samples.isEmpty();
  }

  PrometheusFamily add(Sample sample) {
    samples.add(sample);
    return this;
  }

  void writeTo(StringBuilder text) {
    text.append("# HELP ").append(name).append(' ').append(escapeHelp(help)).append('\n');
    text.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    samples.stream().sorted(BY_LABEL_VALUES).forEach(s -> writeSample(text, s));
  }

  private void writeSample(StringBuilder text, Sample sample) {
    text.append(name);
    if (!sample.labels().isEmpty()) {
      List<String> pairs = new ArrayList<>();
      sample
          .labels()
          .forEach((label, value) -> pairs.add(label + "=\"" + escapeLabelValue(value) + "\""));
      text.append('{').append(String.join(",", pairs)).append('}');
    }
    text.append(' ').append(GoFloatText.of(sample.value()));
    sample.timestampMillis().ifPresent(ms -> text.append(' ').append(ms));
    text.append('\n');
  }

  private static final Comparator<Sample> BY_LABEL_VALUES =
      (a, b) -> {
        List<String> left = List.copyOf(a.labels().values());
        List<String> right = List.copyOf(b.labels().values());
        for (int i = 0; i < Math.min(left.size(), right.size()); i++) {
          int order = left.get(i).compareTo(right.get(i));
          if (order != 0) {
            return order;
          }
        }
        return Integer.compare(left.size(), right.size());
      };

  static String escapeLabelValue(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }

  private static String escapeHelp(String help) {
    return help.replace("\\", "\\\\").replace("\n", "\\n");
  }
}
