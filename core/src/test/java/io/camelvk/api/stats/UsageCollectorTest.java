package io.camelvk.api.stats;

import static io.camelvk.api.stats.StatsFixtures.runningPod;
import static org.assertj.core.api.Assertions.assertThat;

import io.camelvk.provider.NodeProfile;
import io.camelvk.provider.PodStats;
import io.camelvk.provider.PodStats.ContainerUsage;
import io.camelvk.provider.ProviderException;
import io.camelvk.test.MutableClock;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UsageCollectorTest {

  private static final Instant START = Instant.parse("2026-11-25T08:00:00Z");
  private static final long GIB = 1L << 30;

  private final MutableClock clock = new MutableClock(START);
  private final List<Pod> bound = new ArrayList<>();
  private final Map<String, Long> cpuSeconds = new HashMap<>();
  private final PodStats stats =
      (namespace, pod) -> {
        if (pod.equals("broken")) {
          throw ProviderException.notFound("backend away");
        }
        Long seconds = cpuSeconds.get(pod);
        return seconds == null
            ? Optional.empty()
            : Optional.of(
                List.of(
                    new ContainerUsage(
                        "app", clock.instant(), seconds * 1_000_000_000, 250_000_000, 1024)));
      };
  private final UsageCollector collector =
      new UsageCollector(
          "vk-a",
          START,
          () -> List.copyOf(bound),
          key -> Optional.of(stats),
          () -> NodeProfile.DEFAULT,
          clock);

  @Test
  void sumsThePodsTheProviderKnowsForTheNode() {
    bound.add(runningPod("shop", "web", "Running", START));
    bound.add(runningPod("shop", "db", "Running", START));
    bound.add(runningPod("shop", "unknown", "Pending", START));
    cpuSeconds.put("web", 5L);
    cpuSeconds.put("db", 7L);
    clock.advance(Duration.ofSeconds(30));

    UsageSummary summary = collector.collect();

    assertThat(summary.pods()).extracting(PodSample::name).containsExactly("web", "db");
    PodSample web = summary.pods().get(0);
    assertThat(web.uid()).isEqualTo("uid-web");
    assertThat(web.startTime()).contains(START);
    assertThat(web.containers().get(0).startTime()).contains(START.plusSeconds(1));
    CpuMemory node = summary.node().usage();
    assertThat(node.usageCoreNanoSeconds()).isEqualTo(12_000_000_000L);
    assertThat(node.usageNanoCores()).isEqualTo(500_000_000);
    assertThat(node.workingSetBytes()).isEqualTo(2048);
    assertThat(node.time()).isEqualTo(START.plusSeconds(30));
    assertThat(summary.node().startTime()).isEqualTo(START);
    assertThat(summary.node().memoryCapacityBytes()).hasValue(100 * GIB);
    assertThat(summary.failedPods()).isZero();
  }

  @Test
  void eachPodIsSampledFromItsOwnProviderAndPodsOfProvidersWithoutUsageAreLeftOut() {
    bound.add(runningPod("shop", "web", "Running", START));
    bound.add(runningPod("shop", "elsewhere", "Running", START));
    bound.add(runningPod("shop", "placed-nowhere", "Pending", START));
    cpuSeconds.put("web", 5L);
    cpuSeconds.put("elsewhere", 9L);
    UsageCollector twoProviders =
        new UsageCollector(
            "vk-a",
            START,
            () -> List.copyOf(bound),
            key -> key.name().equals("web") ? Optional.of(stats) : Optional.empty(),
            () -> NodeProfile.DEFAULT,
            clock);

    UsageSummary summary = twoProviders.collect();

    assertThat(summary.pods()).extracting(PodSample::name).containsExactly("web");
    assertThat(summary.failedPods()).isZero();
    assertThat(summary.node().usage().usageCoreNanoSeconds()).isEqualTo(5_000_000_000L);
  }

  @Test
  void leavesOutFinishedPodsAndCountsPodsTheProviderFailedOn() {
    bound.add(runningPod("shop", "done", "Succeeded", START));
    bound.add(runningPod("shop", "broken", "Running", START));
    cpuSeconds.put("done", 3L);

    UsageSummary summary = collector.collect();

    assertThat(summary.pods()).isEmpty();
    assertThat(summary.failedPods()).isEqualTo(1);
    assertThat(summary.node().usage().time()).isEqualTo(START);
  }

  @Test
  void keepsTheNodesCpuTimeFromGoingBackWhenAPodLeavesOrRestarts() {
    bound.add(runningPod("shop", "web", "Running", START));
    bound.add(runningPod("shop", "db", "Running", START));
    cpuSeconds.put("web", 5L);
    cpuSeconds.put("db", 7L);
    assertThat(nodeCpuSeconds()).isEqualTo(12);

    bound.remove(1);
    cpuSeconds.put("web", 6L);
    assertThat(nodeCpuSeconds()).isEqualTo(13);

    cpuSeconds.put("web", 1L);
    assertThat(nodeCpuSeconds()).isEqualTo(14);
  }

  @Test
  void keepsTheLastCountOfAPodWhoseSampleFailed() {
    bound.add(runningPod("shop", "web", "Running", START));
    cpuSeconds.put("web", 5L);
    assertThat(nodeCpuSeconds()).isEqualTo(5);

    cpuSeconds.remove("web");
    assertThat(nodeCpuSeconds()).isEqualTo(5);

    cpuSeconds.put("web", 6L);
    assertThat(nodeCpuSeconds()).isEqualTo(6);
  }

  private long nodeCpuSeconds() {
    return collector.collect().node().usage().usageCoreNanoSeconds() / 1_000_000_000;
  }
}
