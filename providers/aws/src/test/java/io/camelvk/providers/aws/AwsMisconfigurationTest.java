package io.camelvk.providers.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelvk.config.ProviderSettings;
import io.camelvk.provider.runtime.ProviderSet;
import io.camelvk.test.contract.ProviderHarness;
import io.fabric8.kubernetes.api.model.NodeCondition;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A wrong configuration makes the node NotReady with a message that says what is wrong, and the
 * process goes on (it lists no pod instead of failing its start).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AwsMisconfigurationTest {

  private static final String NODE = "misconfigured-node";

  private MotoCluster moto;

  @BeforeAll
  void startMoto() {
    moto = MotoCluster.start("configured");
  }

  @AfterAll
  void stopMoto() {
    moto.close();
  }

  @Test
  void aClusterThatDoesNotExistMakesTheNodeNotReadyAndListsNoPod() throws Exception {
    try (ProviderHarness harness = start(Map.of("vk.provider.aws.cluster", "no-such-cluster"))) {
      assertThat(harness.provider().client().pods()).isEmpty();
      assertThat(ready(harness))
          .hasValueSatisfying(
              c -> {
                assertThat(c.getStatus()).isEqualTo("False");
                assertThat(c.getReason()).isEqualTo("ClusterNotFound");
                assertThat(c.getMessage())
                    .isEqualTo("ECS cluster no-such-cluster does not exist in us-east-1");
              });
    }
  }

  @Test
  void noSubnetsMakeTheNodeNotReadyNamingTheSetting() throws Exception {
    try (ProviderHarness harness = start(Map.of("vk.provider.aws.subnets", ""))) {
      assertThat(ready(harness))
          .hasValueSatisfying(
              c -> {
                assertThat(c.getReason()).isEqualTo("SubnetsNotConfigured");
                assertThat(c.getMessage()).startsWith("vk.provider.aws.subnets is not set");
              });
    }
  }

  @Test
  void theConfiguredClusterLeavesTheNodeReady() throws Exception {
    try (ProviderHarness harness = start(Map.of())) {
      assertThat(ready(harness)).isEmpty();
    }
  }

  private ProviderHarness start(Map<String, String> overrides) throws Exception {
    Map<String, String> properties = new HashMap<>(moto.providerProperties());
    properties.putAll(overrides);
    return ProviderHarness.start(
        ProviderSet.create(ProviderSettings.only("aws", Optional.empty()), NODE, Clock.systemUTC()),
        properties);
  }

  private static Optional<NodeCondition> ready(ProviderHarness harness) {
    return harness.provider().client().node(NODE).conditions().stream()
        .filter(c -> "Ready".equals(c.getType()))
        .findFirst();
  }
}
