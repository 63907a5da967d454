package io.camelvk.bench;

import java.nio.file.Path;
import java.util.List;

/**
 * The benchmark's options: {@code --pods N} (default 1000), {@code --rate R} pods/s (0: a burst, as
 * fast as the creators go), {@code --creators C} threads, {@code --mode floor|vk|both}, {@code
 * --kubeconfig F} (reuse a cluster; else a local control plane), {@code --out DIR}, {@code
 * --workers W} for the virtual kubelet's --pod-sync-workers, {@code --providers a,b} for the
 * providers its node runs (the first the default; "instant", which only the tests have, comes from
 * dist/target/test-classes), {@code --split}, which places the pods round-robin on them, and {@code
 * --repeat N}: N runs of each mode, alternating, whose medians are reported; {@code --transport
 * jms|amqp|kafka} is the messaging provider's.
 */
record BenchOptions(
    int pods,
    int rate,
    int creators,
    List<String> modes,
    Path kubeconfig,
    Path out,
    int workers,
    List<String> providers,
    boolean split,
    int repeat,
    String transport) {

  static BenchOptions parse(String[] args) {
    int pods = 1000;
    int rate = 0;
    int creators = 16;
    int workers = io.camelvk.config.VkSettings.DEFAULT_POD_SYNC_WORKERS;
    List<String> modes = List.of("floor", "vk");
    Path kubeconfig = null;
    Path out = Path.of("target", "bench");
    List<String> providers = List.of("mock");
    boolean split = false;
    int repeat = 1;
    String transport = "jms";
    for (int i = 0; i < args.length; i++) {
      String value = i + 1 < args.length ? args[i + 1] : "";
      switch (args[i]) {
        case "--pods" -> pods = positive("--pods", value);
        case "--rate" -> rate = Integer.parseInt(value);
        case "--creators" -> creators = positive("--creators", value);
        case "--workers" -> workers = positive("--workers", value);
        case "--mode" -> modes = value.equals("both") ? List.of("floor", "vk") : List.of(value);
        case "--kubeconfig" -> kubeconfig = Path.of(value);
        case "--out" -> out = Path.of(value);
        case "--providers" -> providers = List.of(value.split(","));
        case "--repeat" -> repeat = positive("--repeat", value);
        case "--transport" -> transport = value;
        case "--split" -> {
          split = true;
          i--;
        }
        default ->
            throw new IllegalArgumentException(
                "unknown option " + args[i] + " (see bench/README.md)");
      }
      i++;
    }
    for (String mode : modes) {
      if (!List.of("floor", "vk").contains(mode)) {
        throw new IllegalArgumentException("--mode: floor, vk or both, not " + mode);
      }
    }
    return new BenchOptions(
        pods, rate, creators, modes, kubeconfig, out, workers, providers, split, repeat, transport);
  }

  private static int positive(String flag, String value) {
    try {
      int parsed = Integer.parseInt(value);
      if (parsed > 0) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(flag + " needs a positive number, not '" + value + "'");
  }

  String shape() {
    return rate == 0 ? "burst" : "paced " + rate + "/s";
  }

  /** The provider a pod goes to when the pods are split, else none. */
  String providerOf(int pod) {
    return split ? providers.get(pod % providers.size()) : null;
  }
}
