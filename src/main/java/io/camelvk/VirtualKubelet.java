package io.camelvk;

import io.camelvk.cli.ClusterTarget;
import io.camelvk.cli.LocalMode;
import io.camelvk.controlplane.LocalControlPlane;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.PrintStream;
import java.nio.file.Path;
import org.apache.camel.main.Main;

/**
 * The running process: connects to the cluster (starting a local one when none is configured),
 * creates the one Kubernetes client and runs Camel Main until it is stopped.
 */
public final class VirtualKubelet {

  public static final String CLIENT_BEAN = "kubernetesClient";

  private final ClusterTarget target;
  private final Path localDir;
  private final PrintStream out = System.out;

  public VirtualKubelet(ClusterTarget target, Path localDir) {
    this.target = target;
    this.localDir = localDir;
  }

  public int run() {
    LocalControlPlane plane = null;
    try {
      Config config;
      if (target instanceof ClusterTarget.Local) {
        plane = LocalMode.start(localDir, out);
        config = Config.fromKubeconfig(plane.kubeconfig().toFile());
      } else if (target instanceof ClusterTarget.KubeconfigFile file) {
        config = Config.fromKubeconfig(file.path().toFile());
      } else {
        config = Config.autoConfigure(null);
      }
      try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build()) {
        out.println(
            "Connected to "
                + client.getMasterUrl()
                + " (Kubernetes "
                + client.getKubernetesVersion().getGitVersion()
                + ").");
        out.println(
            "The virtual node and the mock provider are not there yet; serving until Ctrl-C.");
        return runCamel(client);
      }
    } finally {
      if (plane != null) {
        plane.close();
      }
    }
  }

  private int runCamel(KubernetesClient client) {
    Main main = new Main();
    main.bind(CLIENT_BEAN, client);
    main.configure().withName("camel-virtual-kubelet");
    try {
      main.run();
      return main.getExitCode();
    } catch (Exception e) {
      throw new IllegalStateException("Camel stopped with an error", e);
    }
  }
}
