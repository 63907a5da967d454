package io.camelvk;

import io.camelvk.config.VkSettings;
import io.camelvk.pod.ClusterCache;
import io.camelvk.pod.PodEnvironment;
import io.camelvk.pod.PodEvents;
import io.camelvk.pod.PodRemover;
import io.camelvk.pod.PodStatusComposer;
import io.camelvk.pod.PodStatusPoller;
import io.camelvk.pod.PodStatusWriter;
import io.camelvk.pod.PodSync;
import io.camelvk.pod.PodSyncFailures;
import io.camelvk.pod.PodTracker;
import io.camelvk.pod.PodWorkQueue;
import io.camelvk.pod.SyncPlan;
import io.camelvk.pod.camel.VkPodsComponent;
import io.camelvk.provider.Provider;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import org.apache.camel.main.Main;

/** Creates the beans of one virtual kubelet and binds them by the names the routes use. */
final class KubeletBeans implements AutoCloseable {

  private final Provider provider;
  private final ClusterCache cache;
  private final PodWorkQueue queue = new PodWorkQueue();
  private final PodTracker tracker = new PodTracker();
  private final PodSync podSync;
  private final PodSyncFailures failures;
  private final NodeBeans node;

  KubeletBeans(KubernetesClient client, VkSettings settings, Provider provider, Clock clock) {
    this.provider = provider;
    this.cache = new ClusterCache(client, settings.node().nodeName(), settings.fullResyncPeriod());
    this.node = new NodeBeans(client, settings.node(), provider, clock);
    PodStatusComposer composer = new PodStatusComposer(settings.node(), clock);
    PodStatusWriter writer = new PodStatusWriter(client);
    PodEvents events = new PodEvents(client, settings.node().nodeName(), clock);
    PodEnvironment environment = new CachedPodEnvironment(cache, settings.node(), provider);
    this.podSync =
        new PodSync(
            cache,
            tracker,
            environment,
            provider,
            composer,
            writer,
            new PodRemover(client),
            events,
            queue,
            clock);
    this.failures = new PodSyncFailures(cache, tracker, composer, writer, events);
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

  void bindTo(Main main) {
    main.bind(
        VkPodsComponent.SCHEME,
        new VkPodsComponent(
            queue,
            (key, exchange, attempt) ->
                failures.record(
                    key,
                    exchange.getVariable("syncPlan", SyncPlan.class),
                    exchange.getException(),
                    attempt)));
    main.bind("podSync", podSync);
    main.bind("podStatusPoller", new PodStatusPoller(tracker, queue));
    main.bind(provider.name() + "Provider", provider);
    node.bindTo(main);
  }

  @Override
  public void close() {
    queue.shutDown();
    node.close();
    cache.close();
  }
}
