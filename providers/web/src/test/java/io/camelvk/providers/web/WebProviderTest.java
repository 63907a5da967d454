package io.camelvk.providers.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camelvk.config.ProviderSettings;
import io.camelvk.provider.LogOptions;
import io.camelvk.provider.NodeProfile;
import io.camelvk.provider.runtime.ProviderSet;
import io.camelvk.provider.volume.PodVolumes;
import io.camelvk.test.contract.ProviderHarness;
import io.fabric8.kubernetes.api.model.NodeAddress;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the web provider adds to the contract: node profile, logs -f, configuration, requests. */
class WebProviderTest extends WebProviderTestBase {

  @Test
  void theNodeProfileIsTheBackendsCapacityConditionsAndAddresses() throws Exception {
    start(List.of("--pods", "2000"), Map.of());

    NodeProfile profile = client().node("web-node");

    assertThat(profile.capacity())
        .containsEntry("cpu", new Quantity("16"))
        .containsEntry("pods", new Quantity("2000"));
    assertThat(profile.conditions())
        .singleElement()
        .satisfies(c -> assertThat(c.getReason()).isEqualTo("BackendReady"));
    assertThat(profile.addresses()).containsExactly(new NodeAddress("198.51.100.10", "ExternalIP"));
  }

  @Test
  void aFollowedLogGivesTheTailThenTheLinesAddedUntilThePodIsGone() throws Exception {
    start(List.of(), Map.of());
    Pod pod = pod("followed");
    client().create(pod, PodVolumes.NONE);

    try (BufferedReader log =
        new BufferedReader(
            new InputStreamReader(
                client()
                    .logs(
                        "web",
                        "followed",
                        "app",
                        new LogOptions(1, null, null, false, false, true)),
                StandardCharsets.UTF_8))) {
      assertThat(log.readLine()).endsWith("followed/app: line 5");
      backend.log("web", "followed", "app", "one more");
      assertThat(log.readLine()).isEqualTo("one more");
      client().delete(pod, Duration.ofSeconds(2));
      assertThat(log.readLine()).isNull();
    }
  }

  @Test
  void withoutAUrlTheProviderDoesNotStartAndSaysWhatToSet() {
    assertThatThrownBy(
            () ->
                ProviderHarness.start(
                        ProviderSet.create(
                            ProviderSettings.only(WebBackend.NAME, Optional.empty()),
                            "web-node",
                            Clock.systemUTC()),
                        Map.of())
                    .close())
        .hasStackTraceContaining(
            "vk.provider.web.url is not set (nor the environment variable WEB_ENDPOINT_URL)");
  }

  @Test
  void anUnknownPodHasNoStatusAndItsDeleteIsDone() throws Exception {
    start(List.of(), Map.of());

    assertThat(client().status(pod("unknown"))).isEmpty();
    assertThat(client().delete(pod("unknown"), Duration.ofSeconds(2))).isEmpty();
    assertThat(backend.requests()).containsEntry("/deletePod", 1);
  }

  @Test
  void eachOperationCostsTheBackendOneRequest() throws Exception {
    start(List.of(), Map.of("vk.provider.web.status-batch-period", "0"));
    Pod pod = pod("counted");

    client().create(pod, PodVolumes.NONE);
    client().status(pod);
    client().pods();
    client().delete(pod, Duration.ofSeconds(2));

    assertThat(backend.requests())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("/createPod", 1, "/getPodStatus", 1, "/getPods", 1, "/deletePod", 1));
  }

  @Test
  void statusesComeFromOneListAPeriodAndAPodNotInItIsAskedOnItsOwn() throws Exception {
    start(List.of(), Map.of("vk.provider.web.status-batch-period", "1m"));
    Pod listed = pod("listed");
    Pod later = pod("later");
    client().create(listed, PodVolumes.NONE);

    assertThat(client().status(listed)).isPresent();
    client().create(later, PodVolumes.NONE);
    assertThat(client().status(later)).isPresent();
    assertThat(client().status(listed)).isPresent();
    assertThat(client().status(pod("unknown"))).isEmpty();

    assertThat(backend.requests())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("/createPod", 2, "/getPods", 1, "/getPodStatus", 2));
  }
}
