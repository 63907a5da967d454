package io.camelvk.cli;

import io.camelvk.VirtualKubelet;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Option;

/** {@code virtual-kubelet [flags]}: the flags of the Go virtual-kubelet, mapped to our runtime. */
@Command(
    name = "virtual-kubelet",
    description =
        "Registers a virtual node in a Kubernetes cluster and runs its pods on a provider.",
    subcommands = {VersionCommand.class, HelpCommand.class},
    usageHelpAutoWidth = true)
public final class VirtualKubeletCommand implements Callable<Integer> {

  @Option(
      names = "--kubeconfig",
      paramLabel = "<file>",
      description =
          "kubeconfig file (default: $KUBECONFIG, else ~/.kube/config, else in-cluster;"
              + " with none of them a local control plane is started)")
  String kubeconfig;

  @Option(
      names = "--local-dir",
      paramLabel = "<dir>",
      description =
          "where local mode keeps its control plane (default: ~/.cache/camel-virtual-kubelet/local)")
  Path localDir;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "show this help")
  boolean help;

  @Override
  public Integer call() {
    ClusterTarget target = ClusterTargetResolver.fromEnvironment().resolve(kubeconfig);
    return new VirtualKubelet(target, localDir == null ? LocalMode.defaultDir() : localDir).run();
  }
}
