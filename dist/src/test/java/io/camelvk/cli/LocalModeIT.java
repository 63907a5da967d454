package io.camelvk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camelvk.controlplane.ControlPlaneBinaries;
import io.camelvk.test.BoundedProcess;
import io.camelvk.test.ProjectRoot;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@code bin/virtual-kubelet} as a new user would, with no cluster configured. */
class LocalModeIT {

  /** What the README tells users to pass to kubectl run. */
  static final String TOLERATION =
      "{\"apiVersion\":\"v1\",\"spec\":{\"tolerations\":[{\"key\":\"virtual-kubelet.io/provider\",\"operator\":\"Exists\"}]}}";

  @TempDir Path home;

  /**
   * bin/virtual-kubelet as a terminal would start it. A build run in the background (`nohup ... &`)
   * passes SIGINT down ignored, and a JVM leaves a signal ignored at its start ignored whatever
   * handler it is given, so Ctrl-C is restored to its default first (bash cannot: a signal ignored
   * when a non-interactive shell starts cannot be reset).
   */
  private static final List<String> WITH_CTRL_C =
      List.of(
          "python3",
          "-c",
          "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL);"
              + " os.execv(sys.argv[1], sys.argv[1:])",
          ProjectRoot.resolve("bin/virtual-kubelet").toString());

  @Test
  void withNoClusterConfiguredItStartsALocalControlPlaneThatKubectlAnswersAndCtrlCStopsIt()
      throws Exception {
    Path binaries = ControlPlaneBinaries.resolve().dir();
    ProcessBuilder builder = new ProcessBuilder(WITH_CTRL_C).redirectErrorStream(true);
    builder.environment().remove("KUBECONFIG");
    builder.environment().remove("KUBERNETES_SERVICE_HOST");
    builder.environment().put("HOME", home.toString());
    builder.environment().put("VK_CONTROL_PLANE_BIN", binaries.toString());
    builder.environment().put("VK_SKIP_BUILD", "1");
    builder
        .environment()
        .put(
            "VK_JAVA_OPTS",
            "-Dvk.metrics.port="
                + io.camelvk.controlplane.LoopbackPorts.free()
                + " -Dvk.kubelet.port="
                + io.camelvk.controlplane.LoopbackPorts.free());
    Process launcher = builder.start();
    List<String> output = new CopyOnWriteArrayList<>();
    Thread.ofVirtual().start(() -> collect(launcher, output));
    try {
      await()
          .atMost(Duration.ofSeconds(120))
          .until(() -> kubeconfigLine(output) != null || !launcher.isAlive());
      assertThat(launcher.isAlive()).as("launcher output: %s", output).isTrue();
      Path kubeconfig = Path.of(kubeconfigLine(output).substring("kubeconfig: ".length()).strip());
      assertThat(kubeconfig).startsWith(home);
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () ->
                  output.stream().anyMatch(l -> l.startsWith("Node virtual-kubelet is registered"))
                      || !launcher.isAlive());
      assertThat(launcher.isAlive()).as("launcher output: %s", output).isTrue();

      String namespaces = kubectl(binaries, kubeconfig, "get", "ns", "-o", "name");
      assertThat(namespaces).contains("namespace/default", "namespace/kube-system");

      kubectl(
          binaries,
          kubeconfig,
          "wait",
          "--for=condition=Ready",
          "node/virtual-kubelet",
          "--timeout=60s");
      kubectl(binaries, kubeconfig, "run", "demo", "--image=busybox", "--overrides=" + TOLERATION);
      kubectl(binaries, kubeconfig, "wait", "--for=condition=Ready", "pod/demo", "--timeout=60s");
      assertThat(
              kubectl(
                  binaries,
                  kubeconfig,
                  "get",
                  "pod",
                  "demo",
                  "-o",
                  "jsonpath={.status.phase} {.spec.nodeName}"))
          .isEqualTo("Running virtual-kubelet");
      assertThat(kubectl(binaries, kubeconfig, "logs", "demo"))
          .as("the API server's kubelet-client certificate passes the local CA")
          .startsWith("mock: container demo of default/demo started (restart 0)");

      List<ProcessHandle> components = componentPids(home);
      assertThat(components).hasSize(4).allMatch(ProcessHandle::isAlive);

      new ProcessBuilder("kill", "-INT", Long.toString(launcher.pid())).start().waitFor();
      boolean stopped = launcher.waitFor(60, TimeUnit.SECONDS);
      assertThat(stopped)
          .as("launcher stops on Ctrl-C; output: %s%nthreads: %s", output, threads(launcher))
          .isTrue();
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> components.stream().noneMatch(ProcessHandle::isAlive));
    } finally {
      launcher.destroyForcibly();
    }
  }

  /** What a launcher that does not stop is doing, for the failure message. */
  private static String threads(Process launcher) throws IOException, InterruptedException {
    if (!launcher.isAlive()) {
      return "(stopped)";
    }
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    return BoundedProcess.run(
            new ProcessBuilder(jcmd.toString(), Long.toString(launcher.pid()), "Thread.print")
                .redirectErrorStream(true),
            Duration.ofSeconds(30))
        .stdout();
  }

  private static String kubeconfigLine(List<String> output) {
    return output.stream().filter(l -> l.startsWith("kubeconfig: ")).findFirst().orElse(null);
  }

  private static List<ProcessHandle> componentPids(Path home) throws IOException {
    Path runs = home.resolve(".cache/camel-virtual-kubelet/local/runs");
    try (Stream<Path> files = Files.walk(runs)) {
      return files
          .filter(
              f -> f.toString().endsWith(".pid") && !f.getFileName().toString().equals("owner.pid"))
          .map(LocalModeIT::readPid)
          .map(pid -> ProcessHandle.of(pid).orElseThrow())
          .toList();
    }
  }

  private static long readPid(Path file) {
    try {
      return Long.parseLong(Files.readString(file).strip());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String kubectl(Path binaries, Path kubeconfig, String... args) throws Exception {
    List<String> command =
        new java.util.ArrayList<>(
            List.of(binaries.resolve("kubectl").toString(), "--kubeconfig", kubeconfig.toString()));
    command.addAll(List.of(args));
    var kubectl =
        BoundedProcess.run(
            new ProcessBuilder(command).redirectErrorStream(true), Duration.ofSeconds(60));
    assertThat(kubectl.exitCode()).as("kubectl %s: %s", List.of(args), kubectl.stdout()).isZero();
    return kubectl.stdout();
  }

  private static void collect(Process process, List<String> output) {
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      reader.lines().forEach(output::add);
    } catch (IOException e) {
      output.add("(output closed: " + e + ")");
    }
  }
}
