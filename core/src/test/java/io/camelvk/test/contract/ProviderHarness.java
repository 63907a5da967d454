package io.camelvk.test.contract;

import io.camelvk.pod.PodKey;
import io.camelvk.pod.PodStatusSource;
import io.camelvk.pod.ReportedStatuses;
import io.camelvk.pod.StatusWriteWaits;
import io.camelvk.provider.PodStatusNotifier;
import io.camelvk.provider.runtime.ProviderHandle;
import io.camelvk.provider.runtime.ProviderSet;
import io.camelvk.provider.runtime.ProviderWiring;
import io.camelvk.provider.runtime.Providers;
import io.camelvk.provider.runtime.TimeLimitedClient;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.main.Main;

/**
 * One provider as a virtual kubelet process sees it, without a cluster: Camel with the provider's
 * routes (and the core's bean-provider template, error handling and status report route), the
 * provider wired by the core's own code, and its statuses read the way the core reads them.
 */
public final class ProviderHarness implements AutoCloseable {

  static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

  private final Main main;
  private final ExecutorService calls;
  private final ProviderHandle provider;
  private final PodStatusSource statuses;
  private final Set<PodKey> notified;
  private final AtomicInteger failingSyncs;
  private final HarnessEvents events;

  private ProviderHarness(
      Main main,
      ExecutorService calls,
      ProviderHandle provider,
      PodStatusSource statuses,
      Set<PodKey> notified,
      AtomicInteger failingSyncs,
      HarnessEvents events) {
    this.main = main;
    this.events = events;
    this.failingSyncs = failingSyncs;
    this.calls = calls;
    this.provider = provider;
    this.statuses = statuses;
    this.notified = notified;
  }

  /**
   * @param providers one provider (its bean, if it has one)
   * @param properties placeholders its routes use ({@code vk.provider.<name>.*})
   */
  public static ProviderHarness start(ProviderSet providers, Map<String, String> properties)
      throws Exception {
    String name = providers.defaultName();
    ProviderWiring wiring = new ProviderWiring(providers);
    Set<PodKey> notified = ConcurrentHashMap.newKeySet();
    // No API server here: the harness's sync of a reported pod is noting it, and ends at once
    // (failed, as a write the API server refuses, while failNextSyncs says so).
    StatusWriteWaits writes = new StatusWriteWaits(CALL_TIMEOUT);
    AtomicInteger failingSyncs = new AtomicInteger();
    ReportedStatuses reported =
        new ReportedStatuses(
            key -> {
              writes.syncBegins(key);
              notified.add(key);
              boolean fails = failingSyncs.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
              writes.syncEnded(key, fails ? new IllegalStateException("write refused") : null);
            },
            writes);
    Main main = new Main();
    main.configure()
        .withName("provider-harness-" + name)
        .withRoutesIncludePattern(
            "classpath:routes/bean-provider.yaml,classpath:routes/errors.yaml,"
                + "classpath:routes/pod-status-report.yaml,classpath:routes/pod-event-report.yaml,"
                + String.join(",", wiring.routePatterns()));
    properties.forEach(main::addInitialProperty);
    wiring.beans().forEach(main::bind);
    main.bind("reportedStatuses", reported);
    HarnessEvents events = new HarnessEvents();
    main.bind("reportedEvents", events);
    main.start();
    ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor();
    ProviderHandle provider;
    try {
      provider =
          wiring
              .wire(
                  main.getCamelContext(),
                  main.getCamelContext().createProducerTemplate(),
                  client -> new TimeLimitedClient(client, CALL_TIMEOUT, calls))
              .get(name);
    } catch (RuntimeException e) {
      // A provider that refuses to be wired (bad settings) leaves no Camel running behind it.
      main.stop();
      calls.close();
      throw e;
    }
    providers
        .bean(name)
        .filter(PodStatusNotifier.class::isInstance)
        .map(PodStatusNotifier.class::cast)
        .ifPresent(n -> n.onPodStatusChange((ns, pod) -> notified.add(new PodKey(ns, pod))));
    Providers wired = new Providers(name, List.of(name));
    wired.install(Map.of(name, provider));
    return new ProviderHarness(
        main,
        calls,
        provider,
        new PodStatusSource(wired, reported),
        notified,
        failingSyncs,
        events);
  }

  public ProviderHandle provider() {
    return provider;
  }

  /** The process's Camel, for a provider's own tests that look at its beans. */
  public org.apache.camel.CamelContext camelContext() {
    return main.getCamelContext();
  }

  /** The pod's status as the core would write it from: pushed, else asked. */
  public Optional<PodStatus> status(Pod pod) {
    return statuses.of(pod, provider.name());
  }

  /** The pods the provider told about (a bean's notification, or a route's report). */
  public Set<PodKey> notified() {
    return notified;
  }

  /** The events the provider recorded on its pods. */
  public List<HarnessEvents.Recorded> events() {
    return events.all();
  }

  /**
   * The next {@code count} syncs after a report fail, as when the API server refuses the write: a
   * report that awaits the write ({@code VkAwaitWrite}) fails.
   */
  public void failNextSyncs(int count) {
    failingSyncs.set(count);
  }

  /** How many of the syncs {@link #failNextSyncs} asked to fail are still to come. */
  public int syncsStillToFail() {
    return failingSyncs.get();
  }

  /** Forgets what was pushed for the pod, as the core does once it is deleted. */
  public void forget(Pod pod) {
    statuses.forget(PodKey.of(pod));
  }

  @Override
  public void close() {
    main.stop();
    calls.shutdownNow();
  }
}
