package io.camelvk.provider;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import java.util.List;
import java.util.Optional;

/**
 * A backend written as a Java bean that runs the pods bound to our node. Its {@link
 * ProviderFactory} makes it; its route, {@code direct:provider-<name>} from the {@code
 * bean-provider} route template, hands it each operation (docs/providers/README.md). The core calls
 * it from one worker per pod at a time, but from many workers at once: implementations must be
 * thread-safe.
 *
 * <p>The pod passed to {@link #createPod} and {@link #updatePod} has its environment already
 * resolved: each container's {@code env} holds plain values and {@code envFrom} is empty. It shares
 * its parts with the kubelet's cache: read it, keep it, but do not change it (copy it with {@code
 * new PodBuilder(pod)} first).
 *
 * <p>Capabilities beyond the lifecycle are one-method interfaces a provider may also implement:
 * {@link ContainerLogs}, {@link ContainerExec}, {@link ContainerAttach}, {@link PortForward},
 * {@link PodStats}, {@link PodStatusNotifier}, {@link NodeChangeNotifier}, {@link VolumeMounts}
 * (the pods' volume files, handed over before {@link #createPod} and {@link #updatePod}); the core
 * reads them once, into {@link ProviderCapabilities}. The kubelet API answers 501 for a capability
 * the provider lacks. A provider that holds resources (threads, sockets) may also be {@link
 * AutoCloseable}: it is closed after the kubelet has stopped.
 */
public interface Provider {

  /** Starts the pod. Creating a pod that already runs (same namespace, name and UID) is a no-op. */
  void createPod(Pod pod);

  /** Applies a change of a running pod's spec (only the fields Kubernetes lets change). */
  void updatePod(Pod pod);

  /**
   * Stops the pod's containers and forgets it. Deleting a pod that the provider does not know is
   * not an error.
   */
  void deletePod(Pod pod);

  /**
   * What the provider knows of the pod's status: container statuses (state, restart count, image),
   * pod IP and start time, and a phase only when the provider decides it (for example Failed with a
   * reason). The core derives the phase and the conditions like the kubelet does. Empty when the
   * provider does not know the pod.
   */
  Optional<PodStatus> podStatus(String namespace, String name);

  /** Every pod the provider runs, with at least namespace, name and UID in the metadata. */
  List<Pod> pods();

  /** Capacity and health of the node, asked every node-status period. */
  default NodeProfile nodeProfile(String nodeName) {
    return NodeProfile.DEFAULT;
  }
}
