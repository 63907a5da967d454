package io.camelvk.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camelvk.test.Kubectl;
import io.camelvk.test.PseudoTerminal;
import io.camelvk.test.RunningKubelet;
import io.camelvk.test.TestCluster;
import io.camelvk.test.TestPods;
import io.camelvk.test.WithVirtualKubelet;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real {@code kubectl exec} and {@code kubectl attach} through the real API server. Our node
 * does not declare ExtendWebSocketsToKubelet, so both ways kubectl talks reach us as SPDY/3.1: its
 * default WebSocket (v5) translated by the API server, and its own SPDY.
 */
@WithVirtualKubelet
class KubectlExecIT {

  private static final Duration LOADED_MACHINE = Duration.ofSeconds(90);
  private static final String POD = "shell";

  @BeforeAll
  static void runAPod(RunningKubelet kubelet, TestCluster cluster) {
    cluster.create(TestPods.boundTo(kubelet.nodeName(), POD).build());
    await().atMost(LOADED_MACHINE).until(() -> TestPods.isRunningAndReady(cluster.pod(POD)));
  }

  static Stream<Arguments> transports() {
    return Stream.of(
        Arguments.of("websocket translated by the API server", Map.of()),
        Arguments.of("spdy", Map.of("KUBECTL_REMOTE_COMMAND_WEBSOCKETS", "false")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("transports")
  void execPrintsTheCommandsOutput(String transport, Map<String, String> env, TestCluster cluster) {
    Kubectl.Result result = kubectl(cluster, env).run(null, exec(cluster, "--", "echo", "hi"));

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(result.stdout()).isEqualTo("hi\n");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("transports")
  void stdinReachesTheCommand(String transport, Map<String, String> env, TestCluster cluster) {
    String file = "/tmp/" + (env.isEmpty() ? "ws" : "spdy");
    Kubectl kubectl = kubectl(cluster, env);

    Kubectl.Result tee = kubectl.run("piped in\n", exec(cluster, "-i", "--", "tee", file));
    Kubectl.Result cat = kubectl.run(null, exec(cluster, "--", "cat", file));

    assertThat(tee.exitCode()).as(tee.stderr()).isZero();
    assertThat(tee.stdout()).isEqualTo("piped in\n");
    assertThat(cat.stdout()).isEqualTo("piped in\n");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("transports")
  void moreThanTheSpdyWindowFlowsBothWays(
      String transport, Map<String, String> env, TestCluster cluster) {
    String big = "0123456789abcdef".repeat(20 * 1024) + "\n";

    Kubectl.Result result =
        kubectl(cluster, env).run(big, exec(cluster, "-i", "--", "tee", "/big"));

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(result.stdout()).hasSize(big.length()).isEqualTo(big);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("transports")
  void stderrIsItsOwnStream(String transport, Map<String, String> env, TestCluster cluster) {
    Kubectl.Result result = kubectl(cluster, env).run(null, exec(cluster, "--", "cat", "/nope"));

    assertThat(result.stdout()).isEmpty();
    assertThat(result.stderr()).contains("cat: /nope: No such file or directory");
    assertThat(result.exitCode()).isEqualTo(1);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("transports")
  void theExitCodeBecomesKubectlsOwn(
      String transport, Map<String, String> env, TestCluster cluster) {
    Kubectl.Result result =
        kubectl(cluster, env).run(null, exec(cluster, "--", "sh", "-c", "exit 3"));

    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.stderr()).contains("command terminated with exit code 3");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("transports")
  void attachEchoesStdin(String transport, Map<String, String> env, TestCluster cluster) {
    Kubectl.Result result =
        kubectl(cluster, env).run("hello attach\n", "attach", "-n", cluster.namespace(), "-i", POD);

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(result.stdout()).contains("hello attach\n");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("transports")
  void execWithATerminal(String transport, Map<String, String> env, TestCluster cluster) {
    Kubectl kubectl = kubectl(cluster, env);

    Kubectl.Result result =
        kubectl.run(
            PseudoTerminal.wrap(kubectl.command(exec(cluster, "-it", "--", "echo", "on a tty"))),
            null,
            Kubectl.DEFAULT_TIMEOUT);

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(result.stdout()).contains("on a tty");
    assertThat(result.stderr()).doesNotContain("Unable to use a TTY");
  }

  private static Kubectl kubectl(TestCluster cluster, Map<String, String> env) {
    return Kubectl.of(cluster).withEnv(env);
  }

  private static String[] exec(TestCluster cluster, String... rest) {
    return Stream.concat(Stream.of("exec", "-n", cluster.namespace(), POD), Stream.of(rest))
        .toArray(String[]::new);
  }
}
