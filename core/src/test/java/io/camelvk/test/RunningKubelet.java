package io.camelvk.test;

import io.camelvk.KubeletProcess;
import io.camelvk.config.ProviderSettings;
import io.camelvk.config.VkSettings;
import io.camelvk.controlplane.LoopbackPorts;
import io.camelvk.node.NodeSettings;
import io.camelvk.pod.PodKey;
import io.camelvk.pod.PodTracker;
import io.camelvk.provider.Provider;
import io.camelvk.provider.runtime.ProviderSet;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.TaintBuilder;
import io.fabric8.kubernetes.client.Config;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** A virtual kubelet started in this JVM against the test control plane. */
public final class RunningKubelet implements AutoCloseable {

  private final VkSettings settings;
  private final ProviderSet providers;
  private final KubeletProcess process;

  private RunningKubelet(VkSettings settings, ProviderSet providers, KubeletProcess process) {
    this.settings = settings;
    this.providers = providers;
    this.process = process;
  }

  /**
   * Settings as the defaults of the command line give them, for a node of this name, with the
   * provider calls counted by pod UID ({@link #providerCalls}).
   */
  public static VkSettings settings(String nodeName) {
    var taint =
        new TaintBuilder()
            .withKey(NodeSettings.DEFAULT_TAINT_KEY)
            .withValue("mock")
            .withEffect("NoSchedule")
            .build();
    var node =
        new NodeSettings(
            nodeName, "linux", "mock", Optional.of(taint), LoopbackPorts.free(), "127.0.0.1");
    VkSettings settings =
        new VkSettings(
            node,
            Optional.empty(),
            VkSettings.DEFAULT_POD_SYNC_WORKERS,
            VkSettings.DEFAULT_FULL_RESYNC_PERIOD,
            Duration.ofSeconds(60),
            "info",
            LoopbackPorts.free(),
            VkSettings.DEFAULT_KUBE_API_CONCURRENCY);
    return settings.withProviders(settings.providers().withCallLedger());
  }

  /**
   * Default settings, with the kubelet API trusting the cluster CA's client certificates (among
   * them the API server's kubelet-client certificate) and serving a certificate of that CA, which
   * the test API server verifies, as a kubelet in a cluster does.
   */
  public static VkSettings settings(TestCluster cluster, String nodeName) {
    try {
      // In the control plane's run directory, which goes with the run.
      Path dir =
          Files.createTempDirectory(cluster.kubeconfig().getParent(), "vk-serving-" + nodeName);
      return settings(nodeName)
          .withKubeletApi(ClusterCaServingCertificate.settings(cluster, nodeName, dir));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A kubelet with the mock provider for a node named after the test class's namespace. */
  public static RunningKubelet startForClass(TestCluster cluster) {
    return start(cluster, "vk-" + cluster.namespace());
  }

  /** Stops the kubelet and deletes its node, so that node-scoped tests stay apart. */
  public void stopAndDeleteNode(TestCluster cluster) {
    close();
    cluster.client().nodes().withName(nodeName()).delete();
  }

  /** The settings' default provider, as the command line makes it: found on the classpath. */
  public static Provider defaultProvider(VkSettings settings) {
    return ProviderSet.create(
            ProviderSettings.only(settings.providerName(), settings.providerConfig()),
            settings.node().nodeName(),
            Clock.systemUTC())
        .bean(settings.providerName())
        .orElseThrow();
  }

  /** Starts a kubelet with the mock provider for a node of this name. */
  public static RunningKubelet start(TestCluster cluster, String nodeName) {
    VkSettings settings = settings(cluster, nodeName);
    return start(cluster, settings, providers(settings));
  }

  /** The settings' providers, as the command line makes them. */
  public static ProviderSet providers(VkSettings settings) {
    return ProviderSet.create(settings.providers(), settings.node().nodeName(), Clock.systemUTC());
  }

  /** A kubelet whose one provider, the settings' default, is this bean. */
  public static RunningKubelet start(TestCluster cluster, VkSettings settings, Provider provider) {
    return start(cluster, settings, ProviderSet.of(settings.providerName(), provider));
  }

  /**
   * A kubelet with only the documented RBAC: a ServiceAccount token bound to k8s/clusterrole.yaml
   * ({@link LeastPrivilege}), not the cluster's admin certificate.
   */
  public static RunningKubelet start(
      TestCluster cluster, VkSettings settings, ProviderSet providers) {
    return start(LeastPrivilege.kubeletConfig(cluster), settings, providers);
  }

  /** A kubelet with a client configuration of the test's own (another API server URL, say). */
  public static RunningKubelet start(Config config, VkSettings settings, Provider provider) {
    return start(config, settings, ProviderSet.of(settings.providerName(), provider));
  }

  public static RunningKubelet start(Config config, VkSettings settings, ProviderSet providers) {
    return new RunningKubelet(
        settings, providers, KubeletProcess.start(config, settings, providers, Clock.systemUTC()));
  }

  /** Another kubelet process for the same node and the same provider backends (a restart). */
  public RunningKubelet restart(TestCluster cluster) {
    close();
    return start(cluster, settings, providers);
  }

  public VkSettings settings() {
    return settings;
  }

  public String nodeName() {
    return settings.node().nodeName();
  }

  /** The default provider's bean. */
  public Provider provider() {
    return providers.bean(settings.providerName()).orElseThrow();
  }

  public ProviderSet providers() {
    return providers;
  }

  /** The core's count of this process's provider calls, by pod UID. */
  public ProviderCallCounts providerCalls() {
    return ProviderCallCounts.of(process.providerCalls());
  }

  public KubeletProcess process() {
    return process;
  }

  /** GET on the kubelet's metrics port ({@code /metrics}, {@code /readyz}, ...). */
  public HttpResponse<String> httpGet(String path) {
    return LoopbackHttp.get(settings.metricsPort(), path);
  }

  /** The provider this process runs the pod on, or {@code none}. */
  public String providerOf(Pod pod) {
    return process.tracker().get(PodKey.of(pod)).map(PodTracker.Tracked::provider).orElse("none");
  }

  @Override
  public void close() {
    process.close();
  }
}
