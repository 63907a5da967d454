package io.camelvk.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camelvk.controlplane.CertificateAuthority;
import io.camelvk.controlplane.LoopbackPorts;
import io.camelvk.test.ForkedKubelet;
import io.camelvk.test.Kubectl;
import io.camelvk.test.TestCluster;
import io.camelvk.test.TrustingAnyServer;
import io.camelvk.test.WithControlPlane;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Started with nothing but a kubeconfig, as users of the Go virtual-kubelet start it: kubectl logs
 * through the API server works (its kubelet client certificate chains to the cluster CA, trusted by
 * default), while an anonymous caller is still refused.
 */
@WithControlPlane
class SecureByDefaultIT {

  @Test
  void withOnlyAKubeconfigKubectlLogsWorksAndAnonymousCallersAreRefused(TestCluster cluster)
      throws Exception {
    String node = "secure-" + cluster.namespace();
    int port = LoopbackPorts.free();
    try (ForkedKubelet kubelet =
        ForkedKubelet.start(
            cluster, node, List.of("--nodename", node, "--kubelet-port", Integer.toString(port)))) {
      await()
          .atMost(Duration.ofSeconds(120))
          .until(() -> kubelet.log().contains("started with provider") || !kubelet.isAlive());
      assertThat(kubelet.log())
          .contains("client certificates must chain to the cluster CA of the kubeconfig");
      cluster.runPod(node, "logged", Duration.ofSeconds(60));

      assertThat(cluster.kubectl("logs", "-n", cluster.namespace(), "logged"))
          .startsWith("mock: container app of " + cluster.namespace() + "/logged started");
      HttpResponse<String> anonymous =
          insecureClient()
              .send(
                  HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + "/pods"))
                      .timeout(Duration.ofSeconds(10))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(anonymous.statusCode()).isEqualTo(401);
    } finally {
      cluster.client().pods().inNamespace(cluster.namespace()).withGracePeriod(0).delete();
      cluster.client().nodes().withName(node).delete();
    }
  }

  /**
   * The test API server verifies kubelets' serving certificates ({@code
   * --kubelet-certificate-authority}), as the tests assume: one of another CA is refused.
   */
  @Test
  void theApiServerRefusesAKubeletWhoseCertificateItsCaDidNotIssue(
      TestCluster cluster, @TempDir Path dir) {
    String node = "untrusted-" + cluster.namespace();
    Path certificate = dir.resolve("kubelet.crt");
    Path key = dir.resolve("kubelet.key");
    CertificateAuthority.create("another-ca")
        .issueServer(node, List.of(node), List.of("127.0.0.1"))
        .writePem(certificate, key);
    try (ForkedKubelet kubelet =
        ForkedKubelet.start(
            cluster,
            node,
            List.of(
                "--nodename",
                node,
                "--tls-cert-file",
                certificate.toString(),
                "--tls-private-key-file",
                key.toString()))) {
      await()
          .atMost(Duration.ofSeconds(120))
          .until(() -> kubelet.log().contains("started with provider") || !kubelet.isAlive());
      cluster.runPod(node, "untrusted", Duration.ofSeconds(60));

      var logs = Kubectl.of(cluster).run("", "logs", "-n", cluster.namespace(), "untrusted");

      assertThat(logs.exitCode()).isNotZero();
      assertThat(logs.stderr()).contains("x509");
    } finally {
      cluster.client().pods().inNamespace(cluster.namespace()).withGracePeriod(0).delete();
      cluster.client().nodes().withName(node).delete();
    }
  }

  /** A caller with no credentials that does not check the self-signed serving certificate. */
  private static HttpClient insecureClient() {
    return HttpClient.newBuilder().sslContext(TrustingAnyServer.context(null)).build();
  }
}
