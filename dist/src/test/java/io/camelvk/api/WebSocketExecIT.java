package io.camelvk.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camelvk.api.stream.ChannelOutputStream;
import io.camelvk.test.RunningKubelet;
import io.camelvk.test.TestCluster;
import io.camelvk.test.WithVirtualKubelet;
import io.fabric8.kubernetes.client.LocalPortForward;
import io.fabric8.kubernetes.client.dsl.ContainerResource;
import io.fabric8.kubernetes.client.dsl.ExecWatch;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * exec, attach and port-forward over the WebSocket channel protocols: fabric8 through the real API
 * server (legacy {@code v4.channel.k8s.io}, proxied unchanged to us), and the JDK's WebSocket
 * straight to the kubelet port for v5, base64, v1 and the unnamed protocol. Who gets upgraded:
 * {@link WebSocketAccessIT}.
 */
@WithVirtualKubelet
class WebSocketExecIT {

  private static final Duration LOADED_MACHINE = Duration.ofSeconds(90);
  private static final String V5 = "v5.channel.k8s.io";
  private static final String SUCCESS = "{\"status\":\"Success\"}";

  private static RunningKubelet kubelet;
  private static KubeletApiClient apiServerIdentity;

  @BeforeAll
  static void runAPod(RunningKubelet started, TestCluster cluster) {
    kubelet = started;
    apiServerIdentity =
        KubeletApiClient.asApiServer(cluster, kubelet.settings().node().kubeletPort());
    cluster.runPod(kubelet.nodeName(), "web", LOADED_MACHINE);
  }

  private static String execPath(TestCluster cluster, String query) {
    return "/exec/" + cluster.namespace() + "/web/app?" + query;
  }

  // (a) fabric8 exec through the API server

  @Test
  void fabric8ExecGetsStdoutAndExitCodeZero(TestCluster cluster) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ExecWatch watch = web(cluster).writingOutput(out).exec("echo", "hello", "world")) {
      assertThat(watch.exitCode().get(30, TimeUnit.SECONDS)).isZero();
    }
    await().until(() -> out.toString(StandardCharsets.UTF_8).equals("hello world\n"));
  }

  @Test
  void fabric8ExecSeesANonZeroExitCodeAndStderr(TestCluster cluster) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try (ExecWatch exit = web(cluster).writingOutput(out).exec("sh", "-c", "exit 3");
        ExecWatch missing =
            web(cluster).writingOutput(out).writingError(err).exec("cat", "/no/such/file")) {
      assertThat(exit.exitCode().get(30, TimeUnit.SECONDS)).isEqualTo(3);
      assertThat(missing.exitCode().get(30, TimeUnit.SECONDS)).isEqualTo(1);
    }
    await()
        .until(
            () ->
                err.toString(StandardCharsets.UTF_8)
                    .equals("cat: /no/such/file: No such file or directory\n"));
  }

  @Test
  void fabric8ExecSendsStdinThatEndsWhenTheClientCloses(TestCluster cluster) throws Exception {
    try (ExecWatch tee = web(cluster).redirectingInput().exec("tee", "/tmp/uploaded")) {
      OutputStream stdin = tee.getInput();
      stdin.write("uploaded through fabric8\n".getBytes(StandardCharsets.UTF_8));
      stdin.flush();
    } // v4 has no half-close: fabric8 closes the WebSocket, which ends stdin
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                stdoutOf(web(cluster), "cat", "/tmp/uploaded")
                    .equals("uploaded through fabric8\n"));
  }

  private static ContainerResource web(TestCluster cluster) {
    return cluster
        .client()
        .pods()
        .inNamespace(cluster.namespace())
        .withName("web")
        .inContainer("app");
  }

  // (b) fabric8 port-forward through the API server

  @Test
  void fabric8PortForwardMovesBytesBothWays(TestCluster cluster) throws IOException {
    var pod = cluster.client().pods().inNamespace(cluster.namespace()).withName("web");
    try (LocalPortForward forward = pod.portForward(8080);
        Socket socket = new Socket("127.0.0.1", forward.getLocalPort())) {
      socket.setSoTimeout(30_000);
      byte[] sent = new byte[100_000];
      new Random(6).nextBytes(sent);
      socket.getOutputStream().write(sent);
      socket.getOutputStream().flush();
      byte[] echoed = socket.getInputStream().readNBytes(sent.length);

      assertThat(echoed).isEqualTo(sent);
      assertThat(forward.errorOccurred()).isFalse();
    }
  }

  // (c) the JDK's WebSocket straight to the kubelet port

  private static RecordingWebSocket open(String path, String... protocols) {
    return RecordingWebSocket.open(apiServerIdentity, path, List.of(protocols));
  }

  @Test
  void v5StreamsStdinUntilTheCloseSignalThenTheStatusAndClose1000(TestCluster cluster)
      throws Exception {
    var tee = open(execPath(cluster, "command=tee&command=/tmp/v5&input=1&output=1&error=1"), V5);
    assertThat(tee.subprotocol()).isEqualTo(V5);

    tee.send(0, "through v5\n");
    tee.closeStdin();

    assertThat(tee.closeCode()).isEqualTo(1000);
    assertThat(tee.messages).containsExactly("1:", "1:through v5\n", "3:" + SUCCESS);
  }

  @Test
  void v5CarriesAMebibyteEachWay(TestCluster cluster) throws Exception {
    var tee = open(execPath(cluster, "command=tee&command=/tmp/big&input=1&output=1"), V5);
    String block = "x".repeat(64 * 1024);
    for (int i = 0; i < 16; i++) {
      tee.send(0, block);
    }
    tee.closeStdin();

    assertThat(tee.closeCode()).isEqualTo(1000);
    List<Integer> stdout =
        tee.messages.stream().filter(m -> m.startsWith("1:")).map(m -> m.length() - 2).toList();
    assertThat(stdout.get(0)).as("the establishment ping").isZero();
    assertThat(stdout).allMatch(length -> length <= ChannelOutputStream.MAX_CHUNK_BYTES);
    assertThat(stdout.stream().mapToInt(Integer::intValue).sum()).isEqualTo(16 * block.length());
  }

  @Test
  void v5ReportsTheExitCodeInTheStatus(TestCluster cluster) throws Exception {
    var exit = open(execPath(cluster, "command=exit&command=42&output=1"), V5);

    assertThat(exit.closeCode()).isEqualTo(1000);
    assertThat(exit.messages)
        .containsExactly(
            "1:",
            "3:{\"status\":\"Failure\",\"message\":\"command terminated with non-zero exit code:"
                + " command exited with 42\",\"reason\":\"NonZeroExitCode\",\"details\":"
                + "{\"causes\":[{\"reason\":\"ExitCode\",\"message\":\"42\"}]}}");
  }

  @Test
  void v4Base64TalksInTextMessages(TestCluster cluster) throws Exception {
    var echo =
        open(
            execPath(cluster, "command=echo&command=hi&output=1&error=1"),
            "v4.base64.channel.k8s.io");

    assertThat(echo.closeCode()).isEqualTo(1000);
    assertThat(echo.messages)
        .containsExactly("text 1", "text 1" + base64("hi\n"), "text 3" + base64(SUCCESS));
  }

  @Test
  void channelK8sIoWritesTheErrorChannelOnlyOnFailure(TestCluster cluster) throws Exception {
    var success = open(execPath(cluster, "command=echo&command=ok&output=1"), "channel.k8s.io");
    var failure = open(execPath(cluster, "command=false&output=1"), "channel.k8s.io");

    assertThat(success.closeCode()).isEqualTo(1000);
    assertThat(success.messages).containsExactly("1:", "1:ok\n");
    assertThat(failure.closeCode()).isEqualTo(1000);
    assertThat(failure.messages)
        .containsExactly(
            "1:", "3:command terminated with non-zero exit code: command exited with 1");
  }

  @Test
  void attachOverV5EchoesStdinEvenFragmentedUntilTheCloseSignal(TestCluster cluster)
      throws Exception {
    var attach = open("/attach/" + cluster.namespace() + "/web/app?input=1&output=1&tty=1", V5);

    attach.send(4, "{\"Width\":100,\"Height\":30}\n");
    attach.sendFragmented(0, "typed", 3); // a continuation frame has no channel byte
    await().until(() -> attach.messages.contains("1:typed"));
    attach.closeStdin();

    assertThat(attach.closeCode()).isEqualTo(1000);
    assertThat(attach.messages).containsExactly("1:", "1:typed", "3:" + SUCCESS);
  }

  @Test
  void forwardsEachPortOfTheQueryOnItsOwnChannelsWithoutASubprotocol(TestCluster cluster)
      throws Exception {
    var forward = open("/portForward/" + cluster.namespace() + "/web?port=80,81");
    assertThat(forward.subprotocol()).isEmpty();
    await().until(() -> forward.messages.size() == 4);

    forward.send(0, "to 80");
    forward.send(2, "to 81");
    await().until(() -> forward.messages.size() == 6);
    forward.close();

    assertThat(forward.closeCode()).isEqualTo(1000);
    assertThat(forward.messages.subList(0, 4)).containsExactly("0:P\0", "1:P\0", "2:Q\0", "3:Q\0");
    assertThat(forward.messages.subList(4, 6)).containsExactlyInAnyOrder("0:to 80", "2:to 81");
  }

  /** What a command run with fabric8 wrote to stdout (checked again by the awaiting caller). */
  private static String stdoutOf(ContainerResource container, String... command) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ExecWatch watch = container.writingOutput(out).exec(command)) {
      watch.exitCode().get(30, TimeUnit.SECONDS);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
