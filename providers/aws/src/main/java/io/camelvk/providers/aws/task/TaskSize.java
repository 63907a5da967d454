package io.camelvk.providers.aws.task;

import io.fabric8.kubernetes.api.model.Pod;
import java.util.Optional;

/** What a pod asks for and the Fargate size its task runs as. */
public record TaskSize(PodNeeds asked, FargateSize size) {

  /**
   * @throws io.camelvk.provider.PodRefusedException when no Fargate task is large enough
   */
  public static TaskSize of(Pod pod) {
    PodNeeds needs = PodNeeds.of(pod);
    return new TaskSize(needs, FargateSize.holding(needs));
  }

  /** Whether the task gets more than the pod asked for. */
  public boolean rounded() {
    return FargateSize.cpuUnits(asked.cpuMillis()) != size.cpuUnits()
        || asked.memoryMiB() != size.memoryMiB();
  }

  /**
   * For an event, when the size was rounded up: "the pod asks for 300m CPU and 600Mi; Fargate runs
   * it as 512 CPU units (0.5 vCPU) and 1024 MiB".
   */
  public Optional<String> roundingMessage() {
    if (!rounded()) {
      return Optional.empty();
    }
    return Optional.of(
        "the pod asks for "
            + (asked.cpuMillis() == 0 ? "no CPU" : asked.cpuMillis() + "m CPU")
            + " and "
            + (asked.memoryMiB() == 0 ? "no memory" : asked.memoryMiB() + "Mi")
            + "; Fargate runs it as "
            + size.cpuUnits()
            + " CPU units ("
            + size.vcpus()
            + " vCPU) and "
            + size.memoryMiB()
            + " MiB");
  }
}
