package io.camelvk.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.HttpMethod;
import org.junit.jupiter.api.Test;

class NodeSubresourcesTest {

  @Test
  void mapsPathsAsTheKubeletWithFineGrainedAuthorization() {
    assertThat(NodeSubresources.forPath("/pods")).containsExactly("pods", "proxy");
    assertThat(NodeSubresources.forPath("/runningpods/")).containsExactly("pods", "proxy");
    assertThat(NodeSubresources.forPath("/healthz")).containsExactly("healthz", "proxy");
    assertThat(NodeSubresources.forPath("/healthz/ping")).containsExactly("healthz", "proxy");
    assertThat(NodeSubresources.forPath("/configz")).containsExactly("configz", "proxy");
    assertThat(NodeSubresources.forPath("/stats/summary")).containsExactly("stats");
    assertThat(NodeSubresources.forPath("/metrics/resource")).containsExactly("metrics");
    assertThat(NodeSubresources.forPath("/metrics")).containsExactly("metrics");
    assertThat(NodeSubresources.forPath("/logs/syslog")).containsExactly("log");
    assertThat(NodeSubresources.forPath("/flagz")).containsExactly("configz");
    assertThat(NodeSubresources.forPath("/containerLogs/ns/p/c")).containsExactly("proxy");
    assertThat(NodeSubresources.forPath("/exec/ns/p/c")).containsExactly("proxy");
  }

  @Test
  void aPathOnlyMatchesWholeSegments() {
    assertThat(NodeSubresources.forPath("/podsx")).containsExactly("proxy");
    assertThat(NodeSubresources.forPath("/metricsfoo")).containsExactly("proxy");
    assertThat(NodeSubresources.forPath("/statsx/summary")).containsExactly("proxy");
  }

  @Test
  void takesTheVerbFromTheMethod() {
    assertThat(NodeSubresources.verb(HttpMethod.GET)).isEqualTo("get");
    assertThat(NodeSubresources.verb(HttpMethod.POST)).isEqualTo("create");
    assertThat(NodeSubresources.verb(HttpMethod.PUT)).isEqualTo("update");
    assertThat(NodeSubresources.verb(HttpMethod.PATCH)).isEqualTo("patch");
    assertThat(NodeSubresources.verb(HttpMethod.DELETE)).isEqualTo("delete");
    assertThat(NodeSubresources.verb(HttpMethod.OPTIONS)).isEmpty();
  }
}
