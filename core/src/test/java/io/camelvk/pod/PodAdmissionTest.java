package io.camelvk.pod;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PodAdmissionTest {

  private static final Map<String, Quantity> ALLOCATABLE =
      Map.of("cpu", new Quantity("20"), "memory", new Quantity("100Gi"));

  @Test
  void aPodThatFitsIsAdmitted() {
    assertThat(PodAdmission.check(pod(Map.of("cpu", "10"), Map.of("cpu", "20")), ALLOCATABLE))
        .isEmpty();
  }

  @Test
  void containersAddUpAndTheLargestInitContainerCounts() {
    assertThat(PodAdmission.check(pod(Map.of("cpu", "11"), Map.of("cpu", "1")), ALLOCATABLE))
        .hasValueSatisfying(r -> assertThat(r.reason()).isEqualTo("OutOfcpu"));
    assertThat(PodAdmission.check(pod(Map.of("cpu", "1"), Map.of("cpu", "21")), ALLOCATABLE))
        .hasValueSatisfying(
            r ->
                assertThat(r.message())
                    .isEqualTo(
                        "Pod was rejected: Node didn't have enough resource: cpu, requested: 21,"
                            + " capacity: 20"));
  }

  @Test
  void aResourceTheNodeDoesNotHaveCannotBeRequested() {
    assertThat(PodAdmission.check(pod(Map.of("example.com/fpga", "1"), Map.of()), ALLOCATABLE))
        .hasValueSatisfying(r -> assertThat(r.reason()).isEqualTo("OutOfexample.com/fpga"));
  }

  /** Two app containers with these requests each (the first), one init container (the second). */
  private static Pod pod(Map<String, String> perContainer, Map<String, String> init) {
    Map<String, Quantity> app = quantities(perContainer);
    return new PodBuilder()
        .withNewSpec()
        .addNewContainer()
        .withName("a")
        .withNewResources()
        .withRequests(app)
        .endResources()
        .endContainer()
        .addNewContainer()
        .withName("b")
        .withNewResources()
        .withRequests(app)
        .endResources()
        .endContainer()
        .addNewInitContainer()
        .withName("i")
        .withNewResources()
        .withRequests(quantities(init))
        .endResources()
        .endInitContainer()
        .endSpec()
        .build();
  }

  private static Map<String, Quantity> quantities(Map<String, String> values) {
    var result = new java.util.TreeMap<String, Quantity>();
    values.forEach((k, v) -> result.put(k, new Quantity(v)));
    return result;
  }
}
