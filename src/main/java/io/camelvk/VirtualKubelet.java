package io.camelvk;

import io.camelvk.cli.ClusterTarget;
import io.camelvk.cli.LocalMode;
import io.camelvk.config.VkSettings;
import io.camelvk.controlplane.LocalControlPlane;
import io.camelvk.provider.Provider;
import io.fabric8.kubernetes.client.Config;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;

/**
 * The command-line process: connects to the cluster (starting a local one when none is configured),
 * creates the one Kubernetes client, runs a {@link KubeletProcess} until SIGINT or SIGTERM, then
 * stops it and whatever it started.
 */
public final class VirtualKubelet {

  private final ClusterTarget target;
  private final Path localDir;
  private final VkSettings settings;
  private final Provider provider;
  private final PrintStream out = System.out;

  public VirtualKubelet(
      ClusterTarget target, Path localDir, VkSettings settings, Provider provider) {
    this.target = target;
    this.localDir = localDir;
    this.settings = settings;
    this.provider = provider;
  }

  public int run() {
    LocalControlPlane plane =
        target instanceof ClusterTarget.Local ? LocalMode.start(localDir, out) : null;
    try {
      KubeletProcess process =
          KubeletProcess.start(config(plane), settings, provider, Clock.systemUTC());
      out.println(
          "Connected to "
              + process.client().getMasterUrl()
              + " (Kubernetes "
              + process.client().getKubernetesVersion().getGitVersion()
              + ").");
      out.println(
          "Node "
              + settings.node().nodeName()
              + " is registered with provider "
              + provider.name()
              + "; metrics on port "
              + settings.metricsPort()
              + "; serving until Ctrl-C.");
      awaitShutdownSignal(process);
      return 0;
    } finally {
      if (plane != null) {
        plane.close();
      }
    }
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

  /** Blocks until the JVM is asked to stop, then stops the process before the JVM exits. */
  private static void awaitShutdownSignal(KubeletProcess process) {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  process.close();
                  stopped.countDown();
                },
                "virtual-kubelet-stop"));
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
