package io.camelvk.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelvk.test.RunningKubelet;
import io.camelvk.test.TestCluster;
import io.camelvk.test.WithVirtualKubelet;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Who gets a WebSocket upgrade from the kubelet: 400 for a subprotocol we do not speak (before any
 * handshake), and a bearer token offered as a subprotocol: 401 when it does not authenticate or
 * stands alone, 403 without {@code nodes/proxy}, 101 with it, the token never chosen.
 */
@WithVirtualKubelet
class WebSocketAccessIT {

  private static final String V5 = "v5.channel.k8s.io";

  private static KubeletApiClient apiServerIdentity;
  private static KubeletApiClient anonymous;

  @BeforeAll
  static void runAPod(RunningKubelet kubelet, TestCluster cluster) {
    int port = kubelet.settings().node().kubeletPort();
    apiServerIdentity = KubeletApiClient.asApiServer(cluster, port);
    anonymous = KubeletApiClient.anonymous(port);
    cluster.runPod(kubelet.nodeName(), "web", Duration.ofSeconds(90));
  }

  private static String echo(TestCluster cluster, String word) {
    return "/exec/" + cluster.namespace() + "/web/app?command=echo&command=" + word + "&output=1";
  }

  private static int refusal(KubeletApiClient client, String path, String... protocols) {
    return RecordingWebSocket.refusal(client, path, List.of(protocols));
  }

  @Test
  void refusesASubprotocolItDoesNotSpeakWith400BeforeAnyHandshake(TestCluster cluster) {
    String forward = "/portForward/" + cluster.namespace() + "/web";

    assertThat(refusal(apiServerIdentity, echo(cluster, "x"), "chat.example.com")).isEqualTo(400);
    assertThat(refusal(apiServerIdentity, forward + "?port=8080", "channel.k8s.io"))
        .as("channel.k8s.io is not a port-forward protocol")
        .isEqualTo(400);
    assertThat(refusal(apiServerIdentity, forward)).as("no ?port=").isEqualTo(400);
  }

  @Test
  void takesABearerTokenFromTheSubprotocolsAndNeverChoosesIt(TestCluster cluster) throws Exception {
    String nobody = ServiceAccountAccess.subprotocol(ServiceAccountAccess.token(cluster, "nobody"));
    String execer = ServiceAccountAccess.subprotocol(ServiceAccountAccess.token(cluster, "execer"));
    String role = "ws-exec-" + cluster.namespace();
    ServiceAccountAccess.grantNodesProxy(cluster, role, "execer");
    try {
      assertThat(refusal(anonymous, echo(cluster, "nobody"), V5, nobody)).isEqualTo(403);
      var echo = RecordingWebSocket.open(anonymous, echo(cluster, "token"), List.of(execer, V5));

      assertThat(echo.subprotocol()).isEqualTo(V5);
      assertThat(echo.closeCode()).isEqualTo(1000);
      assertThat(echo.messages).containsExactly("1:", "1:token\n", "3:{\"status\":\"Success\"}");
    } finally {
      ServiceAccountAccess.revoke(cluster, role);
    }
  }

  @Test
  void refusesABearerTokenThatDoesNotAuthenticateOrStandsAloneWith401(TestCluster cluster) {
    String alone = ServiceAccountAccess.subprotocol(ServiceAccountAccess.token(cluster, "alone"));
    String bogus = ServiceAccountAccess.subprotocol("not-a-token");

    assertThat(refusal(anonymous, echo(cluster, "x"), V5, bogus)).isEqualTo(401);
    assertThat(refusal(anonymous, echo(cluster, "x"), alone)).isEqualTo(401);
    assertThat(refusal(anonymous, echo(cluster, "x"), V5)).as("no token at all").isEqualTo(401);
  }
}
