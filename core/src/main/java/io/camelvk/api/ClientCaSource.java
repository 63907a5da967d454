package io.camelvk.api;

import io.camelvk.config.KubeletApiSettings;
import io.camelvk.tls.Pem;
import io.fabric8.kubernetes.client.Config;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CAs client certificates must chain to: {@code --client-ca-file}, else, as a kubeadm kubelet
 * does, the cluster CA the process already trusts (the kubeconfig's certificate authority, or the
 * service account's {@code ca.crt}), so that the API server's kubelet client is accepted out of the
 * box. Anonymous and unauthorized callers stay refused either way.
 */
final class ClientCaSource {

  private static final Logger LOG = LoggerFactory.getLogger(ClientCaSource.class);

  private ClientCaSource() {}

  static List<X509Certificate> of(KubeletApiSettings settings, Config cluster) {
    if (settings.clientCa().isPresent()) {
      Path file = settings.clientCa().get();
      LOG.info("kubelet API: client certificates must chain to --client-ca-file {}", file);
      return Pem.certificates(file);
    }
    if (cluster.getCaCertData() != null && !cluster.getCaCertData().isBlank()) {
      LOG.info(
          "kubelet API: no --client-ca-file: client certificates must chain to the cluster CA of"
              + " the kubeconfig");
      return Pem.certificates(
          Base64.getDecoder().decode(cluster.getCaCertData().strip()), "the kubeconfig's CA");
    }
    if (cluster.getCaCertFile() != null && !cluster.getCaCertFile().isBlank()) {
      LOG.info(
          "kubelet API: no --client-ca-file: client certificates must chain to the cluster CA {}",
          cluster.getCaCertFile());
      return Pem.certificates(Path.of(cluster.getCaCertFile()));
    }
    LOG.warn(
        "kubelet API: no --client-ca-file and no cluster CA: client certificates are refused;"
            + " callers need a bearer token");
    return List.of();
  }
}
