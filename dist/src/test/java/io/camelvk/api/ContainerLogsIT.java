package io.camelvk.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camelvk.test.KubectlStream;
import io.camelvk.test.RunningKubelet;
import io.camelvk.test.TestCluster;
import io.camelvk.test.WithVirtualKubelet;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code kubectl logs} through the real API server, which reaches our kubelet API with its
 * kubelet-client certificate: the mock's lines, with follow, tail, since, timestamps and limit.
 */
@WithVirtualKubelet
class ContainerLogsIT {

  private static final Pattern RUNNING_FOR = Pattern.compile("running for (\\d+)s");
  private static final String TIMESTAMP = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{9}Z ";
  private static final Duration LOADED_MACHINE = Duration.ofSeconds(90);

  private static RunningKubelet kubelet;

  @BeforeAll
  static void runAPod(RunningKubelet started, TestCluster cluster) {
    kubelet = started;
    cluster.runPod(kubelet.nodeName(), "web", LOADED_MACHINE);
    await().atMost(LOADED_MACHINE).until(() -> logs(cluster).size() >= 5);
  }

  @Test
  void showsTheMockLinesFromTheContainerStart(TestCluster cluster) {
    List<String> lines = logs(cluster);

    assertThat(lines.get(0))
        .isEqualTo("mock: container app of " + cluster.namespace() + "/web started (restart 0)");
    assertThat(lines.get(1)).endsWith("/web running for 1s");
  }

  @Test
  void tailShowsTheLastLines(TestCluster cluster) {
    List<String> lines = logs(cluster, "--tail=2");

    assertThat(lines).hasSize(2).allMatch(l -> l.contains("running for"));
    assertThat(seconds(lines.get(1))).isEqualTo(seconds(lines.get(0)) + 1);
  }

  @Test
  void timestampsPrefixEveryLine(TestCluster cluster) {
    assertThat(logs(cluster, "--timestamps")).allMatch(l -> l.matches(TIMESTAMP + "mock: .*"));
  }

  @Test
  void sinceLeavesOutOlderLines(TestCluster cluster) {
    List<String> all = logs(cluster);
    List<String> recent = logs(cluster, "--since=2s");

    assertThat(recent).isNotEmpty().hasSizeLessThanOrEqualTo(3);
    assertThat(recent).noneMatch(l -> l.contains("started"));
    assertThat(all.size()).isGreaterThan(recent.size());
  }

  @Test
  void limitBytesCutsTheOutput(TestCluster cluster) {
    String out = cluster.kubectl("logs", "-n", cluster.namespace(), "web", "--limit-bytes=10");

    assertThat(out).isEqualTo("mock: cont");
  }

  @Test
  void followStreamsNewLinesUntilStopped(TestCluster cluster) throws IOException {
    int before = seconds(logs(cluster, "--tail=1").get(0));
    KubectlStream follow = cluster.kubectlStream("logs", "-f", "-n", cluster.namespace(), "web");
    try {
      await()
          .atMost(LOADED_MACHINE)
          .until(
              () ->
                  follow.lines().stream()
                      .filter(l -> l.contains("running for"))
                      .anyMatch(l -> seconds(l) >= before + 2));
      assertThat(follow.running()).isTrue();
      assertThat(follow.lines().getFirst()).contains("started (restart 0)");
    } finally {
      follow.close();
    }
  }

  private static List<String> logs(TestCluster cluster, String... flags) {
    List<String> args =
        new java.util.ArrayList<>(List.of("logs", "-n", cluster.namespace(), "web"));
    args.addAll(List.of(flags));
    String out = cluster.kubectl(args.toArray(String[]::new));
    return out.isEmpty() ? List.of() : List.of(out.split("\n"));
  }

  private static int seconds(String line) {
    Matcher matcher = RUNNING_FOR.matcher(line);
    return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
  }
}
