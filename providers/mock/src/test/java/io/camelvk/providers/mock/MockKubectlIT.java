package io.camelvk.providers.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camelvk.providers.mock.pod.PodBehaviour;
import io.camelvk.test.Kubectl;
import io.camelvk.test.Kubectl.Result;
import io.camelvk.test.RunningKubelet;
import io.camelvk.test.TestCluster;
import io.camelvk.test.TestPods;
import io.camelvk.test.WithVirtualKubelet;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The mock as a container behind the real kubectl: cp both ways (tar over exec), over kubectl's
 * default WebSocket and over SPDY; an interactive shell fed from stdin, attach, and a port that
 * refuses connections.
 */
@WithVirtualKubelet
class MockKubectlIT {

  private static final Duration LOADED_MACHINE = Duration.ofSeconds(90);
  private static final String POD = "box";
  private static final int REFUSED_PORT = 9000;
  private static final String LONG_NAME = "f".repeat(120) + ".txt";
  private static final Pattern FORWARDING =
      Pattern.compile("Forwarding from 127\\.0\\.0\\.1:(\\d+) -> " + REFUSED_PORT);

  @BeforeAll
  static void runAPod(RunningKubelet kubelet, TestCluster cluster) {
    Pod pod =
        new PodBuilder(TestPods.boundTo(kubelet.nodeName(), POD).build())
            .editMetadata()
            .addToAnnotations(PodBehaviour.REFUSED_PORTS, String.valueOf(REFUSED_PORT))
            .endMetadata()
            .build();
    cluster.create(pod);
    await().atMost(LOADED_MACHINE).until(() -> TestPods.isRunningAndReady(cluster.pod(POD)));
  }

  /** kubectl's default WebSocket, or its SPDY fallback. */
  @ParameterizedTest(name = "websockets={0}")
  @ValueSource(strings = {"true", "false"})
  void cpCopiesATreeIntoThePodAndBackByteForByte(
      String websockets, TestCluster cluster, @TempDir Path local) throws IOException {
    Kubectl kubectl =
        Kubectl.of(cluster).withEnv(Map.of("KUBECTL_REMOTE_COMMAND_WEBSOCKETS", websockets));
    Path source = Files.createDirectories(local.resolve("src/nested/deep"));
    Files.createDirectories(local.resolve("src/empty"));
    byte[] binary = binary(300_000);
    Files.write(local.resolve("src/bin.dat"), binary);
    Files.writeString(source.resolve("note.txt"), "deep\n");
    Files.writeString(local.resolve("src").resolve(LONG_NAME), "long\n");
    String remote = cluster.namespace() + "/" + POD + ":/tmp/" + websockets;

    ok(kubectl.run(null, "cp", local.resolve("src").toString(), remote));
    assertThat(ok(exec(cluster, null, "cat", "/tmp/" + websockets + "/nested/deep/note.txt")))
        .isEqualTo("deep\n");
    ok(kubectl.run(null, "cp", remote, local.resolve("back").toString()));

    assertThat(local.resolve("back/bin.dat")).hasBinaryContent(binary);
    assertThat(local.resolve("back/nested/deep/note.txt")).hasContent("deep");
    assertThat(local.resolve("back").resolve(LONG_NAME)).hasContent("long");
    assertThat(local.resolve("back/empty")).isEmptyDirectory();
  }

  @Test
  void cpOfOneFileIntoADirectoryAndBackWithRetries(TestCluster cluster, @TempDir Path local)
      throws IOException {
    byte[] binary = binary(70_000);
    Files.write(local.resolve("one.dat"), binary);
    String pod = cluster.namespace() + "/" + POD;

    ok(kubectl(cluster, null, "cp", local.resolve("one.dat").toString(), pod + ":/root/"));
    ok(
        kubectl(
            cluster,
            null,
            "cp",
            "--retries=2",
            pod + ":/root/one.dat",
            local.resolve("back.dat").toString()));

    assertThat(local.resolve("back.dat")).hasBinaryContent(binary);
  }

  @Test
  void anInteractiveShellRunsTheLinesOfStdinUntilExit(TestCluster cluster) {
    Result shell = exec(cluster, "echo $HOSTNAME\nfalse || exit 4\necho never\n", "-i", "sh");

    assertThat(shell.exitCode()).isEqualTo(4);
    assertThat(shell.stdout()).isEqualTo(POD + "\n");
  }

  @Test
  void attachEchoesEachLineOfStdin(TestCluster cluster) {
    Result attach =
        kubectl(cluster, "line one\nline two\n", "attach", "-i", "-n", cluster.namespace(), POD);

    assertThat(attach.exitCode()).as(attach.stderr()).isZero();
    assertThat(attach.stdout()).isEqualTo("line one\nline two\n");
  }

  @Test
  void aRefusedPortEndsTheForwardedConnectionAndKubectlSaysWhy(TestCluster cluster)
      throws Exception {
    Process forward =
        start(cluster, "port-forward", "-n", cluster.namespace(), POD, ":" + REFUSED_PORT);
    StringBuffer errors = new StringBuffer();
    Thread.ofVirtual().start(() -> collect(forward, errors));
    try {
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(forward.getInputStream(), StandardCharsets.UTF_8));
      Matcher forwarding = FORWARDING.matcher(out.readLine());
      assertThat(forwarding.find()).isTrue();
      try (Socket socket = new Socket("127.0.0.1", Integer.parseInt(forwarding.group(1)))) {
        socket.setSoTimeout((int) LOADED_MACHINE.toMillis());
        socket.getOutputStream().write("hello?".getBytes(StandardCharsets.UTF_8));
        assertThat(socket.getInputStream().read()).isEqualTo(-1);
      }
      await().atMost(LOADED_MACHINE).until(() -> errors.toString().contains("connection refused"));
    } finally {
      forward.destroy();
      assertThat(forward.waitFor(LOADED_MACHINE.toSeconds(), TimeUnit.SECONDS)).isTrue();
    }
  }

  private static void collect(Process process, StringBuffer into) {
    try (BufferedReader err =
        new BufferedReader(
            new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
      for (String line = err.readLine(); line != null; line = err.readLine()) {
        into.append(line).append('\n');
      }
    } catch (IOException e) {
      into.append("(stderr: ").append(e.getMessage()).append(")\n");
    }
  }

  private static String ok(Result result) {
    assertThat(result.exitCode()).as(result.stderr()).isZero();
    return result.stdout();
  }

  private static Result exec(TestCluster cluster, String stdin, String... command) {
    List<String> args = new ArrayList<>(List.of("exec", "-n", cluster.namespace(), POD));
    int split = stdin == null ? 0 : 1;
    args.addAll(List.of(command).subList(0, split));
    args.add("--");
    args.addAll(List.of(command).subList(split, command.length));
    return kubectl(cluster, stdin, args.toArray(String[]::new));
  }

  private static Result kubectl(TestCluster cluster, String stdin, String... args) {
    Kubectl kubectl = Kubectl.of(cluster);
    return kubectl.run(kubectl.command(args), stdin, LOADED_MACHINE);
  }

  private static Process start(TestCluster cluster, String... args) {
    Kubectl kubectl = Kubectl.of(cluster);
    return kubectl.start(kubectl.command(args));
  }

  private static byte[] binary(int size) {
    byte[] bytes = new byte[size];
    for (int i = 0; i < size; i++) {
      bytes[i] = (byte) (i * 13 + i / 256);
    }
    return bytes;
  }
}
