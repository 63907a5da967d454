package io.camelvk;

import io.camelvk.cli.ClusterTarget;
import io.camelvk.cli.LocalMode;
import io.camelvk.config.LeaderElectionSettings;
import io.camelvk.config.VkSettings;
import io.camelvk.controlplane.LocalControlPlane;
import io.camelvk.provider.runtime.ProviderSet;
import io.fabric8.kubernetes.client.Config;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * The command-line process: connects to the cluster (starting a local one when none is configured),
 * creates the one Kubernetes client, runs a {@link KubeletProcess} until SIGINT or SIGTERM, then
 * stops it and whatever it started, and exits 0.
 */
public final class VirtualKubelet {

  private final ClusterTarget target;
  private final Path localDir;
  private final VkSettings settings;
  private final ProviderSet providers;

  /** Time for the caches and the client to stop after the routes, beyond the shutdown timeout. */
  static final Duration STOP_MARGIN = Duration.ofSeconds(5);

  private final PrintStream out = System.out;

  public VirtualKubelet(
      ClusterTarget target, Path localDir, VkSettings settings, ProviderSet providers) {
    this.target = target;
    this.localDir = localDir;
    this.settings = settings;
    this.providers = providers;
  }

  public int run() {
    LocalControlPlane plane =
        target instanceof ClusterTarget.Local ? LocalMode.start(localDir, out) : null;
    try {
      KubeletProcess process =
          KubeletProcess.start(
              config(plane), withLocalServingCertificate(plane), providers, Clock.systemUTC());
      out.println(
          "Connected to "
              + process.client().getMasterUrl()
              + " (Kubernetes "
              + process.client().getKubernetesVersion().getGitVersion()
              + ").");
      out.println(
          "Node "
              + settings.node().nodeName()
              + servedBy()
              + " with "
              + describe(providers)
              + "; metrics on port "
              + settings.metricsPort()
              + "; serving until Ctrl-C.");
      awaitShutdownSignal(process);
      return 0;
    } finally {
      providers.close();
      if (plane != null) {
        plane.close();
      }
    }
  }

  private static String describe(ProviderSet providers) {
    return providers.names().size() == 1
        ? "provider " + providers.defaultName()
        : "providers "
            + String.join(", ", providers.names())
            + " (default "
            + providers.defaultName()
            + ")";
  }

  /**
   * In local mode the kubelet API serves a certificate of the local CA, which the local API server
   * verifies, unless {@code --tls-cert-file} names another (its client certificates are checked
   * against the same CA, the kubeconfig's).
   */
  private VkSettings withLocalServingCertificate(LocalControlPlane plane) {
    if (plane == null || settings.kubeletApi().certificate().isPresent()) {
      return settings;
    }
    return settings.withKubeletApi(
        LocalMode.servingCertificate(plane, localDir, settings.node(), settings.kubeletApi()));
  }

  private String servedBy() {
    LeaderElectionSettings election = settings.leaderElection();
    return election.enabled()
        ? " is served by the leader of Lease "
            + election.leaseNamespace()
            + "/"
            + election.leaseName()
            + " (this replica: "
            + election.identity()
            + ")"
        : " is registered";
  }

  private Config config(LocalControlPlane plane) {
    if (plane != null) {
      return Config.fromKubeconfig(plane.kubeconfig().toFile());
    }
    if (target instanceof ClusterTarget.KubeconfigFile file) {
      return Config.fromKubeconfig(file.path().toFile());
    }
    return Config.autoConfigure(null);
  }

  /**
   * Blocks until SIGTERM or SIGINT, then stops the process; if that takes longer than the shutdown
   * timeout (plus a margin for the caches and the client), the process ends with exit code 1.
   */
  private void awaitShutdownSignal(KubeletProcess process) {
    ShutdownSignals.await();
    Duration limit = settings.shutdownTimeout().plus(STOP_MARGIN);
    Thread watchdog =
        Thread.ofPlatform()
            .daemon()
            .name("stop-watchdog")
            .start(
                () -> {
                  try {
                    Thread.sleep(limit);
                    out.println("virtual-kubelet: did not stop within " + limit + ", exiting");
                    Runtime.getRuntime().halt(1);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                });
    process.close();
    watchdog.interrupt();
    out.println("Stopped.");
  }
}
