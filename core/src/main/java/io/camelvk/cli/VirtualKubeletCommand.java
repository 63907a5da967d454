package io.camelvk.cli;

import io.camelvk.VirtualKubelet;
import io.camelvk.config.VkSettings;
import io.camelvk.provider.runtime.ProviderDiscovery;
import io.camelvk.provider.runtime.ProviderSet;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code virtual-kubelet [flags]}: the flags of the Go virtual-kubelet, mapped to our runtime. */
@Command(
    name = "virtual-kubelet",
    description =
        "Registers a virtual node in a Kubernetes cluster and runs its pods on a provider.",
    subcommands = {VersionCommand.class, HelpCommand.class},
    defaultValueProvider = SettingSources.class,
    usageHelpAutoWidth = true)
public final class VirtualKubeletCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--kubeconfig",
      paramLabel = "<file>",
      description =
          "kubeconfig file (default: $KUBECONFIG, else ~/.kube/config, else in-cluster; with none of them a local control plane is started)")
  String kubeconfig;

  @Option(
      names = "--nodename",
      paramLabel = "<name>",
      defaultValue = "virtual-kubelet",
      description = "kubernetes node name (env DEFAULT_NODE_NAME; default ${DEFAULT-VALUE})")
  String nodeName;

  @Option(
      names = "--os",
      paramLabel = "<os>",
      defaultValue = "Linux",
      description = "operating system, Linux or Windows (default ${DEFAULT-VALUE})")
  String operatingSystem;

  @Option(
      names = "--provider",
      paramLabel = "<name>",
      defaultValue = "mock",
      description =
          "provider to run pods on (default ${DEFAULT-VALUE}; known: ${COMPLETION-CANDIDATES})",
      completionCandidates = ProviderDiscovery.Names.class)
  String provider;

  @Option(
      names = "--provider-config",
      paramLabel = "<file>",
      description =
          "the default provider's configuration file (JSON or YAML); others read vk.provider.<name>.config")
  String providerConfig;

  @Option(
      names = "--providers",
      paramLabel = "<names>",
      description =
          "more providers this node runs beside --provider, comma-separated; the provider mapping places pods on them")
  String providers;

  @Option(
      names = "--provider-mapping",
      paramLabel = "<file>",
      description =
          "route file that picks the provider of each new pod (default: all to --provider); edits take effect while running")
  String providerMapping;

  @Option(
      names = "--debug-provider-calls",
      hidden = true,
      description = "count every provider call by pod UID, shown at /debug/provider-calls")
  boolean debugProviderCalls;

  @Option(
      names = "--provider-call-timeout",
      paramLabel = "<duration>",
      defaultValue = "1m0s",
      description =
          "a provider call that takes longer fails and is retried with backoff (default ${DEFAULT-VALUE})")
  String providerCallTimeout;

  @Option(
      names = "--taint",
      paramLabel = "<key>",
      defaultValue = "virtual-kubelet.io/provider",
      description = "taint key (env VKUBELET_TAINT_KEY; default ${DEFAULT-VALUE})")
  String taintKey;

  @Option(
      names = "--taint-value",
      paramLabel = "<value>",
      description = "taint value (env VKUBELET_TAINT_VALUE; default: the provider name)")
  String taintValue;

  @Option(
      names = "--taint-effect",
      paramLabel = "<effect>",
      defaultValue = "NoSchedule",
      description =
          "NoSchedule, NoExecute or PreferNoSchedule (env VKUBELET_TAINT_EFFECT; default ${DEFAULT-VALUE})")
  String taintEffect;

  @Option(names = "--disable-taint", description = "do not taint the node")
  boolean disableTaint;

  @Option(
      names = "--no-normal-events",
      description =
          "record only Warning events on pods, not Created, Started, Killing and the like"
              + " (for nodes of many short pods: they cost an API request each)")
  boolean noNormalEvents;

  @Option(
      names = "--namespace",
      paramLabel = "<ns>",
      hidden = true,
      description = "deprecated and ignored: pods of all namespaces are served, as a kubelet must")
  String namespace;

  @Option(
      names = "--pod-sync-workers",
      paramLabel = "<n>",
      defaultValue = "" + VkSettings.DEFAULT_POD_SYNC_WORKERS,
      description = "pods synced in parallel (default ${DEFAULT-VALUE})")
  String podSyncWorkers;

  @Option(
      names = "--full-resync-period",
      paramLabel = "<duration>",
      defaultValue = "1m0s",
      description = "how often every pod is synced again (default ${DEFAULT-VALUE})")
  String fullResyncPeriod;

  @Option(
      names = "--startup-timeout",
      paramLabel = "<duration>",
      defaultValue = "0",
      description =
          "how long to wait for the caches to sync at start-up; 0 waits forever (default ${DEFAULT-VALUE})")
  String startupTimeout;

  @Option(
      names = "--log-level",
      paramLabel = "<level>",
      defaultValue = "info",
      description = "trace, debug, info, warn or error (default ${DEFAULT-VALUE})")
  String logLevel;

  @Option(
      names = "--kubelet-port",
      paramLabel = "<port>",
      defaultValue = "10250",
      description = "kubelet API port (env KUBELET_PORT; default ${DEFAULT-VALUE})")
  String kubeletPort;

  @Option(
      names = "--kube-api-concurrency",
      paramLabel = "<n>",
      defaultValue = "64",
      description = "concurrent requests to the API server (default ${DEFAULT-VALUE})")
  String kubeApiConcurrency;

  @Option(
      names = "--metrics-port",
      paramLabel = "<port>",
      defaultValue = "10255",
      description = "port of /metrics, /healthz and /readyz (default ${DEFAULT-VALUE})")
  String metricsPort;

  @Option(
      names = "--shutdown-timeout",
      paramLabel = "<duration>",
      defaultValue = "30s",
      description =
          "how long a stop may take: syncs in flight finish, no new one starts (default ${DEFAULT-VALUE})")
  String shutdownTimeout;

  @Mixin LeaderElectionFlags leaderElection = new LeaderElectionFlags();

  @Mixin KubeletApiFlags kubeletApi = new KubeletApiFlags();

  @Option(
      names = "--pod-ip",
      paramLabel = "<ip>",
      defaultValue = "127.0.0.1",
      description = "the node's InternalIP (env VKUBELET_POD_IP; default ${DEFAULT-VALUE})")
  String podIp;

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

  /** The validated settings of the parsed command line. */
  VkSettings resolveSettings() {
    return new SettingsValidator(spec.commandLine()).validate(this);
  }

  @Override
  public Integer call() {
    VkSettings settings = resolveSettings();
    LogLevels.apply(settings.logLevel());
    if (namespace != null && !namespace.isBlank()) {
      spec.commandLine()
          .getErr()
          .println(
              "warning: --namespace is deprecated and ignored: pods of all namespaces are served");
    }
    ProviderSet instances = createProviders(settings);
    ClusterTarget target;
    try {
      target = ClusterTargetResolver.fromEnvironment().resolve(kubeconfig);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e, null, kubeconfig);
    }
    return new VirtualKubelet(
            target, localDir == null ? LocalMode.defaultDir() : localDir, settings, instances)
        .run();
  }

  private ProviderSet createProviders(VkSettings settings) {
    try {
      return ProviderSet.create(
          settings.providers(), settings.node().nodeName(), Clock.systemUTC());
    } catch (IllegalArgumentException e) {
      throw new ParameterException(
          spec.commandLine(), e.getMessage(), e, null, String.valueOf(providerConfig));
    }
  }
}
