package io.camelvk.api;

import io.camelvk.config.KubeletApiSettings;
import io.camelvk.controlplane.CertificateAuthority;
import io.camelvk.controlplane.IssuedCertificate;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
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
          readKey(settings.key().get()), readCertificates(settings.certificate().get()));
    }
    LOG.warn(
        "no --tls-cert-file/APISERVER_CERT_LOCATION given: the kubelet API serves a generated"
            + " self-signed certificate, which clients can only trust by skipping verification");
    CertificateAuthority ca = CertificateAuthority.create(nodeName + "-ca");
    IssuedCertificate issued = ca.issueServer(nodeName, List.of(nodeName), List.of(internalIp));
    return new ServingCertificate(
        issued.keys().getPrivate(), List.of(issued.certificate(), ca.certificate()));
  }

  static List<X509Certificate> readCertificates(Path file) {
    try (var in = Files.newInputStream(file)) {
      List<X509Certificate> certificates = new ArrayList<>();
      for (var c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        certificates.add((X509Certificate) c);
      }
      if (certificates.isEmpty()) {
        throw new IllegalArgumentException(file + " holds no PEM certificate");
      }
      return certificates;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    } catch (CertificateException e) {
      throw new IllegalArgumentException(file + " holds no valid PEM certificate", e);
    }
  }

  /** A PKCS#8, SEC1 ({@code EC PRIVATE KEY}) or PKCS#1 ({@code RSA PRIVATE KEY}) key. */
  static PrivateKey readKey(Path file) {
    try (Reader reader = Files.newBufferedReader(file);
        PEMParser parser = new PEMParser(reader)) {
      Object object = parser.readObject();
      JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
      if (object instanceof PEMKeyPair pair) {
        return converter.getPrivateKey(pair.getPrivateKeyInfo());
      }
      if (object instanceof PrivateKeyInfo info) {
        return converter.getPrivateKey(info);
      }
      throw new IllegalArgumentException(file + " holds no unencrypted PEM private key");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the private key " + file, e);
    }
  }
}
