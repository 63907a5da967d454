package io.camelvk.cli;

import io.camelvk.config.GoDuration;
import io.camelvk.config.LeaderElectionSettings;
import java.time.Duration;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The {@code --leader-elect*} flags, named and defaulted as the Kubernetes components name them.
 */
public final class LeaderElectionFlags {

  /** fabric8's LeaderElector waits up to this factor of the retry period more between tries. */
  static final double RETRY_JITTER = 1.2;

  @Option(
      names = "--leader-elect",
      description =
          "run as one of several replicas for the node: only the holder of a Lease serves it")
  boolean enabled;

  @Option(
      names = "--leader-elect-lease-duration",
      paramLabel = "<duration>",
      defaultValue = "15s",
      description = "how long replicas wait before taking over a Lease not renewed (default 15s)")
  String leaseDuration;

  @Option(
      names = "--leader-elect-renew-deadline",
      paramLabel = "<duration>",
      defaultValue = "10s",
      description = "how long the leader tries to renew before it stops (default 10s)")
  String renewDeadline;

  @Option(
      names = "--leader-elect-retry-period",
      paramLabel = "<duration>",
      defaultValue = "2s",
      description = "how often to try to take or renew the Lease (default 2s)")
  String retryPeriod;

  @Option(
      names = "--leader-elect-resource-name",
      paramLabel = "<name>",
      description = "the Lease's name (default virtual-kubelet-<nodename>)")
  String leaseName;

  @Option(
      names = "--leader-elect-resource-namespace",
      paramLabel = "<ns>",
      defaultValue = LeaderElectionSettings.DEFAULT_NAMESPACE,
      description = "the Lease's namespace (default ${DEFAULT-VALUE})")
  String leaseNamespace;

  @Option(
      names = "--leader-elect-identity",
      paramLabel = "<id>",
      description = "this replica's name in the Lease (default <hostname>_<pid>)")
  String identity;

  LeaderElectionSettings validate(CommandLine commandLine, String nodeName) {
    Duration lease = duration(commandLine, "--leader-elect-lease-duration", leaseDuration);
    Duration renew = duration(commandLine, "--leader-elect-renew-deadline", renewDeadline);
    Duration retry = duration(commandLine, "--leader-elect-retry-period", retryPeriod);
    if (enabled && lease.compareTo(renew) <= 0) {
      throw new ParameterException(
          commandLine,
          "--leader-elect-renew-deadline: must be shorter than --leader-elect-lease-duration, so"
              + " that a leader that cannot renew stops before another can take over");
    }
    if (enabled && renew.toMillis() <= retry.toMillis() * RETRY_JITTER) {
      throw new ParameterException(
          commandLine,
          "--leader-elect-retry-period: must be shorter than --leader-elect-renew-deadline / "
              + RETRY_JITTER);
    }
    return new LeaderElectionSettings(
        enabled,
        leaseNamespace,
        blank(leaseName) ? LeaderElectionSettings.defaultLeaseName(nodeName) : leaseName,
        blank(identity) ? LeaderElectionSettings.defaultIdentity() : identity,
        lease,
        renew,
        retry);
  }

  private static Duration duration(CommandLine commandLine, String flag, String text) {
    try {
      Duration value = GoDuration.parse(text);
      if (value.isZero()) {
        throw new IllegalArgumentException("must be more than 0");
      }
      return value;
    } catch (IllegalArgumentException e) {
      throw new ParameterException(commandLine, flag + ": " + e.getMessage());
    }
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }
}
