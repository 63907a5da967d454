package io.camelvk.test;

import io.camelvk.config.KubeletApiSettings;
import io.camelvk.controlplane.ControlPlaneCertificates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Kubelet API settings with a serving certificate of the cluster CA for 127.0.0.1, the test nodes'
 * InternalIP, so that a client that verifies kubelets (metrics-server) trusts ours.
 */
public final class ClusterCaServingCertificate {

  private ClusterCaServingCertificate() {}

  /** Writes the certificate and key for {@code nodeName} into {@code dir}. */
  public static KubeletApiSettings settings(TestCluster cluster, String nodeName, Path dir) {
    ControlPlaneCertificates pki = cluster.plane().certificates();
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dir, e);
    }
    Path certificate = dir.resolve("kubelet.crt");
    Path key = dir.resolve("kubelet.key");
    pki.ca()
        .issueServer(nodeName, List.of(nodeName), List.of("127.0.0.1"))
        .writePem(certificate, key);
    return new KubeletApiSettings(
        Optional.of(certificate), Optional.of(key), Optional.of(pki.caCertificate()), true);
  }
}
