package io.camelvk.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camelvk.controlplane.ControlPlaneCertificates;
import io.camelvk.test.RunningKubelet;
import io.camelvk.test.TestCluster;
import io.camelvk.test.TestPods;
import io.camelvk.test.WithVirtualKubelet;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.client.LocalPortForward;
import io.fabric8.kubernetes.client.dsl.ExecWatch;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * exec, attach and port-forward over the WebSocket channel protocols: fabric8 through the real API
 * server (legacy {@code v4.channel.k8s.io}, proxied unchanged to us), and the JDK's WebSocket
 * straight to the kubelet port for v5, base64, v1, refusals and bearer tokens in the protocol.
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
    ControlPlaneCertificates pki = cluster.plane().certificates();
    apiServerIdentity =
        KubeletApiClient.withCertificate(
            port(), pki.kubeletClientCertificate(), pki.kubeletClientKey());
    cluster.create(TestPods.boundTo(kubelet.nodeName(), "web").build());
    await().atMost(LOADED_MACHINE).until(() -> TestPods.isRunningAndReady(cluster.pod("web")));
  }

  private static int port() {
    return kubelet.settings().node().kubeletPort();
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
        .until(() -> catFile(cluster, "/tmp/uploaded").equals("uploaded through fabric8\n"));
  }

  private static String catFile(TestCluster cluster, String file) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ExecWatch cat = web(cluster).writingOutput(out).exec("cat", file)) {
      cat.exitCode().get(30, TimeUnit.SECONDS);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static io.fabric8.kubernetes.client.dsl.ContainerResource web(TestCluster cluster) {
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
    try (LocalPortForward forward =
            cluster
                .client()
                .pods()
                .inNamespace(cluster.namespace())
                .withName("web")
                .portForward(8080);
        Socket socket = new Socket("127.0.0.1", forward.getLocalPort())) {
      socket.setSoTimeout(30_000);
      byte[] sent = new byte[100_000];
      for (int i = 0; i < sent.length; i++) {
        sent[i] = (byte) (i * 31);
      }
      socket.getOutputStream().write(sent);
      socket.getOutputStream().flush();
      byte[] echoed = socket.getInputStream().readNBytes(sent.length);

      assertThat(echoed).isEqualTo(sent);
      assertThat(forward.errorOccurred()).isFalse();
    }
  }

  // (c) the JDK's WebSocket straight to the kubelet port

  private static String execPath(TestCluster cluster, String query) {
    return "/exec/" + cluster.namespace() + "/web/app?" + query;
  }

  private static WebSocket open(
      KubeletApiClient client, String path, List<String> protocols, RecordingWebSocket listener) {
    return client.webSocket(path, protocols, listener).orTimeout(30, TimeUnit.SECONDS).join();
  }

  @Test
  void v5StreamsStdinUntilTheCloseSignalThenTheStatusAndClose1000(TestCluster cluster)
      throws Exception {
    RecordingWebSocket recorded = new RecordingWebSocket();
    WebSocket socket =
        open(
            apiServerIdentity,
            execPath(cluster, "command=tee&command=/tmp/v5&input=1&output=1&error=1"),
            List.of(V5),
            recorded);
    assertThat(socket.getSubprotocol()).isEqualTo(V5);

    socket.sendBinary(channel(0, "through v5\n"), true).join();
    socket.sendBinary(ByteBuffer.wrap(new byte[] {(byte) 0xFF, 0}), true).join();

    assertThat(recorded.closeCode.get(30, TimeUnit.SECONDS)).isEqualTo(1000);
    assertThat(recorded.messages).containsExactly("1:", "1:through v5\n", "3:" + SUCCESS);
  }

  @Test
  void v5ReportsTheExitCodeInTheStatus(TestCluster cluster) throws Exception {
    RecordingWebSocket recorded = new RecordingWebSocket();
    open(
        apiServerIdentity,
        execPath(cluster, "command=exit&command=42&output=1"),
        List.of(V5),
        recorded);

    assertThat(recorded.closeCode.get(30, TimeUnit.SECONDS)).isEqualTo(1000);
    assertThat(recorded.messages)
        .containsExactly(
            "1:",
            "3:{\"status\":\"Failure\",\"message\":\"command terminated with non-zero exit code:"
                + " command exited with 42\",\"reason\":\"NonZeroExitCode\",\"details\":"
                + "{\"causes\":[{\"reason\":\"ExitCode\",\"message\":\"42\"}]}}");
  }

  @Test
  void v4Base64TalksInTextMessages(TestCluster cluster) throws Exception {
    RecordingWebSocket recorded = new RecordingWebSocket();
    open(
        apiServerIdentity,
        execPath(cluster, "command=echo&command=hi&output=1&error=1"),
        List.of("v4.base64.channel.k8s.io"),
        recorded);

    assertThat(recorded.closeCode.get(30, TimeUnit.SECONDS)).isEqualTo(1000);
    assertThat(recorded.messages)
        .containsExactly("text 1", "text 1" + base64("hi\n"), "text 3" + base64(SUCCESS));
  }

  @Test
  void channelK8sIoWritesTheErrorChannelOnlyOnFailure(TestCluster cluster) throws Exception {
    RecordingWebSocket success = new RecordingWebSocket();
    RecordingWebSocket failure = new RecordingWebSocket();
    List<String> v1 = List.of("channel.k8s.io");
    open(apiServerIdentity, execPath(cluster, "command=echo&command=ok&output=1"), v1, success);
    open(apiServerIdentity, execPath(cluster, "command=false&output=1"), v1, failure);

    assertThat(success.closeCode.get(30, TimeUnit.SECONDS)).isEqualTo(1000);
    assertThat(success.messages).containsExactly("1:", "1:ok\n");
    assertThat(failure.closeCode.get(30, TimeUnit.SECONDS)).isEqualTo(1000);
    assertThat(failure.messages)
        .containsExactly(
            "1:", "3:command terminated with non-zero exit code: command exited with 1");
  }

  @Test
  void attachOverV5EchoesStdinUntilTheCloseSignal(TestCluster cluster) throws Exception {
    RecordingWebSocket recorded = new RecordingWebSocket();
    WebSocket socket =
        open(
            apiServerIdentity,
            "/attach/" + cluster.namespace() + "/web/app?input=1&output=1&tty=1",
            List.of(V5),
            recorded);

    socket.sendBinary(channel(4, "{\"Width\":100,\"Height\":30}\n"), true).join();
    socket.sendBinary(channel(0, "typed"), true).join();
    await().until(() -> recorded.messages.contains("1:typed"));
    socket.sendBinary(ByteBuffer.wrap(new byte[] {(byte) 0xFF, 0}), true).join();

    assertThat(recorded.closeCode.get(30, TimeUnit.SECONDS)).isEqualTo(1000);
    assertThat(recorded.messages).containsExactly("1:", "1:typed", "3:" + SUCCESS);
  }

  @Test
  void refusesASubprotocolItDoesNotSpeakWith400BeforeAnyHandshake(TestCluster cluster) {
    String exec = execPath(cluster, "command=true&output=1");
    String forward = "/portForward/" + cluster.namespace() + "/web?port=8080";

    assertThat(refusal(exec, List.of("chat.example.com"))).isEqualTo(400);
    assertThat(refusal(forward, List.of("channel.k8s.io"))).isEqualTo(400);
    assertThat(refusal("/portForward/" + cluster.namespace() + "/web", List.of())).isEqualTo(400);
  }

  private static int refusal(String path, List<String> protocols) {
    return refusal(apiServerIdentity, path, protocols);
  }

  @Test
  void takesABearerTokenFromTheSubprotocolsAndNeverChoosesIt(TestCluster cluster) throws Exception {
    KubeletApiClient anonymous = KubeletApiClient.anonymous(port());
    String path = execPath(cluster, "command=echo&command=token&output=1");
    String nobody = tokenProtocol(serviceAccountToken(cluster, "nobody"));
    String execer = tokenProtocol(serviceAccountToken(cluster, "execer"));
    String role = "ws-exec-" + cluster.namespace();
    grantNodesProxy(cluster, role, "execer");
    try {
      assertThat(refusal(anonymous, path, List.of(V5, nobody))).isEqualTo(403);
      RecordingWebSocket recorded = new RecordingWebSocket();
      WebSocket socket = open(anonymous, path, List.of(execer, V5), recorded);

      assertThat(socket.getSubprotocol()).isEqualTo(V5);
      assertThat(recorded.closeCode.get(30, TimeUnit.SECONDS)).isEqualTo(1000);
      assertThat(recorded.messages).containsExactly("1:", "1:token\n", "3:" + SUCCESS);
    } finally {
      cluster.client().rbac().clusterRoleBindings().withName(role).delete();
      cluster.client().rbac().clusterRoles().withName(role).delete();
    }
  }

  private static int refusal(KubeletApiClient client, String path, List<String> protocols) {
    var attempt = client.webSocket(path, protocols, new RecordingWebSocket());
    Throwable error = attempt.handle((s, e) -> e).join();
    assertThat(error).hasCauseInstanceOf(WebSocketHandshakeException.class);
    return ((WebSocketHandshakeException) error.getCause()).getResponse().statusCode();
  }

  private static void grantNodesProxy(TestCluster cluster, String role, String account) {
    cluster
        .client()
        .rbac()
        .clusterRoles()
        .resource(
            new ClusterRoleBuilder()
                .withNewMetadata()
                .withName(role)
                .endMetadata()
                .addNewRule()
                .withApiGroups("")
                .withResources("nodes/proxy")
                .withVerbs("get", "create")
                .endRule()
                .build())
        .create();
    cluster
        .client()
        .rbac()
        .clusterRoleBindings()
        .resource(
            new ClusterRoleBindingBuilder()
                .withNewMetadata()
                .withName(role)
                .endMetadata()
                .withNewRoleRef("rbac.authorization.k8s.io", "ClusterRole", role)
                .addNewSubject()
                .withKind("ServiceAccount")
                .withName(account)
                .withNamespace(cluster.namespace())
                .endSubject()
                .build())
        .create();
  }

  private static String tokenProtocol(String token) {
    return WebSocketBearerToken.PREFIX
        + Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(token.getBytes(StandardCharsets.UTF_8));
  }

  private static String serviceAccountToken(TestCluster cluster, String name) {
    var accounts = cluster.client().serviceAccounts().inNamespace(cluster.namespace());
    accounts
        .resource(
            new ServiceAccountBuilder().withNewMetadata().withName(name).endMetadata().build())
        .create();
    return accounts
        .withName(name)
        .tokenRequest(
            new TokenRequestBuilder().withNewSpec().withExpirationSeconds(600L).endSpec().build())
        .getStatus()
        .getToken();
  }

  private static ByteBuffer channel(int number, String payload) {
    byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
    ByteBuffer message = ByteBuffer.allocate(bytes.length + 1);
    message.put((byte) number).put(bytes).flip();
    return message;
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
