package io.camelvk.controlplane;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.util.io.pem.PemObject;

/** A key pair and the certificate issued for it. Its {@code toString} never shows the key. */
public record IssuedCertificate(KeyPair keys, X509Certificate certificate) {

  public String certificatePem() {
    return pem(certificate);
  }

  /**
   * The private key in OpenSSL's traditional PEM ({@code EC PRIVATE KEY}, {@code RSA PRIVATE KEY}):
   * Go reads it, and fabric8 picks its key algorithm from that header.
   */
  public String privateKeyPem() {
    return privateKeyPem(keys.getPrivate());
  }

  static String privateKeyPem(PrivateKey key) {
    if (!(key instanceof ECPrivateKey ec)) {
      return pem(key);
    }
    // SEC1 with the curve named inside: the JDK's encoding keeps the curve only in PKCS#8's header.
    PrivateKeyInfo info = PrivateKeyInfo.getInstance(ec.getEncoded());
    var sec1 =
        new org.bouncycastle.asn1.sec.ECPrivateKey(
            ec.getParams().getOrder().bitLength(),
            ec.getS(),
            info.getPrivateKeyAlgorithm().getParameters());
    try {
      return pem(new PemObject("EC PRIVATE KEY", sec1.getEncoded()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes the certificate and the key (readable by the owner only) as PEM files. */
  public void writePem(Path certificateFile, Path keyFile) {
    writeFile(certificateFile, certificatePem(), false);
    writeFile(keyFile, privateKeyPem(), true);
  }

  static void writeFile(Path file, String content, boolean secret) {
    try {
      Files.createDirectories(file.getParent());
      Files.deleteIfExists(file);
      if (secret) {
        Files.createFile(
            file,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      }
      Files.writeString(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  static String pem(Object object) {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      writer.writeObject(object);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return "IssuedCertificate[" + certificate.getSubjectX500Principal().getName() + "]";
  }
}
