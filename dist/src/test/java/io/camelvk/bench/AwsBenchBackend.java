package io.camelvk.bench;

import io.camelvk.providers.aws.MotoCluster;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The aws provider's backend for a run: moto_server (its own Python process, so its CPU is not the
 * virtual kubelet's) with an ECS cluster whose tasks stay RUNNING. The provider keeps its default
 * poll period. The ECS and CloudWatch Logs requests per pod are the provider's own count at the
 * SDK, {@code vk_aws_requests_total} on the virtual kubelet's /metrics.
 */
final class AwsBenchBackend implements AutoCloseable {

  static final String NAME = "aws";

  private static final Path MODULE_TARGET = Path.of("providers", "aws", "target");
  private static final Pattern REQUESTS =
      Pattern.compile("^vk_aws_requests_total\\{([^}]*)} ([0-9.eE+]+)$", Pattern.MULTILINE);
  private static final Pattern OPERATION = Pattern.compile("operation=\"([^\"]*)\"");

  /** For the SDK's default chain; moto checks no signature. */
  private static final String[] DUMMY_CREDENTIALS = {
    "-Daws.accessKeyId=testing", "-Daws.secretAccessKey=testing"
  };

  private final MotoCluster moto;
  private final int capacity;

  private AwsBenchBackend(MotoCluster moto, int capacity) {
    this.moto = moto;
    this.capacity = capacity;
  }

  /**
   * @param capacity the node's pods (the provider's default is 20)
   */
  static AwsBenchBackend start(int capacity) {
    return new AwsBenchBackend(MotoCluster.start("bench", MODULE_TARGET), capacity);
  }

  /** What the virtual kubelet's JVM is given to reach moto. */
  List<String> javaOptions() {
    List<String> options = new ArrayList<>(List.of(DUMMY_CREDENTIALS));
    options.add("-Dvk.provider.aws.pods=" + capacity);
    moto.providerProperties().entrySet().stream()
        .filter(p -> !p.getKey().equals("vk.provider.aws.poll-period"))
        .map(p -> "-D" + p.getKey() + "=" + p.getValue())
        .forEach(options::add);
    return options;
  }

  /** The provider's AWS requests so far, by operation, from its /metrics text. */
  static Map<String, Integer> requests(String metrics) {
    Map<String, Integer> counts = new TreeMap<>();
    Matcher line = REQUESTS.matcher(metrics);
    while (line.find()) {
      Matcher operation = OPERATION.matcher(line.group(1));
      counts.merge(
          operation.find() ? operation.group(1) : "?",
          (int) Double.parseDouble(line.group(2)),
          Integer::sum);
    }
    return counts;
  }

  @Override
  public void close() {
    moto.close();
  }
}
