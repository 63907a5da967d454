package io.camelvk.pod;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;
import java.util.Optional;

/**
 * The kubelet's {@code getPhase} (pkg/kubelet/kubelet_pods.go), on the restart-policy path: the pod
 * phase from the spec and the container statuses. Restartable init containers (sidecars, {@code
 * restartPolicy: Always} on an init container) are left out, as the kubelet leaves them: a running
 * sidecar does not keep a Job's pod Running once its regular containers ended.
 */
public final class PodPhase {

  public static final String PENDING = "Pending";
  public static final String RUNNING = "Running";
  public static final String SUCCEEDED = "Succeeded";
  public static final String FAILED = "Failed";

  private PodPhase() {}

  public static boolean isTerminal(String phase) {
    return SUCCEEDED.equals(phase) || FAILED.equals(phase);
  }

  public static String of(Pod pod, List<ContainerStatus> init, List<ContainerStatus> app) {
    String restartPolicy = Optional.ofNullable(pod.getSpec().getRestartPolicy()).orElse("Always");
    InitCount initCount = countInit(pod.getSpec().getInitContainers(), init);
    if (initCount.failed > 0 && "Never".equals(restartPolicy)) {
      return FAILED;
    }
    AppCount count = countApp(pod.getSpec().getContainers(), app);
    // The kubelet's HasAnyRegularContainerStarted: a pod whose regular containers ran is not
    // Pending again because an init container restarts.
    if (initCount.pending > 0 && !count.anyStarted() || count.waiting > 0) {
      return PENDING;
    }
    if (count.running > 0 && count.unknown == 0) {
      return RUNNING;
    }
    if (count.running == 0 && count.stopped > 0 && count.unknown == 0) {
      if ("Always".equals(restartPolicy)) {
        return RUNNING;
      }
      if (count.stopped == count.succeeded) {
        return SUCCEEDED;
      }
      return "Never".equals(restartPolicy) ? FAILED : RUNNING;
    }
    return PENDING;
  }

  private record InitCount(int pending, int failed) {}

  private static final class AppCount {
    int unknown;
    int running;
    int waiting;
    int stopped;
    int succeeded;

    boolean anyStarted() {
      return running > 0 || stopped > 0;
    }
  }

  private static InitCount countInit(List<Container> containers, List<ContainerStatus> statuses) {
    int pending = 0;
    int failed = 0;
    for (Container container : containers) {
      if (isSidecar(container)) {
        continue;
      }
      ContainerStatus status = find(statuses, container.getName());
      if (status == null || status.getState() == null || status.getState().getRunning() != null) {
        pending++;
      } else if (status.getState().getTerminated() != null) {
        failed += status.getState().getTerminated().getExitCode() != 0 ? 1 : 0;
      } else if (status.getState().getWaiting() != null) {
        var last = status.getLastState() == null ? null : status.getLastState().getTerminated();
        if (last == null) {
          pending++;
        } else if (last.getExitCode() != 0) {
          failed++;
        }
      } else {
        pending++;
      }
    }
    return new InitCount(pending, failed);
  }

  private static AppCount countApp(List<Container> containers, List<ContainerStatus> statuses) {
    AppCount count = new AppCount();
    for (Container container : containers) {
      ContainerStatus status = find(statuses, container.getName());
      if (status == null || status.getState() == null) {
        count.unknown++;
      } else if (status.getState().getRunning() != null) {
        count.running++;
      } else if (status.getState().getTerminated() != null) {
        count.stopped++;
        count.succeeded += status.getState().getTerminated().getExitCode() == 0 ? 1 : 0;
      } else if (status.getState().getWaiting() != null) {
        boolean restarting =
            status.getLastState() != null && status.getLastState().getTerminated() != null;
        if (restarting) {
          count.stopped++;
        } else {
          count.waiting++;
        }
      } else {
        count.unknown++;
      }
    }
    return count;
  }

  static boolean isSidecar(Container container) {
    return "Always".equals(container.getRestartPolicy());
  }

  static ContainerStatus find(List<ContainerStatus> statuses, String name) {
    return statuses.stream().filter(s -> name.equals(s.getName())).findFirst().orElse(null);
  }
}
