package io.camelvk.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;

/**
 * Leader election between processes that serve one node, with the flags and defaults of the
 * Kubernetes components ({@code --leader-elect-*}). The Lease is not the node's heartbeat Lease.
 *
 * @param enabled off by default: one process serves the node
 * @param leaseNamespace where the Lease lives
 * @param leaseName the Lease's name
 * @param identity this process's name in the Lease
 * @param leaseDuration how long others wait after the last renewal before they take over
 * @param renewDeadline how long the leader keeps trying to renew before it stops serving
 * @param retryPeriod how often candidates try to take the Lease and the leader renews it
 */
public record LeaderElectionSettings(
    boolean enabled,
    String leaseNamespace,
    String leaseName,
    String identity,
    Duration leaseDuration,
    Duration renewDeadline,
    Duration retryPeriod) {

  public static final Duration DEFAULT_LEASE_DURATION = Duration.ofSeconds(15);
  public static final Duration DEFAULT_RENEW_DEADLINE = Duration.ofSeconds(10);
  public static final Duration DEFAULT_RETRY_PERIOD = Duration.ofSeconds(2);
  public static final String DEFAULT_NAMESPACE = "kube-system";
  public static final String LEASE_NAME_PREFIX = "virtual-kubelet-";

  public static LeaderElectionSettings disabled(String nodeName) {
    return new LeaderElectionSettings(
        false,
        DEFAULT_NAMESPACE,
        defaultLeaseName(nodeName),
        defaultIdentity(),
        DEFAULT_LEASE_DURATION,
        DEFAULT_RENEW_DEADLINE,
        DEFAULT_RETRY_PERIOD);
  }

  /** {@code virtual-kubelet-<node>}: one election per node. */
  public static String defaultLeaseName(String nodeName) {
    return LEASE_NAME_PREFIX + nodeName;
  }

  /** {@code <hostname>_<pid>}: unique among the processes of one machine and across machines. */
  public static String defaultIdentity() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "unknown-host";
    }
    return host + "_" + ProcessHandle.current().pid();
  }
}
