package io.camelvk.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camelvk.test.ClusterCaServingCertificate;
import io.camelvk.test.RunningKubelet;
import io.camelvk.test.TestCluster;
import io.camelvk.test.TrustingAnyServer;
import io.camelvk.test.WithControlPlane;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A renewed serving certificate (a rotated Secret, say) is served without a restart. */
@WithControlPlane
class ServingCertificateReloadIT {

  @Test
  void newConnectionsGetTheCertificateFilesAsTheyAreNow(TestCluster cluster, @TempDir Path dir)
      throws Exception {
    String node = "reload-" + cluster.namespace();
    var settings =
        RunningKubelet.settings(cluster, node)
            .withKubeletApi(ClusterCaServingCertificate.settings(cluster, node, dir));
    RunningKubelet kubelet =
        RunningKubelet.start(cluster, settings, RunningKubelet.providers(settings));
    try {
      int port = settings.node().kubeletPort();
      BigInteger before = servedSerial(port);

      ClusterCaServingCertificate.settings(cluster, node, dir);

      await().atMost(Duration.ofSeconds(10)).until(() -> !servedSerial(port).equals(before));
      assertThat(kubelet.httpGet("/healthz").statusCode()).isEqualTo(200);
    } finally {
      kubelet.stopAndDeleteNode(cluster);
    }
  }

  private static BigInteger servedSerial(int port) throws Exception {
    SSLContext tls = TrustingAnyServer.context(null);
    try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket("127.0.0.1", port)) {
      socket.startHandshake();
      return ((X509Certificate) socket.getSession().getPeerCertificates()[0]).getSerialNumber();
    }
  }
}
