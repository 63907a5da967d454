package io.camelvk.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelvk.config.KubeletApiSettings;
import io.camelvk.controlplane.LoopbackPorts;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The server alone, with a generated certificate and access control turned off. */
class KubeletApiServerTest {

  private static final KubeletApiSettings OPEN = KubeletApiSettings.DEFAULT.withAuth(false);

  private KubeletApiServer server;

  @BeforeEach
  void start() throws Exception {
    ServingCertificate serving = ServingCertificate.of(OPEN, "node-a", "127.0.0.1");
    server =
        new KubeletApiServer(
            LoopbackPorts.free(),
            ServerTls.context(serving, List.of()),
            new ApiAccess(null, null, null, false),
            List.of(new HealthzEndpoint(), new NotYetImplementedEndpoint()),
            OPEN);
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  @Test
  void servesEveryoneWhenAccessControlIsOff() {
    KubeletApiClient client = KubeletApiClient.anonymous(server.port());

    assertThat(client.get("/healthz").body()).isEqualTo("ok");
    assertThat(client.get("/portForward/ns/p").statusCode()).isEqualTo(501);
    assertThat(client.get("/unknown").statusCode()).isEqualTo(404);
  }

  @Test
  void enablesOnlyTls12And13() throws Exception {
    ServingCertificate serving = ServingCertificate.of(OPEN, "node-a", "127.0.0.1");

    String[] enabled =
        ServerTls.context(serving, List.of())
            .newEngine(io.netty.buffer.ByteBufAllocator.DEFAULT)
            .getEnabledProtocols();

    assertThat(enabled).containsExactlyInAnyOrder("TLSv1.3", "TLSv1.2");
  }
}
