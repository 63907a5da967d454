package io.camelvk.controlplane;

import java.util.List;

/**
 * Tunables of a local control plane. The defaults suit tests and a laptop; load tests raise the
 * controllers' client rate limits.
 *
 * @param controllerQps client QPS of the scheduler and controller manager
 * @param controllerBurst client burst of the scheduler and controller manager
 */
public record ControlPlaneOptions(
    int controllerQps,
    int controllerBurst,
    List<String> etcdArgs,
    List<String> apiServerArgs,
    List<String> schedulerArgs,
    List<String> controllerManagerArgs) {

  public static final int DEFAULT_CONTROLLER_QPS = 100;
  public static final int DEFAULT_CONTROLLER_BURST = 200;

  public static ControlPlaneOptions defaults() {
    return new ControlPlaneOptions(
        DEFAULT_CONTROLLER_QPS,
        DEFAULT_CONTROLLER_BURST,
        List.of(),
        List.of(),
        List.of(),
        List.of());
  }

  public ControlPlaneOptions withControllerManagerArgs(List<String> args) {
    return new ControlPlaneOptions(
        controllerQps, controllerBurst, etcdArgs, apiServerArgs, schedulerArgs, List.copyOf(args));
  }

  public ControlPlaneOptions withApiServerArgs(List<String> args) {
    return new ControlPlaneOptions(
        controllerQps,
        controllerBurst,
        etcdArgs,
        List.copyOf(args),
        schedulerArgs,
        controllerManagerArgs);
  }
}
