package io.camelvk.providers.messaging;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * PKCS12 stores for a broker and a client that know each other (mutual TLS), made with the JDK's
 * keytool: each side's key store and a trust store with the other side's certificate, each with its
 * own password.
 */
record TlsStores(Path dir, String password) {

  static final String BROKER_KEYS = "broker-keys.p12";
  static final String BROKER_TRUST = "broker-trust.p12";
  static final String CLIENT_KEYS = "client-keys.p12";
  static final String CLIENT_TRUST = "client-trust.p12";

  /**
   * @param password the prefix of every store's password: {@code <password>-<store file>}
   */
  static TlsStores make(Path dir, String password) throws IOException, InterruptedException {
    TlsStores stores = new TlsStores(dir, password);
    stores.keyPair(BROKER_KEYS, "CN=127.0.0.1", "ip:127.0.0.1");
    stores.keyPair(CLIENT_KEYS, "CN=camel-virtual-kubelet", "dns:vk");
    stores.trust(BROKER_KEYS, "broker.cer", CLIENT_TRUST);
    stores.trust(CLIENT_KEYS, "client.cer", BROKER_TRUST);
    return stores;
  }

  Path path(String store) {
    return dir.resolve(store);
  }

  String passwordOf(String store) {
    return password + "-" + store;
  }

  private void keyPair(String store, String name, String altName)
      throws IOException, InterruptedException {
    keytool(
        "-genkeypair",
        "-alias",
        "me",
        "-keyalg",
        "RSA",
        "-keysize",
        "2048",
        "-validity",
        "2",
        "-dname",
        name,
        "-ext",
        "SAN=" + altName,
        "-storetype",
        "PKCS12",
        "-keystore",
        path(store).toString(),
        "-storepass",
        passwordOf(store));
  }

  private void trust(String keys, String certificate, String store)
      throws IOException, InterruptedException {
    keytool(
        "-exportcert",
        "-alias",
        "me",
        "-keystore",
        path(keys).toString(),
        "-storepass",
        passwordOf(keys),
        "-file",
        path(certificate).toString());
    keytool(
        "-importcert",
        "-noprompt",
        "-alias",
        "peer",
        "-file",
        path(certificate).toString(),
        "-storetype",
        "PKCS12",
        "-keystore",
        path(store).toString(),
        "-storepass",
        passwordOf(store));
  }

  private static void keytool(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    if (process.waitFor() != 0) {
      throw new IllegalStateException("keytool " + args[0] + " failed: " + output);
    }
  }
}
