package io.camelvk.pod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.camelvk.providers.mock.pod.PodBehaviour;
import io.camelvk.test.RunningKubelet;
import io.camelvk.test.TestCluster;
import io.camelvk.test.TestPods;
import io.camelvk.test.WithVirtualKubelet;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Probes run by the mock: a Service's endpoints follow the pods' Ready condition. */
@WithVirtualKubelet
class PodProbesIT {

  private static final String SERVICE = "probed";
  private static final Map<String, String> SELECTED = Map.of("tier", SERVICE);

  private static RunningKubelet kubelet;

  @BeforeAll
  static void kubelet(RunningKubelet started) {
    kubelet = started;
  }

  @Test
  void aServicesEndpointIsNotReadyUntilTheReadinessProbePassesAndStaysSoWhileItFails(
      TestCluster cluster) {
    cluster
        .client()
        .services()
        .inNamespace(cluster.namespace())
        .resource(
            new ServiceBuilder()
                .withNewMetadata()
                .withName(SERVICE)
                .endMetadata()
                .withNewSpec()
                .withSelector(SELECTED)
                .addNewPort()
                .withPort(80)
                .endPort()
                .endSpec()
                .build())
        .create();
    cluster.create(probed("slow", "10.244.0.11", Map.of(), readiness(2)));
    cluster.create(
        probed("sick", "10.244.0.12", Map.of(PodBehaviour.READINESS_FAILS, "app"), readiness(0)));

    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> "false".equals(readyOf(cluster, "10.244.0.11")));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> "true".equals(readyOf(cluster, "10.244.0.11")));
    assertThat(readyOf(cluster, "10.244.0.12")).isEqualTo("false");
    assertThat(TestPods.isRunningAndReady(cluster.pod("slow"))).isTrue();
    Pod sick = cluster.pod("sick");
    assertThat(sick.getStatus().getPhase()).isEqualTo("Running");
    assertThat(TestPods.isRunningAndReady(sick)).isFalse();
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(unhealthy(cluster, "sick"))
                    .singleElement()
                    .satisfies(
                        e -> {
                          assertThat(e.getType()).isEqualTo("Warning");
                          assertThat(e.getMessage())
                              .isEqualTo(
                                  "Readiness probe failed: HTTP probe failed with statuscode: 500");
                          assertThat(e.getInvolvedObject().getFieldPath())
                              .isEqualTo("spec.containers{app}");
                          assertThat(e.getCount()).isOne();
                        }));
    assertThat(unhealthy(cluster, "slow")).as("not ready only before its first probe").isEmpty();
  }

  private static List<Event> unhealthy(TestCluster cluster, String pod) {
    return cluster.eventsAbout(pod).stream()
        .filter(e -> e.getReason().equals("Unhealthy"))
        .toList();
  }

  @Test
  void aContainerWhoseLivenessProbeFailsIsRestartedAndTheProbeReportedUnhealthy(
      TestCluster cluster) {
    Probe liveness =
        new ProbeBuilder(readiness(0)).withPeriodSeconds(1).withFailureThreshold(1).build();
    cluster.create(
        TestPods.boundTo(kubelet.nodeName(), "dying")
            .editMetadata()
            .addToAnnotations(PodBehaviour.LIVENESS_FAILS_AFTER, "1s")
            .endMetadata()
            .editSpec()
            .editFirstContainer()
            .withLivenessProbe(liveness)
            .endContainer()
            .endSpec()
            .build());

    await()
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .untilAsserted(
            () -> {
              var app = cluster.pod("dying").getStatus().getContainerStatuses().getFirst();
              assertThat(app.getRestartCount()).isGreaterThanOrEqualTo(1);
              assertThat(app.getLastState().getTerminated().getExitCode()).isEqualTo(137);
              assertThat(cluster.eventsAbout("dying"))
                  .extracting(Event::getType, Event::getReason, Event::getMessage)
                  .contains(
                      tuple(
                          "Warning",
                          "Unhealthy",
                          "Liveness probe failed: HTTP probe failed with statuscode: 500"),
                      tuple(
                          "Normal",
                          "Killing",
                          "Container app failed liveness probe, will be restarted"));
            });
  }

  /** The ready condition of the Service's endpoint with this address, or null while none has it. */
  private static String readyOf(TestCluster cluster, String address) {
    return cluster
        .client()
        .discovery()
        .v1()
        .endpointSlices()
        .inNamespace(cluster.namespace())
        .withLabel("kubernetes.io/service-name", SERVICE)
        .list()
        .getItems()
        .stream()
        .flatMap(slice -> slice.getEndpoints().stream())
        .filter(e -> e.getAddresses().contains(address))
        .map(Endpoint::getConditions)
        .filter(Objects::nonNull)
        .map(c -> String.valueOf(c.getReady()))
        .findFirst()
        .orElse(null);
  }

  private static Pod probed(
      String name, String address, Map<String, String> annotations, Probe readiness) {
    Map<String, String> all = new HashMap<>(annotations);
    all.put(PodBehaviour.POD_IP, address);
    return TestPods.boundTo(kubelet.nodeName(), name)
        .editMetadata()
        .addToLabels(SELECTED)
        .addToAnnotations(all)
        .endMetadata()
        .editSpec()
        .editFirstContainer()
        .withReadinessProbe(readiness)
        .endContainer()
        .endSpec()
        .build();
  }

  private static Probe readiness(int initialDelaySeconds) {
    return new ProbeBuilder()
        .withNewHttpGet()
        .withPath("/healthz")
        .withNewPort(8080)
        .endHttpGet()
        .withInitialDelaySeconds(initialDelaySeconds)
        .withPeriodSeconds(1)
        .build();
  }
}
