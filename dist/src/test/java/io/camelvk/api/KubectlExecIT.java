package io.camelvk.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelvk.api.stream.StreamRequest;
import io.camelvk.test.Kubectl;
import io.camelvk.test.PseudoTerminal;
import io.camelvk.test.RunningKubelet;
import io.camelvk.test.TestCluster;
import io.camelvk.test.WithVirtualKubelet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real {@code kubectl exec} and {@code kubectl attach} through the real API server, both ways
 * kubectl talks: its default WebSocket v5, which the API server passes through to a node declaring
 * ExtendWebSocketsToKubelet (ours does), and its own SPDY/3.1.
 */
@WithVirtualKubelet
class KubectlExecIT {

  private static final Duration LOADED_MACHINE = Duration.ofSeconds(90);
  private static final String POD = "shell";

  private static RunningKubelet kubelet;

  @BeforeAll
  static void runAPod(RunningKubelet started, TestCluster cluster) {
    kubelet = started;
    cluster.runPod(kubelet.nodeName(), POD, LOADED_MACHINE);
  }

  static Stream<StreamTransportCase> transports() {
    return Stream.of(
        new StreamTransportCase(
            "websocket v5 passed through by the API server",
            Map.of(),
            "websocket",
            "v5.channel.k8s.io"),
        new StreamTransportCase(
            "spdy",
            Map.of("KUBECTL_REMOTE_COMMAND_WEBSOCKETS", "false"),
            "spdy",
            "v5.channel.k8s.io"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("transports")
  void execPrintsTheCommandsOutput(StreamTransportCase transport, TestCluster cluster) {
    long before = transport.sessions(kubelet, StreamRequest.Kind.EXEC);

    Kubectl.Result result =
        kubectl(cluster, transport).run(null, exec(cluster, "--", "echo", "hi"));

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(result.stdout()).isEqualTo("hi\n");
    assertThat(transport.sessions(kubelet, StreamRequest.Kind.EXEC)).isEqualTo(before + 1);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("transports")
  void stdinReachesTheCommand(StreamTransportCase transport, TestCluster cluster) {
    String file = "/tmp/" + transport.transport();
    Kubectl kubectl = kubectl(cluster, transport);

    Kubectl.Result tee = kubectl.run("piped in\n", exec(cluster, "-i", "--", "tee", file));
    Kubectl.Result cat = kubectl.run(null, exec(cluster, "--", "cat", file));

    assertThat(tee.exitCode()).as(tee.stderr()).isZero();
    assertThat(tee.stdout()).isEqualTo("piped in\n");
    assertThat(cat.stdout()).isEqualTo("piped in\n");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("transports")
  void moreThanTheSpdyWindowFlowsBothWays(StreamTransportCase transport, TestCluster cluster) {
    String big = "0123456789abcdef".repeat(20 * 1024) + "\n";

    Kubectl.Result result =
        kubectl(cluster, transport).run(big, exec(cluster, "-i", "--", "tee", "/big"));

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(result.stdout()).hasSize(big.length()).isEqualTo(big);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("transports")
  void stderrIsItsOwnStream(StreamTransportCase transport, TestCluster cluster) {
    Kubectl.Result result =
        kubectl(cluster, transport).run(null, exec(cluster, "--", "cat", "/nope"));

    assertThat(result.stdout()).isEmpty();
    assertThat(result.stderr()).contains("cat: /nope: No such file or directory");
    assertThat(result.exitCode()).isEqualTo(1);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("transports")
  void theExitCodeBecomesKubectlsOwn(StreamTransportCase transport, TestCluster cluster) {
    Kubectl.Result result =
        kubectl(cluster, transport).run(null, exec(cluster, "--", "sh", "-c", "exit 3"));

    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.stderr()).contains("command terminated with exit code 3");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("transports")
  void attachEchoesStdin(StreamTransportCase transport, TestCluster cluster) {
    Kubectl.Result result =
        kubectl(cluster, transport)
            .run("hello attach\n", "attach", "-n", cluster.namespace(), "-i", POD);

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(result.stdout()).contains("hello attach\n");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("transports")
  void execWithATerminal(StreamTransportCase transport, TestCluster cluster) {
    Kubectl.Result result =
        onTerminal(kubectl(cluster, transport), cluster, PseudoTerminal::wrap, "echo", "on a tty");

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(result.stdout()).contains("on a tty");
    assertThat(result.stderr()).doesNotContain("Unable to use a TTY");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("transports")
  void theTerminalsSizeReachesTheContainer(StreamTransportCase transport, TestCluster cluster) {
    Kubectl.Result result =
        onTerminal(
            kubectl(cluster, transport), cluster, PseudoTerminal::wrapWholly, "stty", "size");

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(result.stdout()).contains(PseudoTerminal.ROWS + " " + PseudoTerminal.COLUMNS);
  }

  /** {@code kubectl exec -it pod -- command} run inside a pseudo-terminal {@code wrapper}. */
  private static Kubectl.Result onTerminal(
      Kubectl kubectl,
      TestCluster cluster,
      UnaryOperator<List<String>> wrapper,
      String... command) {
    String[] args =
        Stream.concat(Stream.of("-it", "--"), Stream.of(command)).toArray(String[]::new);
    return kubectl.run(
        wrapper.apply(kubectl.command(exec(cluster, args))), null, Kubectl.DEFAULT_TIMEOUT);
  }

  private static Kubectl kubectl(TestCluster cluster, StreamTransportCase transport) {
    return Kubectl.of(cluster).withEnv(transport.env());
  }

  private static String[] exec(TestCluster cluster, String... rest) {
    return Stream.concat(Stream.of("exec", "-n", cluster.namespace(), POD), Stream.of(rest))
        .toArray(String[]::new);
  }
}
