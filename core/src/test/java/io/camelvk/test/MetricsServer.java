package io.camelvk.test;

import io.camelvk.controlplane.ControlPlaneCertificates;
import io.camelvk.controlplane.LoopbackPorts;
import io.camelvk.controlplane.ManagedProcess;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/**
 * metrics-server (built by {@code scripts/metrics-server-binary.sh}) as a local process against the
 * test cluster, the way its manifests run it in a cluster: its ServiceAccount's token, its own
 * serving certificate, authentication and authorization delegated to the API server, registered as
 * the {@code metrics.k8s.io} APIService. It scrapes kubelets at their InternalIP and node-status
 * port, verifying their certificates against the cluster CA.
 */
public final class MetricsServer implements AutoCloseable {

  public static final Duration METRIC_RESOLUTION = Duration.ofSeconds(10);

  /** Shorter than the resolution, which metrics-server requires. */
  private static final Duration KUBELET_REQUEST_TIMEOUT = Duration.ofSeconds(5);

  static final String SCRIPT_PROPERTY = "vk.metrics-server.script";
  private static final String DEFAULT_SCRIPT =
      ProjectRoot.resolve("scripts/metrics-server-binary.sh").toString();
  private static final long TOKEN_SECONDS = 3600;

  private final TestCluster cluster;
  private final Path manifest;
  private final ManagedProcess process;

  private MetricsServer(TestCluster cluster, Path manifest, ManagedProcess process) {
    this.cluster = cluster;
    this.manifest = manifest;
    this.process = process;
  }

  /** Registers and starts metrics-server; its files and log go to {@code workDir}. */
  public static MetricsServer start(TestCluster cluster, Path workDir) {
    try {
      Files.createDirectories(workDir);
      String host = HostAddress.ipv4();
      int port = LoopbackPorts.free();
      ControlPlaneCertificates pki = cluster.plane().certificates();
      String service = MetricsServerManifest.SERVICE + "." + cluster.namespace() + ".svc";
      pki.ca()
          .issueServer("metrics-server", List.of(service), List.of(host))
          .writePem(workDir.resolve("serving.crt"), workDir.resolve("serving.key"));
      String ca = Files.readString(pki.caCertificate());
      Path manifest = workDir.resolve("manifest.yaml");
      Files.writeString(
          manifest,
          MetricsServerManifest.yaml(
              cluster.namespace(),
              "vk-test-metrics-server-" + cluster.namespace(),
              host,
              port,
              base64(ca)));
      cluster.kubectl("apply", "-f", manifest.toString());
      Path kubeconfig = writeKubeconfig(cluster, workDir.resolve("kubeconfig"), base64(ca));
      List<String> command = command(binary(), kubeconfig, workDir, host, port, pki);
      return new MetricsServer(
          cluster, manifest, ManagedProcess.start("metrics-server", command, workDir));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare metrics-server in " + workDir, e);
    }
  }

  /** Fails with the end of its log when metrics-server has exited. */
  public void requireAlive() {
    process.requireAlive();
  }

  @Override
  public void close() {
    // The APIService first: while it points at nothing, namespace deletion cannot finish its
    // discovery and waits.
    try {
      cluster.kubectl("delete", "-f", manifest.toString(), "--ignore-not-found", "--wait=false");
    } finally {
      process.close();
    }
  }

  private static List<String> command(
      Path binary,
      Path kubeconfig,
      Path workDir,
      String host,
      int port,
      ControlPlaneCertificates pki) {
    return List.of(
        binary.toString(),
        "--kubeconfig=" + kubeconfig,
        "--authentication-kubeconfig=" + kubeconfig,
        "--authorization-kubeconfig=" + kubeconfig,
        "--bind-address=" + host,
        "--secure-port=" + port,
        "--tls-cert-file=" + workDir.resolve("serving.crt"),
        "--tls-private-key-file=" + workDir.resolve("serving.key"),
        "--kubelet-preferred-address-types=InternalIP",
        "--kubelet-use-node-status-port",
        "--kubelet-certificate-authority=" + pki.caCertificate(),
        "--metric-resolution=" + METRIC_RESOLUTION.toSeconds() + "s",
        "--kubelet-request-timeout=" + KUBELET_REQUEST_TIMEOUT.toSeconds() + "s",
        "--v=2");
  }

  /** A kubeconfig with the ServiceAccount's token, as metrics-server has in its pod. */
  private static Path writeKubeconfig(TestCluster cluster, Path file, String caBundle)
      throws IOException {
    String token =
        cluster
            .client()
            .serviceAccounts()
            .inNamespace(cluster.namespace())
            .withName(MetricsServerManifest.SERVICE_ACCOUNT)
            .tokenRequest(
                new TokenRequestBuilder()
                    .withNewSpec()
                    .withExpirationSeconds(TOKEN_SECONDS)
                    .endSpec()
                    .build())
            .getStatus()
            .getToken();
    String yaml =
        """
        apiVersion: v1
        kind: Config
        clusters:
        - name: test
          cluster: {server: "%s", certificate-authority-data: %s}
        users:
        - name: metrics-server
          user: {token: "%s"}
        contexts:
        - name: test
          context: {cluster: test, user: metrics-server}
        current-context: test
        """
            .formatted(cluster.plane().apiServer(), caBundle, token);
    Files.writeString(file, yaml);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    return file;
  }

  /** Runs the build script, which returns at once when the binary is cached. */
  private static Path binary() {
    String script = System.getProperty(SCRIPT_PROPERTY, DEFAULT_SCRIPT);
    var build = BoundedProcess.run(new ProcessBuilder("bash", script), Duration.ofMinutes(10));
    String out = build.stdout();
    System.err.print(build.stderr());
    if (build.exitCode() != 0 || out.isBlank()) {
      throw new IllegalStateException(script + " failed (see its messages above)");
    }
    return Path.of(out.strip().lines().reduce((first, last) -> last).orElseThrow());
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
