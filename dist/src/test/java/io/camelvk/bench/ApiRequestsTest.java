package io.camelvk.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiRequestsTest {

  private static final String METRICS =
      """
      # TYPE vk_api_requests_total counter
      vk_api_requests_total{code="200",resource="pods/status",verb="PATCH"} 200.0
      vk_api_requests_total{code="200",resource="pods",verb="DELETE"} 100.0
      vk_api_requests_total{code="201",resource="events",verb="POST"} 50.0
      vk_api_requests_total{code="201",resource="serviceaccounts/token",verb="POST"} 100.0
      vk_api_requests_total{code="200",resource="pods",verb="WATCH"} 3.0
      vk_api_requests_total{code="200",resource="other",verb="GET"} 4.0
      """;

  @Test
  void tokenRequestsEventsAndWatchesAreCountedApartFromThePodsRequests() {
    ApiRequests requests = ApiRequests.parse(METRICS);

    assertThat(requests.total()).isEqualTo(457);
    assertThat(requests.watches()).isEqualTo(3);
    assertThat(requests.events()).isEqualTo(50);
    assertThat(requests.tokens()).isEqualTo(100);
    assertThat(requests.byVerb()).containsEntry("POST", 150L).containsEntry("GET", 4L);
    assertThat(requests.perPod(100)).isEqualTo(3.04);
    assertThat(requests.eventsPerPod(100)).isEqualTo(0.5);
    assertThat(requests.tokensPerPod(100)).isEqualTo(1.0);
  }
}
