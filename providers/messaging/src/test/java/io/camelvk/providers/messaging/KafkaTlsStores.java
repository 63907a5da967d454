package io.camelvk.providers.messaging;

import io.camelvk.controlplane.CertificateAuthority;
import io.camelvk.controlplane.IssuedCertificate;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.List;

/**
 * The PKCS12 stores of the embedded Kafka broker's TLS listener: its key and certificate for
 * 127.0.0.1, issued by a CA of the test's own, and a truststore that holds that CA, with the
 * truststore's password in a file, as an operator would give it to the provider.
 */
final class KafkaTlsStores {

  static final String PASSWORD = "kafka-store-secret";

  private final Path keystore;
  private final Path truststore;
  private final Path truststorePasswordFile;

  private KafkaTlsStores(Path directory) {
    this.keystore = directory.resolve("broker.p12");
    this.truststore = directory.resolve("ca.p12");
    this.truststorePasswordFile = directory.resolve("ca.password");
  }

  static KafkaTlsStores create(Path directory) {
    KafkaTlsStores stores = new KafkaTlsStores(directory);
    try {
      CertificateAuthority ca = CertificateAuthority.create("kafka-test-ca");
      IssuedCertificate broker =
          ca.issueServer("127.0.0.1", List.of("localhost"), List.of("127.0.0.1"));
      KeyStore keys = KeyStore.getInstance("PKCS12");
      keys.load(null, null);
      keys.setKeyEntry(
          "broker",
          broker.keys().getPrivate(),
          PASSWORD.toCharArray(),
          new Certificate[] {broker.certificate(), ca.certificate()});
      write(keys, stores.keystore);
      KeyStore trust = KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      trust.setCertificateEntry("ca", ca.certificate());
      write(trust, stores.truststore);
      Files.writeString(stores.truststorePasswordFile, PASSWORD + "\n");
      return stores;
    } catch (Exception e) {
      throw new IllegalStateException("cannot make the Kafka TLS stores in " + directory, e);
    }
  }

  Path keystore() {
    return keystore;
  }

  Path truststore() {
    return truststore;
  }

  Path truststorePasswordFile() {
    return truststorePasswordFile;
  }

  private static void write(KeyStore store, Path file) throws Exception {
    try (OutputStream out = Files.newOutputStream(file)) {
      store.store(out, PASSWORD.toCharArray());
    }
  }
}
