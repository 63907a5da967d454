package io.camelvk.api.stats;

import io.camelvk.pod.PodKey;
import io.camelvk.provider.NodeProfile;
import io.camelvk.provider.PodStats;
import io.camelvk.provider.PodStats.ContainerUsage;
import io.camelvk.provider.ProviderException;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Samples the usage of the pods bound to our node, each from its provider's {@link PodStats}, with
 * start times from the pods' status, and sums it up for the node.
 */
public final class UsageCollector {

  private static final Logger LOG = LoggerFactory.getLogger(UsageCollector.class);
  private static final Set<String> TERMINAL_PHASES = Set.of("Succeeded", "Failed");

  private final String nodeName;
  private final Instant startTime;
  private final Supplier<List<Pod>> boundPods;
  private final Function<PodKey, Optional<PodStats>> stats;
  private final Supplier<NodeProfile> profile;
  private final Clock clock;
  private final NodeCpuTotal cpuTotal = new NodeCpuTotal();

  /**
   * @param startTime when this kubelet started, the node's start time
   * @param boundPods the pods bound to our node (the informer cache)
   * @param stats the usage of a pod from the provider that runs it; empty when none does, or it
   *     cannot tell
   */
  public UsageCollector(
      String nodeName,
      Instant startTime,
      Supplier<List<Pod>> boundPods,
      Function<PodKey, Optional<PodStats>> stats,
      Supplier<NodeProfile> profile,
      Clock clock) {
    this.nodeName = nodeName;
    this.startTime = startTime;
    this.boundPods = boundPods;
    this.stats = stats;
    this.profile = profile;
    this.clock = clock;
  }

  public UsageSummary collect() {
    List<Pod> pods = boundPods.get().stream().filter(p -> !isTerminal(p)).toList();
    List<PodSample> samples = new ArrayList<>();
    int failed = 0;
    for (Pod pod : pods) {
      try {
        sample(pod).ifPresent(samples::add);
      } catch (ProviderException e) {
        failed++;
        LOG.debug(
            "no usage for pod {}/{}: {}",
            pod.getMetadata().getNamespace(),
            pod.getMetadata().getName(),
            e.getMessage());
      }
    }
    Set<String> bound =
        pods.stream().map(p -> p.getMetadata().getUid()).collect(Collectors.toSet());
    long nodeCpu = cpuTotal.update(samples, bound);
    CpuMemory nodeUsage =
        CpuMemory.sum(samples.stream().map(PodSample::usage).toList(), clock.instant())
            .withCoreNanoSeconds(nodeCpu);
    NodeSample node = new NodeSample(nodeName, startTime, nodeUsage, memoryCapacity());
    return new UsageSummary(node, samples, failed);
  }

  private Optional<PodSample> sample(Pod pod) {
    String namespace = pod.getMetadata().getNamespace();
    String name = pod.getMetadata().getName();
    Optional<List<ContainerUsage>> usage =
        stats.apply(new PodKey(namespace, name)).flatMap(s -> s.podUsage(namespace, name));
    return usage.map(
        containers ->
            PodSample.of(
                namespace,
                name,
                pod.getMetadata().getUid(),
                PodStatusTimes.podStart(pod),
                containers.stream()
                    .map(
                        c ->
                            new ContainerSample(
                                c.container(),
                                PodStatusTimes.containerStart(pod, c.container()),
                                CpuMemory.of(c)))
                    .toList()));
  }

  private OptionalLong memoryCapacity() {
    Quantity memory = profile.get().capacity().get("memory");
    return memory == null
        ? OptionalLong.empty()
        : OptionalLong.of(Quantity.getAmountInBytes(memory).longValue());
  }

  private static boolean isTerminal(Pod pod) {
    return pod.getStatus() != null && TERMINAL_PHASES.contains(pod.getStatus().getPhase());
  }
}
