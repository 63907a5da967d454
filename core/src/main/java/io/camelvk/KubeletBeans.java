package io.camelvk;

import io.camelvk.api.KubeletApi;
import io.camelvk.api.KubeletApiServer;
import io.camelvk.config.VkSettings;
import io.camelvk.metrics.HealthChecks;
import io.camelvk.metrics.KubeletMetrics;
import io.camelvk.metrics.MeteredProvider;
import io.camelvk.pod.ClusterCache;
import io.camelvk.pod.PodAdmission;
import io.camelvk.pod.PodEvents;
import io.camelvk.pod.PodKey;
import io.camelvk.pod.PodRemover;
import io.camelvk.pod.PodStatusComposer;
import io.camelvk.pod.PodStatusPoller;
import io.camelvk.pod.PodStatusWriter;
import io.camelvk.pod.PodSync;
import io.camelvk.pod.PodSyncFailures;
import io.camelvk.pod.PodTracker;
import io.camelvk.pod.PodWorkQueue;
import io.camelvk.pod.SyncPlan;
import io.camelvk.pod.camel.SyncFailureHandler;
import io.camelvk.pod.camel.VkPodsComponent;
import io.camelvk.provider.PodStatusNotifier;
import io.camelvk.provider.Provider;
import io.camelvk.provider.TimeLimitedProvider;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.camel.Exchange;
import org.apache.camel.main.Main;

/** Creates the beans of one virtual kubelet and binds them by the names the routes use. */
final class KubeletBeans implements AutoCloseable {

  private final Provider provider;
  private final KubeletMetrics metrics;
  private final ClusterCache cache;
  private final PodWorkQueue queue = new PodWorkQueue();
  private final PodTracker tracker = new PodTracker();
  private final PodSync podSync;
  private final PodSyncFailures failures;
  private final NodeBeans node;
  private final PodStatusWriter writer;
  private final PodRemover remover;
  private final ExecutorService providerCalls = Executors.newVirtualThreadPerTaskExecutor();
  private final KubeletApiServer kubeletApi;

  KubeletBeans(
      KubernetesClient client,
      VkSettings settings,
      Provider provider,
      KubeletMetrics metrics,
      Clock clock) {
    this.metrics = metrics;
    this.provider =
        MeteredProvider.wrap(
            TimeLimitedProvider.wrap(provider, settings.providerCallTimeout(), providerCalls),
            metrics);
    this.cache = new ClusterCache(client, settings.node().nodeName(), settings.fullResyncPeriod());
    this.node = new NodeBeans(client, settings.node(), this.provider, clock);
    PodStatusComposer composer = new PodStatusComposer(settings.node(), clock);
    this.writer = new PodStatusWriter(client);
    this.remover = new PodRemover(client, writer);
    PodEvents events = new PodEvents(client, settings.node().nodeName(), clock);
    this.podSync =
        new PodSync(
            cache,
            tracker,
            new CachedPodEnvironment(cache, settings.node(), this.provider),
            this.provider,
            composer,
            writer,
            remover,
            events,
            queue,
            new PodAdmission(
                () -> this.provider.nodeProfile(settings.node().nodeName()).effectiveAllocatable()),
            clock);
    this.failures = new PodSyncFailures(cache, tracker, composer, writer, events);
    this.kubeletApi =
        KubeletApi.server(
            client,
            settings.node(),
            settings.kubeletApi(),
            cache,
            this.provider,
            clock,
            metrics::streamOpened);
    metrics.observe(queue, cache);
    queue.onWait(metrics::queueWait);
  }

  /** Forgets what the writers remember of a pod that has left the cache. */
  void podGone(String uid) {
    writer.forget(uid);
    remover.gone(uid);
  }

  Provider provider() {
    return provider;
  }

  ClusterCache cache() {
    return cache;
  }

  PodWorkQueue queue() {
    return queue;
  }

  PodTracker tracker() {
    return tracker;
  }

  NodeBeans node() {
    return node;
  }

  /** The kubelet HTTPS API, a Camel service: it starts and stops with Camel. */
  KubeletApiServer kubeletApi() {
    return kubeletApi;
  }

  void bindTo(Main main) {
    main.bind(VkPodsComponent.SCHEME, new VkPodsComponent(queue, new SyncOutcomes()));
    main.bind("podSync", podSync);
    main.bind(
        "podStatusPoller",
        new PodStatusPoller(tracker, queue, provider instanceof PodStatusNotifier));
    main.bind(provider.name() + "Provider", provider);
    main.bind("kubeletMetrics", metrics);
    main.bind("healthChecks", new HealthChecks(cache));
    main.bind("kubeletApiServer", kubeletApi);
    node.bindTo(main);
  }

  @Override
  public void close() {
    queue.shutDown();
    kubeletApi.stop();
    node.close();
    cache.close();
    providerCalls.shutdownNow();
  }

  /** Times every sync and hands failures to {@link PodSyncFailures}. */
  private final class SyncOutcomes implements SyncFailureHandler {
    @Override
    public boolean onFailure(PodKey key, Exchange exchange, int attempt) {
      return failures.record(key, plan(exchange), exchange.getException(), attempt);
    }

    @Override
    public void onSync(PodKey key, Exchange exchange, Duration took) {
      SyncPlan plan = plan(exchange);
      metrics.sync(
          plan == null ? "UNPLANNED" : plan.operation().name(),
          exchange.getException() != null,
          took);
    }

    private SyncPlan plan(Exchange exchange) {
      return exchange.getVariable("syncPlan", SyncPlan.class);
    }
  }
}
