package io.camelvk.provider.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mock as a container behind the real kubectl: cp both ways (tar over exec), an interactive
 * shell fed from stdin, attach, and a port that refuses connections. It needs a streaming transport
 * in the kubelet API; without one (the exec is refused with "missing upgrade headers") the class is
 * skipped.
 */
@WithVirtualKubelet
class MockKubectlIT {

  private static final Duration LOADED_MACHINE = Duration.ofSeconds(90);
  private static final String POD = "box";
  private static final int REFUSED_PORT = 9000;
  private static final String LONG_NAME = "f".repeat(120) + ".txt";
  private static final Pattern FORWARDING =
      Pattern.compile("Forwarding from 127\\.0\\.0\\.1:(\\d+) -> " + REFUSED_PORT);

  private static Result transportProbe;

  @BeforeAll
  static void runAPod(RunningKubelet kubelet, TestCluster cluster) {
    Pod pod =
        new PodBuilder(TestPods.boundTo(kubelet.nodeName(), POD).build())
            .editMetadata()
            .addToAnnotations(MockBehaviour.REFUSED_PORTS, String.valueOf(REFUSED_PORT))
            .endMetadata()
            .build();
    cluster.create(pod);
    await().atMost(LOADED_MACHINE).until(() -> TestPods.isRunningAndReady(cluster.pod(POD)));
    transportProbe = kubectl(cluster, null, "exec", "-n", cluster.namespace(), POD, "--", "true");
  }

  @BeforeEach
  void needsAStreamingTransport() {
    assumeThat(transportProbe.stderr())
        .as("a streaming transport in the kubelet API")
        .doesNotContain("missing upgrade headers");
  }

  @Test
  void cpCopiesATreeIntoThePodAndBackByteForByte(TestCluster cluster, @TempDir Path local)
      throws IOException {
    Path source = Files.createDirectories(local.resolve("src/nested/deep"));
    Files.createDirectories(local.resolve("src/empty"));
    byte[] binary = binary(300_000);
    Files.write(local.resolve("src/bin.dat"), binary);
    Files.writeString(source.resolve("note.txt"), "deep\n");
    Files.writeString(local.resolve("src").resolve(LONG_NAME), "long\n");
    String remote = cluster.namespace() + "/" + POD + ":/tmp/src";

    ok(kubectl(cluster, null, "cp", local.resolve("src").toString(), remote));
    assertThat(ok(exec(cluster, null, "cat", "/tmp/src/nested/deep/note.txt"))).isEqualTo("deep\n");
    ok(kubectl(cluster, null, "cp", remote, local.resolve("back").toString()));

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

  private record Result(int exitCode, String stdout, String stderr) {}

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
    Process process = start(cluster, args);
    try {
      CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> read(process, false));
      CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> read(process, true));
      try (var in = process.getOutputStream()) {
        if (stdin != null) {
          in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
      }
      assertThat(process.waitFor(LOADED_MACHINE.toSeconds(), TimeUnit.SECONDS))
          .as("kubectl %s ends", List.of(args))
          .isTrue();
      return new Result(
          process.exitValue(),
          new String(out.join(), StandardCharsets.UTF_8),
          new String(err.join(), StandardCharsets.UTF_8));
    } catch (IOException | InterruptedException e) {
      process.destroyForcibly();
      throw new IllegalStateException("kubectl " + List.of(args), e);
    }
  }

  private static Process start(TestCluster cluster, String... args) {
    List<String> command =
        new ArrayList<>(
            List.of(
                cluster.kubectlPath().toString(), "--kubeconfig", cluster.kubeconfig().toString()));
    command.addAll(List.of(args));
    try {
      return new ProcessBuilder(command).start();
    } catch (IOException e) {
      throw new IllegalStateException("cannot start kubectl", e);
    }
  }

  private static byte[] read(Process process, boolean stderr) {
    try {
      return (stderr ? process.getErrorStream() : process.getInputStream()).readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] binary(int size) {
    byte[] bytes = new byte[size];
    for (int i = 0; i < size; i++) {
      bytes[i] = (byte) (i * 13 + i / 256);
    }
    return bytes;
  }
}
