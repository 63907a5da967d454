package io.camelvk.bench;

import io.camelvk.test.ProjectRoot;
import io.fabric8.kubernetes.client.Config;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The floor (bench/floor, a kubelet in Go that makes only the API requests a kubelet must) as a
 * process of its own, so that its CPU and memory are its own and do not slow the control plane as a
 * kubelet inside the benchmark's JVM would.
 */
final class FloorUnderTest implements AutoCloseable {

  /** Where bench/run tells the benchmark the floor was built (bench/floor/build prints it). */
  static final String BINARY_VARIABLE = "BENCH_FLOOR";

  private final BenchProcess process;

  private FloorUnderTest(BenchProcess process) {
    this.process = process;
  }

  static FloorUnderTest start(Config config, String node, Path out, Path log) throws IOException {
    List<String> command = new ArrayList<>(List.of(binary().toString(), "--node", node));
    command.addAll(FloorCredentials.flags(config, out.resolve("floor-credentials")));
    return new FloorUnderTest(BenchProcess.start(new ProcessBuilder(command), log));
  }

  private static Path binary() {
    String built = System.getenv(BINARY_VARIABLE);
    Path binary =
        built == null || built.isBlank()
            ? ProjectRoot.resolve("bench/floor/target/bench-floor")
            : Path.of(built);
    if (!Files.isExecutable(binary)) {
      throw new IllegalStateException(
          "no floor at " + binary + ": build it with bench/floor/build (bench/run does)");
    }
    return binary;
  }

  long pid() {
    return process.pid();
  }

  /** SIGTERM: the floor stops and leaves its node and pods as they are. */
  @Override
  public void close() {
    process.close();
  }
}
