package io.camelvk.providers.interlink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camelvk.provider.LogOptions;
import io.camelvk.provider.NodeProfile;
import io.camelvk.provider.PodRefusedException;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Taint;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The provider's calls against the fake plugin: the shapes of {@code /create} that releases and
 * plugins differ on, an interLink API server's dialect, batched status, and followed logs over a
 * unix socket.
 */
class InterlinkCallsTest extends FakePluginFixture {

  @Test
  void aPluginThatTakesAnArrayGetsOneWhenSoConfigured() {
    plugin = FakePlugin.onPort(0, "--create-body", "array");
    provider = provider(Map.of("create-body", "array"));
    Pod pod = pod("array", "sleep 30");

    provider.createPod(pod);

    awaitRunning(pod);
    assertThat(provider.pods()).extracting(p -> p.getMetadata().getUid()).containsExactly(uid(pod));
  }

  @Test
  void aPluginThatTakesAnArrayRefusesAnObjectAndThePodFailsAtOnce() {
    plugin = FakePlugin.onPort(0, "--create-body", "array");
    provider = provider(Map.of());

    assertThatThrownBy(() -> provider.createPod(pod("object", "true")))
        .isInstanceOf(PodRefusedException.class)
        .hasMessageContaining("HTTP 400")
        .hasMessageContaining("takes /create as an array");
    assertThat(provider.pods()).isEmpty();
  }

  @Test
  void anInterlinkApiServerGetsThePodWithItsObjectsWholeAndAPingReportsItsResources() {
    plugin =
        FakePlugin.onPort(
            0,
            "--resources",
            "{\"cpu\": \"64\", \"pods\": \"1000\", \"accelerators\": "
                + "[{\"resourceType\": \"nvidia.com/gpu\", \"available\": \"8\"}]}");
    provider = provider(Map.of("target", "api"));
    Pod pod = pod("api", "sleep 30");

    provider.createPod(pod);
    awaitRunning(pod);
    NodeProfile profile = provider.nodeProfile("node");
    provider.deletePod(pod);

    assertThat(profile.capacity().get("cpu").toString()).isEqualTo("64");
    assertThat(profile.capacity().get("pods").toString()).isEqualTo("1000");
    assertThat(profile.capacity().get("nvidia.com/gpu").toString()).isEqualTo("8");
    assertThat(ready(profile).getStatus()).isEqualTo("True");
    assertThat(plugin.counts()).containsEntry("/pinglink", 1).containsEntry("/delete", 1);
    assertThat(provider.podStatus("ns", "api")).isEmpty();
  }

  @Test
  void aPingsTaintsReplaceThePluginsFormerOnesAsInterlinksVirtualKubeletAppliesThem() {
    plugin =
        FakePlugin.onPort(
            0,
            "--taints",
            "[{\"key\": \"example.com/queue\", \"value\": \"long\", \"effect\":"
                + " \"NoSchedule\"}, {\"key\": \"virtual-node.interlink/no-schedule\","
                + " \"value\": \"false\", \"effect\": \"NoSchedule\"}, {\"key\":"
                + " \"example.com/odd\", \"effect\": \"Sometimes\"}, {\"key\": \"\","
                + " \"effect\": \"NoExecute\"}]");
    provider = provider(Map.of());
    Taint queue = new Taint("NoSchedule", "example.com/queue", null, "long");
    Taint odd = new Taint("NoSchedule", "example.com/odd", null, null);

    assertThat(provider.nodeProfile("node").taints()).containsExactly(queue, odd);

    plugin.reportTaints(null);
    assertThat(provider.nodeProfile("node").taints())
        .as("a ping without taints leaves them")
        .containsExactly(queue, odd);

    plugin.answerEverything(503);
    NodeProfile failing = provider.nodeProfile("node");
    assertThat(ready(failing).getStatus()).isEqualTo("False");
    assertThat(failing.taints()).as("a failed ping leaves them").containsExactly(queue, odd);
    plugin.answerEverything(0);

    plugin.reportTaints("[]");
    assertThat(provider.nodeProfile("node").taints()).as("an empty list clears them").isEmpty();
  }

  @Test
  void oneStatusRequestServesEveryPodWhateverTheirNumber() {
    plugin = FakePlugin.onPort(0);
    provider = provider(Map.of("status-max-age", "300ms"));
    List<Pod> pods = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      Pod pod = pod("many-" + i, "sleep 30");
      provider.createPod(pod);
      pods.add(pod);
    }
    pods.forEach(this::awaitRunning);
    int before = plugin.count("/status");

    for (int round = 0; round < 3; round++) {
      for (Pod pod : pods) {
        assertThat(provider.podStatus("ns", pod.getMetadata().getName())).isPresent();
      }
      sleep(Duration.ofMillis(350));
    }

    assertThat(plugin.count("/status") - before)
        .as("status requests for 90 pod statuses")
        .isLessThanOrEqualTo(4);
  }

  @Test
  void aFollowedLogStreamsOverAUnixSocketUntilTheContainerEnds() throws IOException {
    plugin = FakePlugin.onSocket(dir.resolve("interlink.sock"));
    provider = provider(Map.of());
    Pod pod = pod("follow", "echo one; sleep 1; echo two");
    provider.createPod(pod);
    awaitRunning(pod);

    long started = System.nanoTime();
    String followed;
    try (InputStream log =
        provider.logs(
            "ns", "follow", "app", new LogOptions(null, null, null, false, false, true))) {
      followed = new String(log.readAllBytes(), StandardCharsets.UTF_8);
    }

    assertThat(followed).isEqualTo("one\ntwo\n");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThan(Duration.ofMillis(500));
    try (InputStream tail =
        provider.logs("ns", "follow", "app", new LogOptions(1, null, null, false, false, false))) {
      assertThat(new String(tail.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("two\n");
    }
  }
}
