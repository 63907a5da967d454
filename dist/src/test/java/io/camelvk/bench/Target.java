package io.camelvk.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One of issue 13's targets, judged from the medians: what it asks, what was measured, and whether
 * it was met (or why it was not judged).
 */
record Target(String name, String requirement, String measured, Verdict verdict) {

  enum Verdict {
    MET("met"),
    NOT_MET("NOT MET"),
    NOT_JUDGED("not judged");

    private final String label;

    Verdict(String label) {
      this.label = label;
    }

    String label() {
      return label;
    }

    static Verdict of(boolean met) {
      return met ? MET : NOT_MET;
    }
  }

  /** As report.json keeps it. */
  Map<String, Object> report() {
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("name", name);
    report.put("requirement", requirement);
    report.put("measured", measured);
    report.put("verdict", verdict.label());
    return report;
  }

  /** One line of the summary: verdict, target, what was measured. */
  String line() {
    return String.format("%-10s %s %s: %s", verdict.label(), name, requirement, measured);
  }
}
