package io.camelvk.provider.http;

import io.camelvk.tls.Pem;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * The TLS context towards a backend: its certificate checked against a CA file (PEM, one or more
 * certificates) instead of the JVM's trust store, and a client certificate with its key (PEM) for
 * mutual TLS. Without either, the JVM's defaults.
 */
public final class BackendTls {

  private static final char[] IN_MEMORY = new char[0];

  private BackendTls() {}

  /**
   * @throws IllegalArgumentException when a file holds no certificate or key
   */
  public static SSLContext context(
      Optional<Path> caFile, Optional<Path> clientCertificateFile, Optional<Path> clientKeyFile) {
    try {
      TrustManager[] trust = caFile.map(BackendTls::trusting).orElse(null);
      KeyManager[] keys =
          clientCertificateFile.isPresent() && clientKeyFile.isPresent()
              ? presenting(
                  Pem.certificates(clientCertificateFile.get()),
                  Pem.privateKey(clientKeyFile.get()))
              : null;
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys, trust, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot set up TLS towards the backend", e);
    }
  }

  private static TrustManager[] trusting(Path caFile) {
    try {
      KeyStore store = emptyStore();
      List<X509Certificate> certificates = Pem.certificates(caFile);
      for (int i = 0; i < certificates.size(); i++) {
        store.setCertificateEntry("ca-" + i, certificates.get(i));
      }
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(store);
      return factory.getTrustManagers();
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot trust the CA file " + caFile, e);
    }
  }

  private static KeyManager[] presenting(List<X509Certificate> chain, PrivateKey key)
      throws GeneralSecurityException {
    KeyStore store = emptyStore();
    store.setKeyEntry("client", key, IN_MEMORY, chain.toArray(X509Certificate[]::new));
    KeyManagerFactory factory =
        KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    factory.init(store, IN_MEMORY);
    return factory.getKeyManagers();
  }

  private static KeyStore emptyStore() throws GeneralSecurityException {
    try {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      return store;
    } catch (java.io.IOException e) {
      throw new IllegalStateException("cannot make an in-memory key store", e);
    }
  }
}
