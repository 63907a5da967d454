package io.camelvk.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelvk.config.VkSettings;
import io.camelvk.test.ClusterCaServingCertificate;
import io.camelvk.test.MetricsServer;
import io.camelvk.test.RunningKubelet;
import io.camelvk.test.TestCluster;
import io.camelvk.test.TestPods;
import io.camelvk.test.WithControlPlane;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.NodeAddress;
import io.fabric8.kubernetes.api.model.Quantity;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code kubectl top} through a real metrics-server that scrapes our {@code /metrics/resource}: the
 * mock uses a container's CPU request as its CPU usage and its memory request as its working set,
 * so those are the numbers kubectl shows. Also the summary and resource metrics asked directly, as
 * the API server's kubelet-client certificate.
 */
@WithControlPlane
class KubectlTopIT {

  private static final Duration LOADED_MACHINE = Duration.ofSeconds(90);
  private static final Duration TWO_SCRAPES_AND_REGISTRATION = Duration.ofSeconds(150);
  private static final long MI = 1024 * 1024;

  private static RunningKubelet kubelet;
  private static KubeletApiClient apiServerIdentity;
  private static MetricsServer metricsServer;

  @BeforeAll
  static void start(TestCluster cluster) {
    Path work = Path.of("target", "metrics-server", cluster.namespace()).toAbsolutePath();
    kubelet = startKubeletWithACertificateOfTheClusterCa(cluster, work);
    apiServerIdentity =
        KubeletApiClient.asApiServer(cluster, kubelet.settings().node().kubeletPort());
    cluster.create(
        TestPods.boundTo(kubelet.nodeName(), "web")
            .editSpec()
            .withContainers(container("app", "250m", "64Mi"))
            .endSpec()
            .build());
    cluster.create(
        TestPods.boundTo(kubelet.nodeName(), "duo")
            .editSpec()
            .withContainers(container("main", "100m", "32Mi"), container("side", "50m", "16Mi"))
            .endSpec()
            .build());
    await()
        .atMost(LOADED_MACHINE)
        .until(
            () ->
                TestPods.isRunningAndReady(cluster.pod("web"))
                    && TestPods.isRunningAndReady(cluster.pod("duo")));
    metricsServer = MetricsServer.start(cluster, work);
  }

  @AfterAll
  static void stop(TestCluster cluster) {
    if (metricsServer != null) {
      metricsServer.close();
    }
    if (kubelet != null) {
      kubelet.stopAndDeleteNode(cluster);
    }
  }

  @Test
  void publishesTheAddressAndPortMetricsServerScrapes(TestCluster cluster) {
    var status = cluster.client().nodes().withName(kubelet.nodeName()).get().getStatus();

    assertThat(status.getAddresses())
        .extracting(NodeAddress::getType, NodeAddress::getAddress)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("InternalIP", "127.0.0.1"));
    assertThat(status.getDaemonEndpoints().getKubeletEndpoint().getPort())
        .isEqualTo(kubelet.settings().node().kubeletPort());
  }

  @Test
  void kubectlTopPodShowsEachPodsRequestsAsItsUsage(TestCluster cluster) {
    String ns = cluster.namespace();

    String pods = awaitTop(cluster, "pod", "-n", ns, "--no-headers");
    String containers = awaitTop(cluster, "pod", "duo", "-n", ns, "--containers", "--no-headers");

    assertThat(columns(pods))
        .containsExactly(List.of("duo", "150m", "48Mi"), List.of("web", "250m", "64Mi"));
    assertThat(columns(containers))
        .containsExactly(
            List.of("duo", "main", "100m", "32Mi"), List.of("duo", "side", "50m", "16Mi"));
  }

  @Test
  void kubectlTopNodeShowsTheSumOverItsPods(TestCluster cluster) {
    List<String> node =
        columns(awaitTop(cluster, "node", kubelet.nodeName(), "--no-headers")).getFirst();

    assertThat(node.get(0)).isEqualTo(kubelet.nodeName());
    // Each pod is sampled at its own millisecond, so the node's rate may be off by a millicore.
    assertThat(millicores(node.get(1))).isBetween(399L, 401L);
    assertThat(node.get(3)).isEqualTo("112Mi");
  }

  @Test
  void servesTheSummaryOnGetAndPost(TestCluster cluster) throws Exception {
    var get = apiServerIdentity.get("/stats/summary");
    var post = apiServerIdentity.post("/stats/summary?only_cpu_and_memory=true");

    assertThat(get.statusCode()).isEqualTo(200);
    assertThat(post.statusCode()).isEqualTo(200);
    for (String body : List.of(get.body(), post.body())) {
      JsonNode summary = new ObjectMapper().readTree(body);
      JsonNode node = summary.get("node");
      assertThat(node.get("nodeName").asText()).isEqualTo(kubelet.nodeName());
      assertThat(node.get("startTime").asText()).isNotBlank();
      assertThat(node.get("cpu").get("usageNanoCores").asLong()).isEqualTo(400_000_000L);
      assertThat(node.get("memory").get("workingSetBytes").asLong()).isEqualTo(112 * MI);
      JsonNode web = pod(summary, cluster.namespace(), "web");
      assertThat(web.get("podRef").get("uid").asText())
          .isEqualTo(cluster.pod("web").getMetadata().getUid());
      assertThat(web.get("startTime").asText())
          .isEqualTo(cluster.pod("web").getStatus().getStartTime());
      JsonNode app = web.get("containers").get(0);
      assertThat(app.get("name").asText()).isEqualTo("app");
      assertThat(app.get("cpu").get("usageNanoCores").asLong()).isEqualTo(250_000_000L);
      assertThat(app.get("cpu").get("usageCoreNanoSeconds").asLong()).isPositive();
      assertThat(app.get("memory").get("workingSetBytes").asLong()).isEqualTo(64 * MI);
      JsonNode duo = pod(summary, cluster.namespace(), "duo");
      assertThat(duo.get("cpu").get("usageNanoCores").asLong()).isEqualTo(150_000_000L);
      assertThat(duo.get("memory").get("workingSetBytes").asLong()).isEqualTo(48 * MI);
    }
  }

  @Test
  void servesResourceMetricsWithTheKubeletsNamesLabelsAndAdvancingTimestamps(TestCluster cluster) {
    String ns = cluster.namespace();
    String memory =
        "container_memory_working_set_bytes{container=\"app\",namespace=\""
            + ns
            + "\",pod=\"web\"} 6.7108864e+07 ";

    var first = apiServerIdentity.get("/metrics/resource");
    await()
        .pollInterval(Duration.ofMillis(50))
        .until(
            () ->
                timestamp(apiServerIdentity.get("/metrics/resource").body(), memory)
                    > timestamp(first.body(), memory));

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.headers().firstValue("Content-Type"))
        .contains("text/plain; version=0.0.4; charset=utf-8");
    assertThat(first.body())
        .contains(
            "# TYPE container_cpu_usage_seconds_total counter\n",
            "container_cpu_usage_seconds_total{container=\"side\",namespace=\""
                + ns
                + "\",pod=\"duo\"} ",
            "container_start_time_seconds{container=\"app\",namespace=\"" + ns + "\",pod=\"web\"} ",
            "pod_memory_working_set_bytes{namespace=\"" + ns + "\",pod=\"duo\"} 5.0331648e+07 ",
            "node_memory_working_set_bytes 1.17440512e+08 ",
            "\nresource_scrape_error 0\n");
    assertThat(Math.abs(timestamp(first.body(), memory) - System.currentTimeMillis()))
        .isLessThan(Duration.ofMinutes(1).toMillis());
  }

  private static RunningKubelet startKubeletWithACertificateOfTheClusterCa(
      TestCluster cluster, Path work) {
    String node = "vk-" + cluster.namespace();
    VkSettings settings =
        RunningKubelet.settings(cluster, node)
            .withKubeletApi(ClusterCaServingCertificate.settings(cluster, node, work));
    return RunningKubelet.start(cluster, settings, RunningKubelet.defaultProvider(settings));
  }

  private static Container container(String name, String cpu, String memory) {
    return new ContainerBuilder()
        .withName(name)
        .withImage("busybox")
        .withNewResources()
        .withRequests(Map.of("cpu", new Quantity(cpu), "memory", new Quantity(memory)))
        .endResources()
        .build();
  }

  /** kubectl top, once metrics-server has scraped twice and the aggregator routes to it. */
  private static String awaitTop(TestCluster cluster, String... args) {
    String[] command = new String[args.length + 1];
    command[0] = "top";
    System.arraycopy(args, 0, command, 1, args.length);
    return await()
        .atMost(TWO_SCRAPES_AND_REGISTRATION)
        .pollInterval(Duration.ofSeconds(2))
        .failFast(metricsServer::requireAlive)
        .ignoreExceptions()
        .until(() -> cluster.kubectl(command), out -> !out.isBlank());
  }

  private static List<List<String>> columns(String table) {
    return table.strip().lines().map(line -> List.of(line.strip().split("\\s+"))).toList();
  }

  private static long millicores(String cpu) {
    return Long.parseLong(cpu.substring(0, cpu.length() - 1));
  }

  private static JsonNode pod(JsonNode summary, String namespace, String name) {
    for (JsonNode pod : summary.get("pods")) {
      JsonNode ref = pod.get("podRef");
      if (ref.get("namespace").asText().equals(namespace)
          && ref.get("name").asText().equals(name)) {
        return pod;
      }
    }
    throw new AssertionError("no pod " + namespace + "/" + name + " in " + summary);
  }

  private static long timestamp(String metrics, String samplePrefix) {
    Matcher matcher = Pattern.compile(Pattern.quote(samplePrefix) + "(\\d+)\n").matcher(metrics);
    assertThat(matcher.find()).as("%s in%n%s", samplePrefix, metrics).isTrue();
    return Long.parseLong(matcher.group(1));
  }
}
