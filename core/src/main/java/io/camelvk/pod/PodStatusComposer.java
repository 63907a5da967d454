package io.camelvk.pod;

import io.camelvk.node.NodeSettings;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.HostIP;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodIP;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Builds the status we write for a pod, like the kubelet's generateAPIPodStatus: what the provider
 * reports, plus the phase, the conditions, the host and pod IPs and the start time. Fields the API
 * server owns (qosClass, nominatedNodeName) are kept.
 */
public final class PodStatusComposer {

  static final String CONTAINER_CREATING = "ContainerCreating";

  /** The kubelet's waiting reason for the containers of a pod whose init containers run. */
  static final String POD_INITIALIZING = "PodInitializing";

  static final String CREATE_CONTAINER_CONFIG_ERROR = "CreateContainerConfigError";
  static final String COMPLETED = "Completed";

  private final NodeSettings node;
  private final Clock clock;

  public PodStatusComposer(NodeSettings node, Clock clock) {
    this.node = node;
    this.clock = clock;
  }

  /** The status of a pod the provider runs as its spec says; {@code reported} is what it says. */
  public PodStatus running(Pod pod, PodStatus reported) {
    return running(pod, reported, PodAllocation.of(pod));
  }

  /**
   * The status of a pod the provider runs; {@code reported} is what the provider says, {@code
   * allocation} the resources it was last handed.
   */
  public PodStatus running(Pod pod, PodStatus reported, PodAllocation allocation) {
    List<ContainerStatus> init =
        PodResizeStatus.withResources(
            pod.getSpec().getInitContainers(),
            ContainerStates.complete(
                pod.getSpec().getInitContainers(),
                reported.getInitContainerStatuses(),
                POD_INITIALIZING,
                null),
            allocation);
    List<ContainerStatus> app =
        PodResizeStatus.withResources(
            pod.getSpec().getContainers(),
            ContainerStates.complete(
                pod.getSpec().getContainers(),
                reported.getContainerStatuses(),
                init.isEmpty() || allInitDone(pod, init) ? CONTAINER_CREATING : POD_INITIALIZING,
                null),
            allocation);
    String phase = reported.getPhase() != null ? reported.getPhase() : PodPhase.of(pod, init, app);
    String podIp = reported.getPodIP() != null ? reported.getPodIP() : node.internalIp();
    List<PodCondition> conditions =
        new ArrayList<>(new PodConditions(pod, now()).compose(pod, phase, init, app, true));
    if (!PodPhase.isTerminal(phase)) {
      List<ContainerStatus> all = Stream.concat(init.stream(), app.stream()).toList();
      PodResizeStatus.inProgress(pod, all, allocation, now()).ifPresent(conditions::add);
    }
    return base(pod)
        .withPhase(phase)
        .withReason(reported.getReason())
        .withMessage(reported.getMessage())
        .withConditions(conditions)
        .withPodIP(podIp)
        .withPodIPs(new PodIP(podIp))
        .withStartTime(startTime(pod, reported))
        .withInitContainerStatuses(init)
        .withContainerStatuses(app)
        .withEphemeralContainerStatuses(
            ContainerStates.complete(
                ephemeral(pod), reported.getEphemeralContainerStatuses(), CONTAINER_CREATING, null))
        .build();
  }

  /**
   * A running pod whose ephemeral containers its provider cannot run: they wait, with reason
   * CreateContainerError (as a runtime that cannot create a container), saying why.
   */
  public PodStatus ephemeralUnsupported(Pod pod, PodStatus running, String provider) {
    return new PodStatusBuilder(running)
        .withEphemeralContainerStatuses(
            ContainerStates.complete(
                ephemeral(pod),
                List.of(),
                ContainerEvents.CREATE_CONTAINER_ERROR,
                "provider " + provider + " cannot run ephemeral containers"))
        .build();
  }

  /** The pod's ephemeral containers as containers (their name and image is all a status needs). */
  private static List<Container> ephemeral(Pod pod) {
    return pod.getSpec().getEphemeralContainers().stream()
        .map(e -> new ContainerBuilder().withName(e.getName()).withImage(e.getImage()).build())
        .toList();
  }

  /**
   * A running pod whose resize its provider cannot apply: the kubelet's {@code PodResizePending}
   * condition, reason {@code Infeasible}, beside the others; the containers keep what they had.
   */
  public PodStatus resizeInfeasible(Pod pod, PodStatus running, String provider) {
    return PodResizeStatus.infeasible(
        pod, running, "provider " + provider + " cannot resize pods in place", now());
  }

  /**
   * A pod whose provider failed to apply the resize it was handed: the kubelet's {@code
   * PodResizeInProgress} condition, reason {@code Error}, with the failure's message.
   */
  public PodStatus resizeFailed(Pod pod, String message) {
    return PodResizeStatus.failed(pod, message, now());
  }

  /** A pod that cannot start: Pending, every container waiting with {@code reason}. */
  public PodStatus waiting(Pod pod, String reason, String message) {
    return base(pod)
        .withPhase(PodPhase.PENDING)
        .withReason(null)
        .withMessage(null)
        .withConditions(new PodConditions(pod, now()).notStarted(pod))
        .withStartTime(startTime(pod, null))
        .withInitContainerStatuses(
            ContainerStates.complete(pod.getSpec().getInitContainers(), List.of(), reason, message))
        .withContainerStatuses(
            ContainerStates.complete(pod.getSpec().getContainers(), List.of(), reason, message))
        .build();
  }

  /** A pod that will not run (again): Failed with the reason, running containers terminated. */
  public PodStatus failed(Pod pod, String reason, String message) {
    PodStatus current = pod.getStatus() == null ? new PodStatus() : pod.getStatus();
    List<ContainerStatus> init =
        ContainerStates.terminateRunning(
            ContainerStates.complete(
                pod.getSpec().getInitContainers(),
                current.getInitContainerStatuses(),
                reason,
                message),
            now(),
            reason);
    List<ContainerStatus> app =
        ContainerStates.terminateRunning(
            ContainerStates.complete(
                pod.getSpec().getContainers(), current.getContainerStatuses(), reason, message),
            now(),
            reason);
    return base(pod)
        .withPhase(PodPhase.FAILED)
        .withReason(reason)
        .withMessage(message)
        .withConditions(
            new PodConditions(pod, now()).compose(pod, PodPhase.FAILED, init, app, false))
        .withStartTime(startTime(pod, null))
        .withInitContainerStatuses(init)
        .withContainerStatuses(app)
        .build();
  }

  /**
   * A pod being deleted whose containers the provider has stopped; {@code last} is what the
   * provider said of their last states, or null.
   */
  public PodStatus stopped(Pod pod, PodStatus last) {
    PodStatus current = pod.getStatus() == null ? new PodStatus() : pod.getStatus();
    PodStatus reported = last == null ? new PodStatus() : last;
    List<ContainerStatus> init =
        ContainerStates.terminateRunning(
            current.getInitContainerStatuses(),
            now(),
            COMPLETED,
            reported.getInitContainerStatuses());
    List<ContainerStatus> app =
        ContainerStates.terminateRunning(
            current.getContainerStatuses(), now(), COMPLETED, reported.getContainerStatuses());
    String phase =
        PodPhase.isTerminal(current.getPhase()) ? current.getPhase() : PodPhase.of(pod, init, app);
    return new PodStatusBuilder(current)
        .withObservedGeneration(observedGeneration(pod, current))
        .withPhase(phase)
        .withConditions(new PodConditions(pod, now()).compose(pod, phase, init, app, false))
        .withInitContainerStatuses(init)
        .withContainerStatuses(app)
        .build();
  }

  private PodStatusBuilder base(Pod pod) {
    PodStatus current = pod.getStatus() == null ? new PodStatus() : pod.getStatus();
    return new PodStatusBuilder(current)
        .withObservedGeneration(observedGeneration(pod, current))
        .withHostIP(node.internalIp())
        .withHostIPs(new HostIP(node.internalIp()));
  }

  /**
   * The kubelet's (1.35 and later): the generation of the pod it composed the status for, never
   * lower than the one already written.
   */
  private static Long observedGeneration(Pod pod, PodStatus current) {
    Long generation = pod.getMetadata().getGeneration();
    Long written = current.getObservedGeneration();
    if (generation == null || (written != null && written > generation)) {
      return written;
    }
    return generation;
  }

  private String startTime(Pod pod, PodStatus reported) {
    if (pod.getStatus() != null && pod.getStatus().getStartTime() != null) {
      return pod.getStatus().getStartTime();
    }
    return reported != null && reported.getStartTime() != null
        ? ApiTimes.seconds(reported.getStartTime())
        : now();
  }

  private boolean allInitDone(Pod pod, List<ContainerStatus> init) {
    return pod.getSpec().getInitContainers().stream()
        .filter(c -> !PodPhase.isSidecar(c))
        .allMatch(
            c -> {
              ContainerStatus s = PodPhase.find(init, c.getName());
              return s != null
                  && s.getState() != null
                  && s.getState().getTerminated() != null
                  && s.getState().getTerminated().getExitCode() == 0;
            });
  }

  String now() {
    return DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(ChronoUnit.SECONDS));
  }
}
