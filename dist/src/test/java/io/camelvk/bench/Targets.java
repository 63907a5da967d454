package io.camelvk.bench;

import io.camelvk.bench.Target.Verdict;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Issue 13's targets for the virtual kubelet, judged from the medians of its runs and the floor's.
 */
final class Targets {

  static final double ALL_READY_RATIO = 1.1;
  static final double CPU_PER_POD_RATIO = 2;
  static final double PACED_P99_MARGIN_SECONDS = 0.1;
  static final double API_REQUESTS_PER_POD = 3;
  static final double DELETE_RATIO = 1.2;
  static final double PEAK_RSS_MIB = 512;
  static final int PEAK_RSS_MIN_PODS = 10_000;
  static final double START_SECONDS = 3;

  private Targets() {}

  /** Every target, from the medians by mode; a mode that did not run has none. */
  static List<Target> evaluate(
      BenchOptions options, Map<Figure, Double> floor, Map<Figure, Double> vk) {
    return List.of(
        ratio("all Ready", Figure.ALL_READY, ALL_READY_RATIO, floor, vk),
        ratio("CPU per pod", Figure.CPU_PER_POD, CPU_PER_POD_RATIO, floor, vk),
        pacedP99(options.rate(), floor, vk),
        apiRequestsPerPod(vk),
        ratio("deletes", Figure.DELETE, DELETE_RATIO, floor, vk),
        peakRss(options.pods(), vk),
        start(vk));
  }

  private static Target ratio(
      String name, Figure figure, double limit, Map<Figure, Double> floor, Map<Figure, Double> vk) {
    String requirement = "<= " + number(limit) + " x the floor";
    if (!vk.containsKey(figure) || !floor.containsKey(figure)) {
      return new Target(name, requirement, missing(floor, vk), Verdict.NOT_JUDGED);
    }
    double ratio = vk.get(figure) / floor.get(figure);
    String measured =
        String.format(
            Locale.ROOT,
            "%.2f x (%s against %s)",
            ratio,
            figure.format(vk.get(figure)),
            figure.format(floor.get(figure)));
    return new Target(name, requirement, measured, Verdict.of(ratio <= limit));
  }

  private static Target pacedP99(int rate, Map<Figure, Double> floor, Map<Figure, Double> vk) {
    String name = "p99 create->Ready, paced";
    String requirement = "<= the floor's + " + number(PACED_P99_MARGIN_SECONDS) + " s";
    if (!vk.containsKey(Figure.P99) || !floor.containsKey(Figure.P99)) {
      return new Target(name, requirement, missing(floor, vk), Verdict.NOT_JUDGED);
    }
    double ours = vk.get(Figure.P99);
    double theirs = floor.get(Figure.P99);
    String measured = Figure.P99.format(ours) + " against " + Figure.P99.format(theirs);
    if (rate == 0) {
      return new Target(
          name, requirement, measured + " (a burst; judged with --rate)", Verdict.NOT_JUDGED);
    }
    return new Target(
        name, requirement, measured, Verdict.of(ours <= theirs + PACED_P99_MARGIN_SECONDS));
  }

  private static Target apiRequestsPerPod(Map<Figure, Double> vk) {
    String name = "API requests per pod";
    String requirement = "= " + Figure.API_REQUESTS_PER_POD.format(API_REQUESTS_PER_POD);
    Double perPod = vk.get(Figure.API_REQUESTS_PER_POD);
    if (perPod == null) {
      return new Target(name, requirement, missing(vk), Verdict.NOT_JUDGED);
    }
    // Judged as shown, to two decimals: 3.005 (one stray request per 200 pods) shows 3.01.
    String measured = Figure.API_REQUESTS_PER_POD.format(perPod);
    return new Target(name, requirement, measured, Verdict.of(requirement.equals("= " + measured)));
  }

  private static Target peakRss(int pods, Map<Figure, Double> vk) {
    String name = "peak RSS";
    String requirement =
        "< "
            + Figure.PEAK_RSS.format(PEAK_RSS_MIB)
            + " with "
            + PEAK_RSS_MIN_PODS
            + " pods or more";
    Double rss = vk.get(Figure.PEAK_RSS);
    if (rss == null) {
      return new Target(name, requirement, missing(vk), Verdict.NOT_JUDGED);
    }
    String measured = Figure.PEAK_RSS.format(rss);
    return pods < PEAK_RSS_MIN_PODS
        ? new Target(name, requirement, measured + " with " + pods + " pods", Verdict.NOT_JUDGED)
        : new Target(name, requirement, measured, Verdict.of(rss < PEAK_RSS_MIB));
  }

  private static Target start(Map<Figure, Double> vk) {
    String name = "start to node Ready";
    String requirement = "< " + Figure.START.format(START_SECONDS);
    Double seconds = vk.get(Figure.START);
    return seconds == null
        ? new Target(name, requirement, missing(vk), Verdict.NOT_JUDGED)
        : new Target(
            name, requirement, Figure.START.format(seconds), Verdict.of(seconds < START_SECONDS));
  }

  /** Why a target that compares with the floor cannot be judged. */
  private static String missing(Map<Figure, Double> floor, Map<Figure, Double> vk) {
    return floor.isEmpty() ? "no floor run" : missing(vk);
  }

  /** Why a target of the virtual kubelet alone cannot be judged. */
  private static String missing(Map<Figure, Double> vk) {
    return vk.isEmpty() ? "no virtual kubelet run" : "not measured";
  }

  private static String number(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }
}
