package io.camelvk.controlplane;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;

/** Writes a self-contained kubeconfig (certificates embedded) for one user of one cluster. */
public final class Kubeconfig {

  static final String CONTEXT = "camel-vk-local";

  private Kubeconfig() {}

  /** Writes the kubeconfig readable by its owner only, since it carries a private key. */
  public static Path write(
      Path file, String server, String caPem, IssuedCertificate user, String userName) {
    String yaml =
        """
        apiVersion: v1
        kind: Config
        clusters:
        - name: %1$s
          cluster:
            server: %2$s
            certificate-authority-data: %3$s
        users:
        - name: %4$s
          user:
            client-certificate-data: %5$s
            client-key-data: %6$s
        contexts:
        - name: %1$s
          context:
            cluster: %1$s
            user: %4$s
        current-context: %1$s
        """
            .formatted(
                CONTEXT,
                server,
                base64(caPem),
                userName,
                base64(user.certificatePem()),
                base64(user.privateKeyPem()));
    IssuedCertificate.writeFile(file, yaml, true);
    return file;
  }

  private static String base64(String pem) {
    return Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.UTF_8));
  }
}
