package io.camelvk.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.fabric8.kubernetes.client.Config;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The floor's flags for the API server a kubeconfig names: its URL, and the CA, client certificate
 * and key, or bearer token, as files. Data embedded in the kubeconfig is written to PEM files in a
 * folder readable by its owner only; files the kubeconfig names are passed as they are.
 */
final class FloorCredentials {

  private FloorCredentials() {}

  static List<String> flags(Config config, Path dir) throws IOException {
    Files.createDirectories(dir);
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    List<String> flags = new ArrayList<>(List.of("--server", config.getMasterUrl()));
    add(flags, "--ca-file", config.getCaCertData(), config.getCaCertFile(), dir.resolve("ca.crt"));
    add(
        flags,
        "--cert-file",
        config.getClientCertData(),
        config.getClientCertFile(),
        dir.resolve("client.crt"));
    add(
        flags,
        "--key-file",
        config.getClientKeyData(),
        config.getClientKeyFile(),
        dir.resolve("client.key"));
    if (config.getOauthToken() != null && !config.getOauthToken().isBlank()) {
      flags.addAll(
          List.of("--token-file", write(dir.resolve("token"), config.getOauthToken()).toString()));
    }
    if (config.isTrustCerts()) {
      flags.add("--insecure-skip-tls-verify");
    }
    return flags;
  }

  /** The flag with the file: the base64 data written to {@code target}, else the named file. */
  private static void add(List<String> flags, String flag, String data, String file, Path target)
      throws IOException {
    if (data != null && !data.isBlank()) {
      flags.addAll(
          List.of(flag, write(target, new String(Base64.getMimeDecoder().decode(data), UTF_8))));
    } else if (file != null && !file.isBlank()) {
      flags.addAll(List.of(flag, file));
    }
  }

  private static String write(Path file, String content) throws IOException {
    return Files.writeString(file, content).toString();
  }
}
