package io.camelvk.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * Certificates and keys in PEM, as Kubernetes and most backends hand them out: for the kubelet
 * API's serving certificate and client CAs, and for TLS to a provider's backend.
 */
public final class Pem {

  private Pem() {}

  /**
   * @throws IllegalArgumentException when the file holds no certificate
   */
  public static List<X509Certificate> certificates(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return certificates(in, file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /**
   * @param source what the bytes are, for the error ({@code the kubeconfig's CA})
   * @throws IllegalArgumentException when the bytes hold no certificate
   */
  public static List<X509Certificate> certificates(byte[] pem, String source) {
    return certificates(new ByteArrayInputStream(pem), source);
  }

  private static List<X509Certificate> certificates(InputStream in, String source) {
    try {
      List<X509Certificate> certificates = new ArrayList<>();
      for (Certificate certificate :
          CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        certificates.add((X509Certificate) certificate);
      }
      if (certificates.isEmpty()) {
        throw new IllegalArgumentException(source + " holds no PEM certificate");
      }
      return certificates;
    } catch (CertificateException e) {
      throw new IllegalArgumentException(source + " holds no valid PEM certificate", e);
    }
  }

  /**
   * A PKCS#8, SEC1 ({@code EC PRIVATE KEY}) or PKCS#1 ({@code RSA PRIVATE KEY}) key.
   *
   * @throws IllegalArgumentException when the file holds no unencrypted key
   */
  public static PrivateKey privateKey(Path file) {
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
