package io.camelvk.api.stats;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class SummaryJsonTest {

  private static final Instant T = Instant.parse("2026-11-25T09:00:00.923Z");
  private static final Instant STARTED = Instant.parse("2026-11-25T08:00:00Z");

  @Test
  void writesTheStatsV1alpha1SummaryWithPodSumsAndWholeSecondTimes() throws Exception {
    var pod =
        PodSample.of(
            "shop",
            "web",
            "uid-web",
            Optional.of(STARTED),
            List.of(
                new ContainerSample("app", Optional.of(STARTED), new CpuMemory(T, 250, 9000, 64)),
                new ContainerSample("log", Optional.empty(), new CpuMemory(T, 10, 1000, 16))));
    var node =
        new NodeSample("vk-a", STARTED, new CpuMemory(T, 260, 10000, 80), OptionalLong.of(1000));

    JsonNode json =
        new ObjectMapper().readTree(SummaryJson.of(new UsageSummary(node, List.of(pod), 0)));

    JsonNode n = json.get("node");
    assertThat(n.get("nodeName").asText()).isEqualTo("vk-a");
    assertThat(n.get("startTime").asText()).isEqualTo("2026-11-25T08:00:00Z");
    assertThat(n.get("cpu").toString())
        .isEqualTo(
            "{\"time\":\"2026-11-25T09:00:00Z\",\"usageNanoCores\":260,\"usageCoreNanoSeconds\":10000}");
    assertThat(n.get("memory").toString())
        .isEqualTo(
            "{\"time\":\"2026-11-25T09:00:00Z\",\"availableBytes\":920,\"usageBytes\":80,\"workingSetBytes\":80}");
    assertThat(n.get("systemContainers").get(0).get("name").asText()).isEqualTo("pods");
    assertThat(n.get("systemContainers").get(0).get("cpu").get("usageNanoCores").asLong())
        .isEqualTo(260);
    JsonNode p = json.get("pods").get(0);
    assertThat(p.get("podRef").toString())
        .isEqualTo("{\"name\":\"web\",\"namespace\":\"shop\",\"uid\":\"uid-web\"}");
    assertThat(p.get("startTime").asText()).isEqualTo("2026-11-25T08:00:00Z");
    assertThat(p.get("cpu").get("usageNanoCores").asLong()).isEqualTo(260);
    assertThat(p.get("cpu").get("usageCoreNanoSeconds").asLong()).isEqualTo(10000);
    assertThat(p.get("memory").get("workingSetBytes").asLong()).isEqualTo(80);
    JsonNode app = p.get("containers").get(0);
    assertThat(app.get("name").asText()).isEqualTo("app");
    assertThat(app.get("startTime").asText()).isEqualTo("2026-11-25T08:00:00Z");
    assertThat(app.get("memory").get("usageBytes").asLong()).isEqualTo(64);
    assertThat(p.get("containers").get(1).get("startTime").isNull()).isTrue();
  }

  @Test
  void hasNoAvailableBytesWhenTheNodeDeclaresNoMemory() throws Exception {
    var node = new NodeSample("vk-a", STARTED, new CpuMemory(T, 0, 0, 0), OptionalLong.empty());

    JsonNode json =
        new ObjectMapper().readTree(SummaryJson.of(new UsageSummary(node, List.of(), 0)));

    assertThat(json.get("node").get("memory").has("availableBytes")).isFalse();
    assertThat(json.get("pods").isArray()).isTrue();
    assertThat(json.get("pods")).isEmpty();
  }
}
