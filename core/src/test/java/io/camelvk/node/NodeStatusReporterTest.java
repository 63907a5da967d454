package io.camelvk.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camelvk.provider.runtime.Providers;
import io.camelvk.test.ApiServerStub;
import io.camelvk.test.ApiServerStub.Reply;
import io.camelvk.test.MutableClock;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The status writes of {@link NodeStatusReporter} when the node goes away under them. */
class NodeStatusReporterTest {

  private static final String NODES = "/api/v1/nodes";
  private static final String NODE = NODES + "/vk";

  private final ApiServerStub api = ApiServerStub.start();
  private final NodeSettings settings =
      new NodeSettings("vk", "linux", "mock", Optional.empty(), 10250, "10.0.0.1");
  private final NodeRegistrar registrar = new NodeRegistrar(api.client(), settings);
  private final NodeStatusReporter reporter =
      new NodeStatusReporter(
          api.client(),
          registrar,
          settings,
          new NodeProfiles(new Providers("mock", List.of("mock")), "vk"),
          new MutableClock(Instant.parse("2026-01-01T00:00:00Z")));

  @BeforeEach
  void registered() {
    api.answer("GET", NODE, Reply.json(200, node()));
    api.answer("PATCH", NODE, Reply.json(200, node()));
    registrar.register();
  }

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void aNodeDeletedBeforeItsStatusWriteIsRegisteredAgainAndTheStatusWritten() {
    api.answer("PATCH", NODE + "/status", Reply.status(404, "NotFound"), Reply.json(200, node()));

    reporter.report();

    assertThat(api.requests("PATCH", NODE + "/status")).hasSize(2);
  }

  @Test
  void aStatusWriteThatKeepsFindingNoNodeFailsAfterOneRegistrationInsteadOfLooping() {
    api.answer("PATCH", NODE + "/status", Reply.status(404, "NotFound"));

    assertThatThrownBy(reporter::report)
        .isInstanceOfSatisfying(
            KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(404));
    assertThat(api.requests("PATCH", NODE + "/status")).hasSize(2);
  }

  private static Node node() {
    return new NodeBuilder().withNewMetadata().withName("vk").withUid("n1").endMetadata().build();
  }
}
