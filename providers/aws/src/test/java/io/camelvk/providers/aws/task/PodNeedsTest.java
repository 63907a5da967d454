package io.camelvk.providers.aws.task;

import static io.camelvk.providers.aws.task.TestPods.container;
import static io.camelvk.providers.aws.task.TestPods.pod;
import static io.camelvk.providers.aws.task.TestPods.sidecar;
import static io.camelvk.providers.aws.task.TestPods.withInit;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import org.junit.jupiter.api.Test;

class PodNeedsTest {

  @Test
  void aPodThatStatesNothingNeedsNothing() {
    assertThat(PodNeeds.of(pod(container("app")))).isEqualTo(PodNeeds.NOTHING);
  }

  @Test
  void regularContainersAddUpEachCountingItsLimitWhereSetElseItsRequest() {
    var pod =
        pod(
            container("app", "100m", "128Mi", "500m", "256Mi"),
            container("proxy", "200m", "64Mi", null, null));
    assertThat(PodNeeds.of(pod)).isEqualTo(new PodNeeds(700, 320));
  }

  @Test
  void amountsAreRoundedUpToWholeMillicoresAndMebibytes() {
    var pod = pod(container("app", "0.0005", "1000000", null, null));
    assertThat(PodNeeds.of(pod)).isEqualTo(new PodNeeds(1, 1));
  }

  @Test
  void theLargestInitContainerCountsWhenItNeedsMoreThanTheRegularOnes() {
    var app = pod(container("app", "100m", "128Mi", null, null));
    var migrate = container("migrate", null, null, "2", "1Gi");
    var warm = container("warm", null, null, "500m", "3Gi");
    assertThat(PodNeeds.of(withInit(app, migrate, warm))).isEqualTo(new PodNeeds(2000, 3072));
  }

  @Test
  void sidecarsRunBesideTheRegularContainersAndTheInitContainersAfterThem() {
    var pod =
        withInit(
            pod(container("app", "1", "1Gi", null, null)),
            sidecar(container("mesh", "500m", "512Mi", null, null)),
            container("migrate", "1", "1536Mi", null, null));
    // app + mesh: 1500m, 1536Mi; migrate + mesh: 1500m, 2048Mi.
    assertThat(PodNeeds.of(pod)).isEqualTo(new PodNeeds(1500, 2048));
  }

  @Test
  void podLevelResourcesStandForTheContainers() {
    var pod =
        new PodBuilder(pod(container("app", "100m", "128Mi", null, null)))
            .editSpec()
            .withResources(
                new ResourceRequirementsBuilder()
                    .addToRequests("cpu", new Quantity("1"))
                    .addToLimits("memory", new Quantity("4Gi"))
                    .build())
            .endSpec()
            .build();
    assertThat(PodNeeds.of(pod)).isEqualTo(new PodNeeds(1000, 4096));
  }
}
