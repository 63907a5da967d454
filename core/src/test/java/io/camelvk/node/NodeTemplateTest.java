package io.camelvk.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelvk.provider.NodeProfile;
import io.fabric8.kubernetes.api.model.NodeAddress;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NodeTemplateTest {

  private final NodeTemplate template =
      new NodeTemplate(new NodeSettings("vk", "linux", "web", Optional.empty(), 10250, "10.0.0.1"));

  @Test
  void withoutProviderAddressesTheNodeHasItsInternalIpOnly() {
    assertThat(template.status(NodeProfile.DEFAULT, List.of(), "now").getAddresses())
        .containsExactly(new NodeAddress("10.0.0.1", "InternalIP"));
  }

  @Test
  void theProvidersAddressesFollowTheKubeletsInternalIpEachOnce() {
    NodeProfile profile =
        withAddresses(
            new NodeAddress("10.0.0.1", "InternalIP"),
            new NodeAddress("192.168.5.5", "InternalIP"),
            new NodeAddress("203.0.113.7", "ExternalIP"),
            new NodeAddress("backend.example.com", "ExternalDNS"));

    assertThat(template.status(profile, List.of(), "now").getAddresses())
        .containsExactly(
            new NodeAddress("10.0.0.1", "InternalIP"),
            new NodeAddress("192.168.5.5", "InternalIP"),
            new NodeAddress("203.0.113.7", "ExternalIP"),
            new NodeAddress("backend.example.com", "ExternalDNS"));
  }

  @Test
  void aProvidersHostnameOrInternalDnsIsLeftOutSoThatTheApiServerStillReachesThisKubelet() {
    NodeProfile profile =
        withAddresses(
            new NodeAddress("backend-host", "Hostname"),
            new NodeAddress("backend.internal", "InternalDNS"),
            new NodeAddress("203.0.113.7", "ExternalIP"));

    assertThat(template.status(profile, List.of(), "now").getAddresses())
        .containsExactly(
            new NodeAddress("10.0.0.1", "InternalIP"),
            new NodeAddress("203.0.113.7", "ExternalIP"));
  }

  private static NodeProfile withAddresses(NodeAddress... addresses) {
    return new NodeProfile(
        NodeProfile.DEFAULT.capacity(),
        java.util.Map.of(),
        List.of(),
        "test",
        Set.of(),
        List.of(addresses));
  }
}
