package io.camelvk.pod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camelvk.test.ApiServerStub;
import io.camelvk.test.ApiServerStub.Reply;
import io.camelvk.test.TestPods;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PodStatusWriterTest {

  private static final String STATUS_PATH = "/api/v1/namespaces/ns/pods/web/status";
  private static final PodStatus PENDING = new PodStatusBuilder().withPhase("Pending").build();
  private static final PodStatus RUNNING = new PodStatusBuilder().withPhase("Running").build();

  private final ApiServerStub api =
      ApiServerStub.start().answer("PATCH", STATUS_PATH, Reply.echo(200));
  private final PodStatusWriter writer = new PodStatusWriter(api.client());

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void aStatusEqualToTheCachedOneIsNotWritten() {
    assertThat(writer.write(pod("u1", RUNNING), RUNNING)).isFalse();
    assertThat(api.requests()).isEmpty();
  }

  @Test
  void aChangedStatusIsMergePatchedWithThePodsUidAsPrecondition() {
    assertThat(writer.write(pod("u1", PENDING), RUNNING)).isTrue();

    assertThat(api.requests()).hasSize(1);
    Map<?, ?> patch = Serialization.unmarshal(api.requests().getFirst().body(), Map.class);
    assertThat(patch.get("metadata")).isEqualTo(Map.of("uid", "u1"));
    assertThat(patch.get("status")).isEqualTo(Map.of("phase", "Running"));
    assertThat(api.requests().getFirst().method()).isEqualTo("PATCH");
    assertThat(api.requests().getFirst().path()).isEqualTo(STATUS_PATH);
  }

  @Test
  void theStatusLastWrittenIsNotWrittenAgainWhileTheCacheHasNotSeenIt() {
    writer.write(pod("u1", PENDING), RUNNING);
    assertThat(writer.write(pod("u1", PENDING), RUNNING)).isFalse();
    assertThat(api.requests("PATCH", STATUS_PATH)).hasSize(1);
  }

  @Test
  void aStatusComposedAgainBeforeTheCacheSawOursKeepsOurTransitionTimes() {
    writer.write(pod("u1", PENDING), ready("True", "2026-12-07T10:00:00Z"));
    assertThat(writer.write(pod("u1", PENDING), ready("True", "2026-12-07T10:00:02Z"))).isFalse();
    assertThat(writer.write(pod("u1", PENDING), ready("False", "2026-12-07T10:00:03Z"))).isTrue();

    assertThat(api.requests("PATCH", STATUS_PATH)).hasSize(2);
    Map<?, ?> patch = Serialization.unmarshal(api.requests().getLast().body(), Map.class);
    assertThat(patch.toString()).contains("lastTransitionTime=2026-12-07T10:00:03Z");
  }

  @Test
  void aStatusComposedAgainBeforeTheCacheSawOursKeepsOurStartTime() {
    writer.write(pod("u1", PENDING), started("2026-12-07T10:00:00Z"));
    assertThat(writer.write(pod("u1", PENDING), started("2026-12-07T10:00:02Z"))).isFalse();

    assertThat(api.requests("PATCH", STATUS_PATH)).hasSize(1);
  }

  private static PodStatus started(String at) {
    return new PodStatusBuilder(RUNNING).withStartTime(at).build();
  }

  private static PodStatus ready(String status, String since) {
    return new PodStatusBuilder(RUNNING)
        .addNewCondition()
        .withType("Ready")
        .withStatus(status)
        .withLastTransitionTime(since)
        .endCondition()
        .build();
  }

  @Test
  void onceTheCacheShowedTheWrittenStatusItIsForgotten() {
    writer.write(pod("u1", PENDING), RUNNING);
    writer.write(pod("u1", RUNNING), RUNNING);

    // Someone else set it back: ours must be written again.
    assertThat(writer.write(pod("u1", PENDING), RUNNING)).isTrue();
    assertThat(api.requests("PATCH", STATUS_PATH)).hasSize(2);
  }

  @Test
  void aNewPodOfTheSameNameGetsItsOwnWrite() {
    writer.write(pod("u1", PENDING), RUNNING);
    assertThat(writer.write(pod("u2", PENDING), RUNNING)).isTrue();
    assertThat(api.requests("PATCH", STATUS_PATH)).hasSize(2);
  }

  @ParameterizedTest
  @ValueSource(ints = {404, 409})
  void aPodGoneOrReplacedIsNotRememberedAsWritten(int code) {
    api.answer("PATCH", STATUS_PATH, Reply.status(code, "Gone"), Reply.echo(200));
    assertThat(writer.write(pod("u1", PENDING), RUNNING)).isTrue();

    assertThat(writer.write(pod("u1", PENDING), RUNNING)).isTrue();
    assertThat(api.requests("PATCH", STATUS_PATH)).hasSize(2);
  }

  @Test
  void anyOtherErrorFailsTheWriteAndIsNotRemembered() {
    api.answer("PATCH", STATUS_PATH, Reply.status(500, "InternalError"), Reply.echo(200));
    assertThatThrownBy(() -> writer.write(pod("u1", PENDING), RUNNING))
        .isInstanceOfSatisfying(
            KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(500))
        .hasMessageContaining("ns/web")
        .hasMessageContaining("HTTP 500");

    assertThat(writer.write(pod("u1", PENDING), RUNNING)).isTrue();
  }

  @Test
  void forgettingAPodsUidWritesItsStatusAgain() {
    writer.write(pod("u1", PENDING), RUNNING);
    writer.forget("u1");
    assertThat(writer.write(pod("u1", PENDING), RUNNING)).isTrue();
  }

  private static Pod pod(String uid, PodStatus status) {
    return TestPods.named("ns", "web", uid).withStatus(status).build();
  }
}
