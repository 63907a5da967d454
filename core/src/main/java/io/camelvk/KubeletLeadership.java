package io.camelvk;

import io.camelvk.config.LeaderElectionSettings;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes part in the election for a node through fabric8's LeaderElector on a {@code
 * coordination.k8s.io} Lease. The leader runs {@code onStart}; a leader that loses the Lease (it
 * could not renew within the renew deadline, or saw another holder) runs {@code onLost} at once,
 * before another replica can take over. {@link #close} gives the Lease up on purpose.
 */
final class KubeletLeadership implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(KubeletLeadership.class);

  private final KubernetesClient client;
  private final LeaderElectionSettings settings;
  private final AtomicBoolean leading = new AtomicBoolean();
  private final AtomicBoolean closing = new AtomicBoolean();
  private final CompletableFuture<?> election;

  private KubeletLeadership(
      KubernetesClient client, LeaderElectionSettings settings, Runnable onStart, Runnable onLost) {
    this.client = client;
    this.settings = settings;
    LeaderCallbacks callbacks =
        new LeaderCallbacks(
            () -> startLeading(onStart, onLost),
            () -> stopLeading(onLost),
            leader -> LOG.info("leader of Lease {} is now {}", describe(), leader));
    this.election =
        client
            .leaderElector()
            .withConfig(
                new LeaderElectionConfigBuilder()
                    .withName(settings.leaseName())
                    .withLock(
                        new LeaseLock(
                            settings.leaseNamespace(), settings.leaseName(), settings.identity()))
                    .withLeaseDuration(settings.leaseDuration())
                    .withRenewDeadline(settings.renewDeadline())
                    .withRetryPeriod(settings.retryPeriod())
                    .withReleaseOnCancel(false)
                    .withLeaderCallbacks(callbacks)
                    .build())
            .build()
            .start();
  }

  static KubeletLeadership start(
      KubernetesClient client, LeaderElectionSettings settings, Runnable onStart, Runnable onLost) {
    LOG.info(
        "waiting to lead: Lease {}/{} as {}",
        settings.leaseNamespace(),
        settings.leaseName(),
        settings.identity());
    return new KubeletLeadership(client, settings, onStart, onLost);
  }

  boolean leading() {
    return leading.get();
  }

  /** Called on the elector's thread inside its renewal: the work goes to a thread of its own. */
  private void startLeading(Runnable onStart, Runnable onLost) {
    leading.set(true);
    LOG.info("took the lead: Lease {} held by {}", describe(), settings.identity());
    Thread.ofPlatform()
        .name("leader-start")
        .start(
            () -> {
              try {
                onStart.run();
              } catch (RuntimeException e) {
                LOG.error("cannot start serving as the leader: {}", e.getMessage(), e);
                stopLeading(onLost);
              }
            });
  }

  private void stopLeading(Runnable onLost) {
    if (!leading.getAndSet(false) || closing.get()) {
      return;
    }
    LOG.error("lost the lead of Lease {}: stopping all pod work at once", describe());
    onLost.run();
  }

  private String describe() {
    return settings.leaseNamespace() + "/" + settings.leaseName();
  }

  /** Stops taking part; a leader gives the Lease up, so that another replica takes over now. */
  @Override
  public void close() {
    closing.set(true);
    election.cancel(true);
    release();
  }

  /**
   * Clears the holder with an update on the Lease's resourceVersion, so that a replica that took
   * over meanwhile is never overwritten. fabric8's own release patches the holder with a null,
   * which a merge patch leaves in place, so others would still wait a whole lease duration.
   */
  private void release() {
    try {
      Lease lease =
          client
              .leases()
              .inNamespace(settings.leaseNamespace())
              .withName(settings.leaseName())
              .get();
      if (lease != null && settings.identity().equals(lease.getSpec().getHolderIdentity())) {
        lease.getSpec().setHolderIdentity(null);
        client.leases().inNamespace(settings.leaseNamespace()).resource(lease).update();
        LOG.info("gave up Lease {}", describe());
      }
    } catch (KubernetesClientException e) {
      LOG.warn(
          "cannot give up Lease {} (others take over when it expires): {}",
          describe(),
          e.getMessage());
    }
  }
}
