package io.camelvk.node;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/**
 * Keeps the node's Lease in {@code kube-node-lease} fresh, as the kubelet does: 40 s long, renewed
 * every 10 s, owned by the node. When the Lease or the node is gone, both are made again.
 */
public final class NodeLeaseRenewer {

  public static final String NAMESPACE = "kube-node-lease";
  public static final int LEASE_DURATION_SECONDS = 40;
  public static final Duration RENEW_INTERVAL = Duration.ofSeconds(LEASE_DURATION_SECONDS / 4);
  private static final int NOT_FOUND = 404;
  private static final int CONFLICT = 409;

  private final KubernetesClient client;
  private final NodeRegistrar registrar;
  private final NodeStatusReporter reporter;
  private final Clock clock;
  private Lease last;

  public NodeLeaseRenewer(
      KubernetesClient client, NodeRegistrar registrar, NodeStatusReporter reporter, Clock clock) {
    this.client = client;
    this.registrar = registrar;
    this.reporter = reporter;
    this.clock = clock;
  }

  public synchronized void renew() {
    if (last == null) {
      last = client.leases().inNamespace(NAMESPACE).withName(registrar.nodeName()).get();
    }
    if (last == null || !ownedByOurNode(last)) {
      last = createOrReplace();
      return;
    }
    last.getSpec().setRenewTime(now());
    last.getSpec().setHolderIdentity(registrar.nodeName());
    last.getSpec().setLeaseDurationSeconds(LEASE_DURATION_SECONDS);
    try {
      last = client.leases().inNamespace(NAMESPACE).resource(last).update();
    } catch (KubernetesClientException e) {
      last = null;
      if (e.getCode() == NOT_FOUND) {
        // The Lease goes when its node is deleted (garbage collection): bring both back.
        reporter.report();
        last = createOrReplace();
      } else if (e.getCode() != CONFLICT) {
        throw e;
      }
    }
  }

  private boolean ownedByOurNode(Lease lease) {
    return lease.getMetadata().getOwnerReferences().stream()
        .anyMatch(o -> o.getUid().equals(registrar.uid()));
  }

  private Lease createOrReplace() {
    if (registrar.uid() == null) {
      registrar.register();
    }
    ZonedDateTime now = now();
    Lease lease =
        new LeaseBuilder()
            .withNewMetadata()
            .withName(registrar.nodeName())
            .withNamespace(NAMESPACE)
            .addNewOwnerReference()
            .withApiVersion("v1")
            .withKind("Node")
            .withName(registrar.nodeName())
            .withUid(registrar.uid())
            .endOwnerReference()
            .endMetadata()
            .withNewSpec()
            .withHolderIdentity(registrar.nodeName())
            .withLeaseDurationSeconds(LEASE_DURATION_SECONDS)
            .withRenewTime(now)
            .endSpec()
            .build();
    return client
        .leases()
        .inNamespace(NAMESPACE)
        .resource(lease)
        .createOr(existing -> existing.update());
  }

  private ZonedDateTime now() {
    return ZonedDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
  }
}
