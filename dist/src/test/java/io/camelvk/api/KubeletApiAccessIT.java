package io.camelvk.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelvk.config.VkSettings;
import io.camelvk.test.RunningKubelet;
import io.camelvk.test.TestCluster;
import io.camelvk.test.WithControlPlane;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Who gets into the kubelet API: 401 without credentials, 403 without rights, 200 with them. */
@WithControlPlane
class KubeletApiAccessIT {

  private static RunningKubelet kubelet;
  private static KubeletApiClient apiServerIdentity;
  private static KubeletApiClient anonymous;

  @BeforeAll
  static void start(TestCluster cluster) {
    VkSettings settings = RunningKubelet.settings(cluster, "vk-" + cluster.namespace());
    kubelet = RunningKubelet.start(cluster, settings, RunningKubelet.defaultProvider(settings));
    int port = settings.node().kubeletPort();
    apiServerIdentity = KubeletApiClient.asApiServer(cluster, port);
    anonymous = KubeletApiClient.anonymous(port);
    cluster.runPod(kubelet.nodeName(), "web", Duration.ofSeconds(60));
  }

  @AfterAll
  static void stop(TestCluster cluster) {
    if (kubelet != null) {
      kubelet.stopAndDeleteNode(cluster);
    }
  }

  @Test
  void refusesARequestWithoutCredentialsWith401() {
    var response = anonymous.get("/pods");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).isEqualTo("Unauthorized");
  }

  @Test
  void refusesATokenThatDoesNotAuthenticateWith401() {
    assertThat(anonymous.get("/pods", "not-a-token").statusCode()).isEqualTo(401);
  }

  @Test
  void refusesAServiceAccountWithoutRightsWith403(TestCluster cluster) {
    String token = ServiceAccountAccess.token(cluster, "nobody");

    var pods = anonymous.get("/pods", token);
    var logs = anonymous.get("/containerLogs/" + cluster.namespace() + "/web/app", token);

    assertThat(pods.statusCode()).isEqualTo(403);
    assertThat(pods.body())
        .isEqualTo(
            "Forbidden (user=system:serviceaccount:"
                + cluster.namespace()
                + ":nobody, verb=get, resource=nodes, subresource(s)=[pods proxy])\n");
    assertThat(logs.statusCode()).isEqualTo(403);
    assertThat(logs.body()).contains("subresource(s)=[proxy]");
    var metrics = anonymous.get("/metrics/resource", token);
    assertThat(metrics.statusCode()).isEqualTo(403);
    assertThat(metrics.body()).contains("verb=get, resource=nodes, subresource(s)=[metrics]");
  }

  @Test
  void servesTheApiServersKubeletClientCertificate(TestCluster cluster) {
    var pods = apiServerIdentity.get("/pods");
    var running = apiServerIdentity.get("/runningpods/");

    assertThat(pods.statusCode()).isEqualTo(200);
    assertThat(pods.body()).contains("\"kind\":\"PodList\"", "\"name\":\"web\"");
    assertThat(running.statusCode()).isEqualTo(200);
    assertThat(running.body()).contains("\"name\":\"web\"");
    assertThat(apiServerIdentity.get("/healthz").body()).isEqualTo("ok");
  }

  @Test
  void answersUnknownPathsWith404AndBadStreamRequestsAsTheKubeletDoes(TestCluster cluster) {
    String ns = cluster.namespace();
    assertThat(apiServerIdentity.get("/nothing/here").statusCode()).isEqualTo(404);
    var notUpgraded = apiServerIdentity.get("/exec/" + ns + "/web/app?command=ls&output=1");
    assertThat(notUpgraded.statusCode()).isEqualTo(400);
    assertThat(notUpgraded.body()).contains("missing upgrade headers");
    var noStreams = apiServerIdentity.get("/exec/" + ns + "/web/app?command=ls");
    assertThat(noStreams.statusCode()).isEqualTo(400);
    assertThat(noStreams.body()).contains("at least 1 of stdin, stdout, stderr");
    var noPod = apiServerIdentity.get("/attach/" + ns + "/nope/app?output=1");
    assertThat(noPod.statusCode()).isEqualTo(404);
    assertThat(noPod.body()).contains("pod \"nope\" does not exist");
    var noContainer = apiServerIdentity.get("/exec/" + ns + "/web/nope?command=ls&output=1");
    assertThat(noContainer.statusCode()).isEqualTo(404);
    assertThat(apiServerIdentity.get("/portForward/" + ns + "/web?port=0").statusCode())
        .isEqualTo(400);
    assertThat(apiServerIdentity.get("/stats/nothing").statusCode()).isEqualTo(404);
  }

  @Test
  void answersLogRequestsForUnknownPodsAndBadQueriesAsTheKubeletDoes(TestCluster cluster) {
    String ns = cluster.namespace();

    var noPod = apiServerIdentity.get("/containerLogs/" + ns + "/nope/app");
    var noContainer = apiServerIdentity.get("/containerLogs/" + ns + "/web/nope");
    var badNumber = apiServerIdentity.get("/containerLogs/" + ns + "/web/app?tailLines=abc");
    var negative = apiServerIdentity.get("/containerLogs/" + ns + "/web/app?tailLines=-1");

    assertThat(noPod.statusCode()).isEqualTo(404);
    assertThat(noPod.body()).isEqualTo("pod \"nope\" does not exist");
    assertThat(noContainer.statusCode()).isEqualTo(404);
    assertThat(noContainer.body()).isEqualTo("container \"nope\" not found in pod \"web\"");
    assertThat(badNumber.statusCode()).isEqualTo(400);
    assertThat(badNumber.body()).isEqualTo("{\"message\": \"Unable to decode query.\"}");
    assertThat(negative.statusCode()).isEqualTo(422);
  }

  /** Issue 5's hostile inputs: bad UTF-8 in log requests, encoded and raw. */
  @Test
  void answersLogRequestsWithBadUtf8WithAClientErrorAndKeepsServing(TestCluster cluster) {
    String logs = "/containerLogs/" + cluster.namespace() + "/web/";
    List<String> badPaths =
        List.of(
            logs + "%ff%fe",
            logs + "app%C0%AF",
            logs + "%ED%A0%80",
            logs + "app%E2%82",
            logs + "app%00",
            "/containerLogs/%ff/web/app",
            "/containerLogs/" + cluster.namespace() + "/%C3%28/app");
    for (String path : badPaths) {
      assertThat(apiServerIdentity.get(path).statusCode()).as(path).isBetween(400, 499);
    }
    // As in the kubelet: a number or time that does not decode is refused; a flag that is not
    // "0" or "false" is true (previous: no previous container, refused); unknown keys are ignored.
    List<String> badValues =
        List.of(
            logs + "app?sinceTime=%ff%fe",
            logs + "app?tailLines=%C0%B1",
            logs + "app?limitBytes=%ED%A0%80",
            logs + "app?previous=%ED%A0%80");
    for (String path : badValues) {
      assertThat(apiServerIdentity.get(path).statusCode()).as(path).isBetween(400, 499);
    }
    assertThat(apiServerIdentity.get(logs + "app?%ff=1&tailLines=1").statusCode()).isEqualTo(200);
    byte[][] raw = {
      (logs + "app\u00ff").getBytes(StandardCharsets.ISO_8859_1),
      (logs + "\u00c3\u0028").getBytes(StandardCharsets.ISO_8859_1),
      (logs + "app?sinceTime=\u00fe\u00ff").getBytes(StandardCharsets.ISO_8859_1)
    };
    for (byte[] target : raw) {
      int status = apiServerIdentity.rawGet(target);
      assertThat(status).as(new String(target, StandardCharsets.ISO_8859_1)).isBetween(400, 499);
    }
    assertThat(apiServerIdentity.get("/healthz").body()).isEqualTo("ok");
    assertThat(apiServerIdentity.get(logs + "app?tailLines=1").statusCode()).isEqualTo(200);
  }
}
