package io.camelvk.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camelvk.provider.runtime.Providers;
import io.camelvk.test.ApiServerStub;
import io.camelvk.test.ApiServerStub.Reply;
import io.camelvk.test.MutableClock;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Lease requests of {@link NodeLeaseRenewer}, answered by a stub as the API server would. */
class NodeLeaseRenewerTest {

  private static final String LEASES =
      "/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases";
  private static final String LEASE = LEASES + "/vk";
  private static final String NODE = "/api/v1/nodes/vk";
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private final ApiServerStub api = ApiServerStub.start();
  private final MutableClock clock = new MutableClock(T0);
  private final NodeSettings settings =
      new NodeSettings("vk", "linux", "mock", Optional.empty(), 10250, "10.0.0.1");
  private final NodeRegistrar registrar = new NodeRegistrar(api.client(), settings);
  private final NodeLeaseRenewer renewer =
      new NodeLeaseRenewer(
          api.client(),
          registrar,
          new NodeStatusReporter(
              api.client(),
              registrar,
              settings,
              new NodeProfiles(new Providers("mock", List.of("mock")), "vk"),
              clock),
          clock);

  @BeforeEach
  void registered() {
    api.answer("GET", NODE, Reply.json(200, node("n1")));
    api.answer("PATCH", NODE, Reply.json(200, node("n1")));
    registrar.register();
  }

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void aMissingLeaseIsCreatedOwnedByTheNode() {
    api.answer("POST", LEASES, Reply.echo(201));

    renewer.renew();

    assertThat(api.requests("GET", LEASE)).hasSize(1);
    Lease created = sent("POST", LEASES).getFirst();
    assertThat(created.getMetadata().getOwnerReferences())
        .singleElement()
        .satisfies(
            owner -> {
              assertThat(owner.getKind()).isEqualTo("Node");
              assertThat(owner.getName()).isEqualTo("vk");
              assertThat(owner.getUid()).isEqualTo("n1");
            });
    assertThat(created.getSpec().getHolderIdentity()).isEqualTo("vk");
    assertThat(created.getSpec().getLeaseDurationSeconds()).isEqualTo(40);
    assertThat(created.getSpec().getRenewTime().toInstant()).isEqualTo(T0);
  }

  @Test
  void eachRenewalUpdatesTheLeaseItHasWithTheTimeOfNow() {
    api.answer("GET", LEASE, Reply.json(200, lease("n1")));
    api.answer("PUT", LEASE, Reply.echo(200));

    renewer.renew();
    clock.advance(Duration.ofSeconds(10));
    renewer.renew();

    assertThat(api.requests("GET", LEASE)).hasSize(1);
    assertThat(sent("PUT", LEASE))
        .extracting(l -> l.getSpec().getRenewTime().toInstant())
        .containsExactly(T0, T0.plusSeconds(10));
  }

  @Test
  void aConflictIsLeftForTheNextRenewalWhichReadsTheLeaseAgain() {
    api.answer("GET", LEASE, Reply.json(200, lease("n1")));
    api.answer("PUT", LEASE, Reply.status(409, "Conflict"), Reply.echo(200));

    renewer.renew();
    renewer.renew();

    assertThat(api.requests("GET", LEASE)).hasSize(2);
    assertThat(api.requests("PUT", LEASE)).hasSize(2);
  }

  @Test
  void aLeaseGoneWithItsNodeBringsBackTheNodeAndThenTheLease() {
    api.answer("GET", LEASE, Reply.json(200, lease("n1")));
    api.answer("PUT", LEASE, Reply.status(404, "NotFound"));
    api.answer(
        "GET",
        NODE,
        Reply.status(404, "NotFound"),
        Reply.status(404, "NotFound"),
        Reply.json(200, node("n2")));
    api.answer("POST", "/api/v1/nodes", Reply.json(201, node("n2")));
    api.answer("PATCH", NODE + "/status", Reply.json(200, node("n2")));
    api.answer("POST", LEASES, Reply.echo(201));

    renewer.renew();

    assertThat(api.requests("POST", "/api/v1/nodes")).hasSize(1);
    assertThat(api.requests("PATCH", NODE + "/status")).hasSize(1);
    assertThat(sent("POST", LEASES))
        .singleElement()
        .satisfies(
            l ->
                assertThat(l.getMetadata().getOwnerReferences().getFirst().getUid())
                    .isEqualTo("n2"));
  }

  @Test
  void aLeaseOwnedByAnEarlierNodeOfTheSameNameIsReplaced() {
    api.answer("GET", LEASE, Reply.json(200, lease("n0")));
    api.answer("POST", LEASES, Reply.status(409, "AlreadyExists"));
    api.answer("PUT", LEASE, Reply.echo(200));

    renewer.renew();

    assertThat(sent("PUT", LEASE))
        .singleElement()
        .satisfies(
            l ->
                assertThat(l.getMetadata().getOwnerReferences().getFirst().getUid())
                    .isEqualTo("n1"));
  }

  @Test
  void anyOtherErrorFailsTheRenewalAndTheNextOneReadsTheLeaseAgain() {
    api.answer("GET", LEASE, Reply.json(200, lease("n1")));
    api.answer("PUT", LEASE, Reply.status(500, "InternalError"), Reply.echo(200));

    assertThatThrownBy(renewer::renew)
        .isInstanceOfSatisfying(
            KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(500));
    renewer.renew();

    assertThat(api.requests("GET", LEASE)).hasSize(2);
  }

  private List<Lease> sent(String method, String path) {
    return api.requests(method, path).stream()
        .map(r -> Serialization.unmarshal(r.body(), Lease.class))
        .toList();
  }

  private static Node node(String uid) {
    return new NodeBuilder().withNewMetadata().withName("vk").withUid(uid).endMetadata().build();
  }

  private static Lease lease(String ownerUid) {
    return new LeaseBuilder()
        .withNewMetadata()
        .withName("vk")
        .withNamespace("kube-node-lease")
        .withResourceVersion("7")
        .addNewOwnerReference()
        .withApiVersion("v1")
        .withKind("Node")
        .withName("vk")
        .withUid(ownerUid)
        .endOwnerReference()
        .endMetadata()
        .withNewSpec()
        .withHolderIdentity("vk")
        .withLeaseDurationSeconds(40)
        .withRenewTime(T0.minusSeconds(60).atZone(ZoneOffset.UTC))
        .endSpec()
        .build();
  }
}
