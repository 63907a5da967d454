package io.camelvk;

import io.camelvk.api.KubeletApi;
import io.camelvk.api.KubeletApiServer;
import io.camelvk.config.VkSettings;
import io.camelvk.events.EventRecorder;
import io.camelvk.metrics.HealthChecks;
import io.camelvk.metrics.KubeletMetrics;
import io.camelvk.node.NodeProfiles;
import io.camelvk.pod.ClusterCache;
import io.camelvk.pod.ConfigChangeRequeue;
import io.camelvk.pod.PodEvents;
import io.camelvk.pod.PodKey;
import io.camelvk.pod.PodPlacement;
import io.camelvk.pod.PodRemover;
import io.camelvk.pod.PodStatusComposer;
import io.camelvk.pod.PodStatusPoller;
import io.camelvk.pod.PodStatusSource;
import io.camelvk.pod.PodStatusWriter;
import io.camelvk.pod.PodSync;
import io.camelvk.pod.PodSyncFailures;
import io.camelvk.pod.PodTracker;
import io.camelvk.pod.PodVolumeSync;
import io.camelvk.pod.PodWorkQueue;
import io.camelvk.pod.ReportedEvents;
import io.camelvk.pod.ReportedStatuses;
import io.camelvk.pod.ResizeEvents;
import io.camelvk.pod.StatusWriteWaits;
import io.camelvk.pod.camel.VkPodsComponent;
import io.camelvk.pod.volume.PodVolumeResolver;
import io.camelvk.pod.volume.ServiceAccountTokens;
import io.camelvk.pod.volume.TokenRequester;
import io.camelvk.provider.mapping.MappingFile;
import io.camelvk.provider.runtime.ProviderCallLedger;
import io.camelvk.provider.runtime.ProviderSet;
import io.camelvk.provider.runtime.Providers;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.Locale;
import org.apache.camel.main.Main;

/** Creates the beans of one virtual kubelet and binds them by the names the routes use. */
final class KubeletBeans implements AutoCloseable {

  private final KubeletMetrics metrics;
  private final ClusterCache cache;
  private final PodWorkQueue queue = new PodWorkQueue();
  private final PodTracker tracker = new PodTracker();
  private final Providers providers;
  private final ProviderStage providerStage;
  private final PodPlacement placement;
  private final PodSync podSync;
  private final PodSyncFailures failures;
  private final NodeBeans node;
  private final PodStatusWriter writer;
  private final PodRemover remover;
  private final ReportedStatuses reported;
  private final StatusWriteWaits writeWaits =
      new StatusWriteWaits(StatusWriteWaits.DEFAULT_TIMEOUT);
  private final KubeletApiServer kubeletApi;
  private final EventRecorder eventRecorder;
  private final ServiceAccountTokens tokens;
  private final ReportedEvents reportedEvents;

  KubeletBeans(
      KubernetesClient client,
      VkSettings settings,
      ProviderSet providerSet,
      KubeletMetrics metrics,
      Clock clock) {
    this.metrics = metrics;
    String nodeName = settings.node().nodeName();
    this.providers = new Providers(providerSet.defaultName(), providerSet.names());
    this.cache = new ClusterCache(client, nodeName, settings.fullResyncPeriod());
    NodeProfiles profiles = new NodeProfiles(providers, nodeName);
    this.node = new NodeBeans(client, settings.node(), profiles, clock);
    PodStatusComposer composer = new PodStatusComposer(settings.node(), clock);
    this.writer = new PodStatusWriter(client);
    this.remover = new PodRemover(client, writer);
    this.eventRecorder =
        new EventRecorder(
            client, clock, outcome -> metrics.event(outcome.name().toLowerCase(Locale.ROOT)));
    PodEvents events = new PodEvents(eventRecorder, nodeName, clock, settings.normalEvents());
    ResizeEvents resizeEvents = new ResizeEvents(events);
    this.reportedEvents = new ReportedEvents(cache, events);
    this.reported = new ReportedStatuses(queue::add, writeWaits);
    CachedPodEnvironment environment = new CachedPodEnvironment(cache, settings.node());
    this.tokens = new ServiceAccountTokens(tokenRequests(client), clock);
    this.placement =
        new PodPlacement(
            environment,
            new PodVolumeSync(new PodVolumeResolver(environment, tokens), providers, profiles),
            profiles,
            events);
    this.podSync =
        new PodSync(
            new PodSync.Parts(
                cache,
                tracker,
                placement,
                providers,
                new PodStatusSource(providers, reported),
                composer,
                writer,
                remover,
                events,
                resizeEvents,
                queue,
                clock));
    this.failures = new PodSyncFailures(cache, tracker, composer, writer, events, resizeEvents);
    this.providerStage =
        new ProviderStage(
            providerSet,
            providers,
            settings.providers(),
            new MappingFile(settings.providers().mapping(), providers.names(), metrics),
            metrics);
    this.kubeletApi =
        KubeletApi.server(
            client,
            settings.node(),
            settings.kubeletApi(),
            cache,
            key -> tracker.get(key).flatMap(t -> providers.get(t.provider())),
            providers,
            profiles,
            clock,
            metrics::streamOpened);
    metrics.observe(queue, cache);
    queue.onWait(metrics::queueWait);
  }

  /** Forgets what the writers and the token manager remember of a pod that has left the cache. */
  void podGone(String uid) {
    podSync.podGone(uid);
    writer.forget(uid);
    remover.gone(uid);
    tokens.forget(uid);
  }

  /** TokenRequests through the one client, counted in the API-request metrics. */
  private static TokenRequester tokenRequests(KubernetesClient client) {
    return (namespace, account, request) ->
        client.serviceAccounts().inNamespace(namespace).withName(account).tokenRequest(request);
  }

  /**
   * Once Camel runs: the providers wired through their routes, their notifications heard, and the
   * provider mapping in force.
   */
  void wire(org.apache.camel.CamelContext context) {
    providerStage.wire(context, queue, node.changes(), placement);
    providerStage.mappingFile().onChange(this::requeueUnplacedPods);
  }

  /** What a ConfigMap or Secret change requeues. */
  ConfigChangeRequeue configChanges() {
    return new ConfigChangeRequeue(cache, tracker, providers, queue);
  }

  /** Pods not on any provider yet try the changed mapping. */
  private void requeueUnplacedPods() {
    cache.pods().stream()
        .map(PodKey::of)
        .filter(key -> tracker.get(key).isEmpty())
        .forEach(queue::add);
  }

  Providers providers() {
    return providers;
  }

  KubeletMetrics metrics() {
    return metrics;
  }

  /** The route files of the node's providers, for Camel Main's include pattern. */
  String providerRoutePatterns() {
    return providerStage.routePatterns();
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

  ProviderCallLedger ledger() {
    return providerStage.ledger();
  }

  /** The kubelet HTTPS API, a Camel service: it starts and stops with Camel. */
  KubeletApiServer kubeletApi() {
    return kubeletApi;
  }

  void bindTo(Main main) {
    main.bind(
        VkPodsComponent.SCHEME,
        new VkPodsComponent(queue, new SyncOutcomes(failures, metrics, writeWaits)));
    main.bind("podSync", podSync);
    main.bind("podStatusPoller", new PodStatusPoller(tracker, queue, providers));
    main.bind("reportedStatuses", reported);
    main.bind("reportedEvents", reportedEvents);
    main.bind("kubeletMetrics", metrics);
    // The name camel-micrometer looks up: providers' meters (and micrometer: endpoints) land in
    // the registry /metrics serves.
    main.bind("metricsRegistry", metrics.registry());
    main.bind("healthChecks", new HealthChecks(cache));
    main.bind("kubeletApiServer", kubeletApi);
    providerStage.bindTo(main);
    node.bindTo(main);
  }

  @Override
  public void close() {
    queue.shutDown();
    kubeletApi.stop();
    node.close();
    cache.close();
    providerStage.close();
    eventRecorder.close();
  }
}
