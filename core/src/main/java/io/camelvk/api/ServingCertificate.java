package io.camelvk.api;

import io.camelvk.config.KubeletApiSettings;
import io.camelvk.controlplane.CertificateAuthority;
import io.camelvk.controlplane.IssuedCertificate;
import io.camelvk.tls.Pem;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The kubelet API's serving key and certificate chain: from PEM files, else self-signed. */
record ServingCertificate(PrivateKey key, List<X509Certificate> chain) {

  private static final Logger LOG = LoggerFactory.getLogger(ServingCertificate.class);

  /** Whether the certificate and key come from files (else they are generated, self-signed). */
  static boolean fromFiles(KubeletApiSettings settings) {
    return settings.certificate().isPresent() && settings.key().isPresent();
  }

  static ServingCertificate of(KubeletApiSettings settings, String nodeName, String internalIp) {
    if (fromFiles(settings)) {
      return new ServingCertificate(
          Pem.privateKey(settings.key().get()), Pem.certificates(settings.certificate().get()));
    }
    LOG.warn(
        "no --tls-cert-file/APISERVER_CERT_LOCATION given: the kubelet API serves a generated"
            + " self-signed certificate, which clients can only trust by skipping verification");
    CertificateAuthority ca = CertificateAuthority.create(nodeName + "-ca");
    IssuedCertificate issued = ca.issueServer(nodeName, List.of(nodeName), List.of(internalIp));
    return new ServingCertificate(
        issued.keys().getPrivate(), List.of(issued.certificate(), ca.certificate()));
  }
}
