package io.camelvk.cli;

import io.camelvk.controlplane.ControlPlaneBinaries;
import io.camelvk.controlplane.ControlPlaneOptions;
import io.camelvk.controlplane.HomeDirectory;
import io.camelvk.controlplane.LocalControlPlane;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Local mode: no cluster is configured, so we start one on loopback and say where it is. */
public final class LocalMode {

  static final String KUBECONFIG_NAME = "kubeconfig";

  private LocalMode() {}

  public static Path defaultDir() {
    return HomeDirectory.resolve().resolve(".cache/camel-virtual-kubelet/local");
  }

  /** Starts the control plane and copies its kubeconfig to {@code <dir>/kubeconfig}. */
  public static LocalControlPlane start(Path dir, PrintStream out) {
    out.println(
        "No cluster configured (no --kubeconfig, no KUBECONFIG, no ~/.kube/config, not in a pod):"
            + " starting a local control plane (etcd, kube-apiserver, kube-scheduler,"
            + " kube-controller-manager).");
    LocalControlPlane plane =
        LocalControlPlane.start(
            ControlPlaneBinaries.resolve(), dir.resolve("runs"), ControlPlaneOptions.defaults());
    Path kubeconfig = dir.resolve(KUBECONFIG_NAME);
    try {
      Files.copy(plane.kubeconfig(), kubeconfig, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      plane.close();
      throw new UncheckedIOException("cannot write " + kubeconfig, e);
    }
    out.println("Local control plane ready at " + plane.apiServer() + ".");
    out.println("kubeconfig: " + kubeconfig);
    out.println("  try: " + plane.kubectl() + " --kubeconfig " + kubeconfig + " get ns");
    return plane;
  }
}
