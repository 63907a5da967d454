package io.camelvk.cli;

import io.camelvk.config.KubeletApiSettings;
import io.camelvk.controlplane.ControlPlaneBinaries;
import io.camelvk.controlplane.ControlPlaneOptions;
import io.camelvk.controlplane.HomeDirectory;
import io.camelvk.controlplane.LocalControlPlane;
import io.camelvk.node.NodeSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

/** Local mode: no cluster is configured, so we start one on loopback and say where it is. */
public final class LocalMode {

  static final String KUBECONFIG_NAME = "kubeconfig";

  private LocalMode() {}

  public static Path defaultDir() {
    return HomeDirectory.resolve().resolve(".cache/camel-virtual-kubelet/local");
  }

  /**
   * A serving certificate of the local CA for the node's name and InternalIP, written under {@code
   * <dir>/kubelet-serving/}: the local API server verifies kubelets against that CA.
   */
  public static KubeletApiSettings servingCertificate(
      LocalControlPlane plane, Path dir, NodeSettings node, KubeletApiSettings api) {
    Path serving = dir.resolve("kubelet-serving");
    Path certificate = serving.resolve("kubelet.crt");
    Path key = serving.resolve("kubelet.key");
    try {
      Files.createDirectories(serving);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + serving, e);
    }
    plane
        .certificates()
        .ca()
        .issueServer(node.nodeName(), List.of(node.nodeName()), List.of(node.internalIp()))
        .writePem(certificate, key);
    return new KubeletApiSettings(
        Optional.of(certificate), Optional.of(key), api.clientCa(), api.authEnabled());
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
