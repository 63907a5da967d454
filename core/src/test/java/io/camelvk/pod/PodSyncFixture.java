package io.camelvk.pod;

import io.camelvk.events.EventRecorder;
import io.camelvk.node.NodeProfiles;
import io.camelvk.node.NodeSettings;
import io.camelvk.pod.env.ConfigLookup;
import io.camelvk.pod.env.NodeFacts;
import io.camelvk.pod.env.PodEnvironmentResolver;
import io.camelvk.pod.volume.PodVolumeResolver;
import io.camelvk.pod.volume.ServiceAccountTokens;
import io.camelvk.provider.NodeProfile;
import io.camelvk.provider.mapping.ProviderChoice;
import io.camelvk.provider.runtime.Providers;
import io.camelvk.test.ApiServerStub;
import io.camelvk.test.ApiServerStub.Reply;
import io.camelvk.test.MountingProvider;
import io.camelvk.test.MutableClock;
import io.camelvk.test.RecordingProvider;
import io.camelvk.test.TestPods;
import io.camelvk.test.TestProviders;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.authentication.TokenRequest;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link PodSync} with everything real but the informers and the mapping route: pods in a map,
 * two recording bean providers ({@code big}, 20 CPUs, the default; {@code small}, 1 CPU) and one
 * that takes volumes ({@code files}), the mapping a lambda, ConfigMaps and Secrets in maps, the API
 * server a stub that takes events, and TokenRequests answered in memory.
 */
final class PodSyncFixture implements AutoCloseable {

  static final String NODE = "vk";
  static final String NODE_IP = "10.0.0.1";

  final ApiServerStub api =
      ApiServerStub.start().answer("POST", "/api/v1/namespaces/ns/events", Reply.echo(201));
  final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  final CachedPods cache = new CachedPods();
  final Map<String, ConfigMap> configMaps = new ConcurrentHashMap<>();
  final Map<String, Secret> secrets = new ConcurrentHashMap<>();
  final List<TokenRequest> tokenRequests = new CopyOnWriteArrayList<>();
  final PodTracker tracker = new PodTracker();
  final ReportedStatuses reported =
      new ReportedStatuses(key -> {}, new StatusWriteWaits(StatusWriteWaits.DEFAULT_TIMEOUT));
  final RecordingProvider big = new RecordingProvider().answering(profile("20"));
  final RecordingProvider small = new RecordingProvider().answering(profile("1"));
  final MountingProvider files = new MountingProvider();
  final Providers providers =
      TestProviders.of(
          TestProviders.handle("big", big),
          TestProviders.handle("small", small),
          TestProviders.handle("files", files));
  final PodWorkQueue queue = new PodWorkQueue();
  final PodPlacement placement;
  final PodSync sync;

  PodSyncFixture() {
    NodeProfiles profiles = new NodeProfiles(providers, NODE);
    profiles.refresh();
    PodEvents events =
        new PodEvents(new EventRecorder(api.client(), clock, outcome -> {}), NODE, clock, true);
    PodEnvironmentResolver resolver = new PodEnvironmentResolver(new ConfigLookupOfMaps());
    ServiceAccountTokens tokens = new ServiceAccountTokens(this::issue, clock);
    placement =
        new PodPlacement(
            (pod, allocatable) ->
                resolver.resolve(
                    pod, new NodeFacts(allocatable, List.of(NODE_IP), List.of(NODE_IP))),
            new PodVolumeSync(
                new PodVolumeResolver(new ConfigLookupOfMaps(), tokens), providers, profiles),
            profiles,
            events);
    placement.use((pod, requests) -> ProviderChoice.of("big"));
    PodStatusWriter writer = new PodStatusWriter(api.client());
    sync =
        new PodSync(
            new PodSync.Parts(
                cache,
                tracker,
                placement,
                providers,
                new PodStatusSource(providers, reported),
                new PodStatusComposer(
                    new NodeSettings(NODE, "linux", "big", Optional.empty(), 10250, NODE_IP),
                    clock),
                writer,
                new PodRemover(api.client(), writer),
                events,
                new ResizeEvents(events),
                queue,
                clock));
  }

  /** Pod {@code ns/<name>} with one container {@code app}, bound to our node. */
  static PodBuilder pod(String name, String uid) {
    return TestPods.named("ns", name, uid).editSpec().withNodeName(NODE).endSpec();
  }

  /**
   * Pod {@code ns/web} whose container reads {@code COLOUR} from ConfigMap {@code settings}
   * (mandatory) and {@code CPUS} from its CPU limit, which it does not set.
   */
  static Pod configured(String uid, String image) {
    return pod("web", uid)
        .editSpec()
        .editFirstContainer()
        .withImage(image)
        .addNewEnv()
        .withName("COLOUR")
        .withNewValueFrom()
        .withNewConfigMapKeyRef("colour", "settings", false)
        .endValueFrom()
        .endEnv()
        .addNewEnv()
        .withName("CPUS")
        .withNewValueFrom()
        .withNewResourceFieldRef()
        .withResource("limits.cpu")
        .endResourceFieldRef()
        .endValueFrom()
        .endEnv()
        .endContainer()
        .endSpec()
        .build();
  }

  /** ConfigMap {@code ns/settings} with {@code colour}. */
  void putSettings(String colour) {
    configMaps.put(
        "ns/settings",
        new ConfigMapBuilder()
            .withNewMetadata()
            .withNamespace("ns")
            .withName("settings")
            .endMetadata()
            .addToData("colour", colour)
            .build());
  }

  /** Puts the pod in the cache and returns its key. */
  PodKey cached(Pod pod) {
    cache.put(pod);
    return PodKey.of(pod);
  }

  /** The messages of the events recorded with this reason. */
  List<String> events(String reason) {
    return api.requests("POST", "/api/v1/namespaces/ns/events").stream()
        .map(r -> Serialization.unmarshal(r.body(), Event.class))
        .filter(e -> reason.equals(e.getReason()))
        .map(Event::getMessage)
        .toList();
  }

  @Override
  public void close() {
    queue.shutDown();
    api.close();
  }

  private static NodeProfile profile(String cpus) {
    return new NodeProfile(
        Map.of("cpu", new Quantity(cpus), "memory", new Quantity("8Gi")),
        Map.of(),
        List.of(),
        "test");
  }

  /** The pod informer's store, as a map. */
  static final class CachedPods implements PodCache {

    private final Map<PodKey, Pod> pods = new ConcurrentHashMap<>();

    void put(Pod pod) {
      pods.put(PodKey.of(pod), pod);
    }

    void remove(PodKey key) {
      pods.remove(key);
    }

    @Override
    public Optional<Pod> pod(PodKey key) {
      return Optional.ofNullable(pods.get(key));
    }

    @Override
    public List<Pod> pods() {
      return List.copyOf(pods.values());
    }
  }

  /** The API server's TokenRequest: a token naming the request's number, valid one hour. */
  private TokenRequest issue(String namespace, String account, TokenRequest request) {
    tokenRequests.add(request);
    return new TokenRequestBuilder(request)
        .withNewStatus()
        .withToken("token-" + tokenRequests.size())
        .withExpirationTimestamp(
            clock.instant().plusSeconds(request.getSpec().getExpirationSeconds()).toString())
        .endStatus()
        .build();
  }

  private final class ConfigLookupOfMaps implements ConfigLookup {
    @Override
    public Optional<ConfigMap> configMap(String namespace, String name) {
      return Optional.ofNullable(configMaps.get(namespace + "/" + name));
    }

    @Override
    public Optional<Secret> secret(String namespace, String name) {
      return Optional.ofNullable(secrets.get(namespace + "/" + name));
    }

    @Override
    public List<Service> services(String namespace) {
      return List.of();
    }
  }
}
