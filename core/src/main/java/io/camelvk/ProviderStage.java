package io.camelvk;

import io.camelvk.config.ProviderSettings;
import io.camelvk.metrics.KubeletMetrics;
import io.camelvk.node.NodeChanges;
import io.camelvk.pod.PodKey;
import io.camelvk.pod.PodPlacement;
import io.camelvk.pod.PodWorkQueue;
import io.camelvk.provider.NodeChangeNotifier;
import io.camelvk.provider.PodStatusNotifier;
import io.camelvk.provider.mapping.MappingFile;
import io.camelvk.provider.mapping.ProviderMapping;
import io.camelvk.provider.runtime.MeteredClient;
import io.camelvk.provider.runtime.ProviderCallLedger;
import io.camelvk.provider.runtime.ProviderSet;
import io.camelvk.provider.runtime.ProviderWiring;
import io.camelvk.provider.runtime.Providers;
import io.camelvk.provider.runtime.TimeLimitedClient;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;

/**
 * The node's providers in this process: their routes and beans for Camel, then, once it runs, each
 * one's client (time-limited and measured), their notifications, and the provider mapping.
 */
final class ProviderStage implements AutoCloseable {

  private final ProviderSet set;
  private final Providers providers;
  private final ProviderSettings settings;
  private final ProviderWiring wiring;
  private final MappingFile mappingFile;
  private final KubeletMetrics metrics;
  private final ProviderCallLedger ledger;
  private final ExecutorService providerCalls = Executors.newVirtualThreadPerTaskExecutor();

  ProviderStage(
      ProviderSet set,
      Providers providers,
      ProviderSettings settings,
      MappingFile mappingFile,
      KubeletMetrics metrics) {
    this.set = set;
    this.providers = providers;
    this.settings = settings;
    this.wiring = new ProviderWiring(set);
    this.mappingFile = mappingFile;
    this.metrics = metrics;
    this.ledger = new ProviderCallLedger(settings.callLedger());
  }

  /** The route files of the providers, for Camel Main's include pattern. */
  String routePatterns() {
    return String.join(",", wiring.routePatterns());
  }

  void bindTo(Main main) {
    wiring.beans().forEach(main::bind);
    main.bind("providerCallLedger", ledger);
    main.bind("providerMappingFile", mappingFile);
  }

  void wire(
      CamelContext context, PodWorkQueue queue, NodeChanges nodeChanges, PodPlacement placement) {
    providers.install(
        wiring.wire(
            context,
            context.createProducerTemplate(),
            client ->
                new MeteredClient(
                    new TimeLimitedClient(client, settings.callTimeout(), providerCalls),
                    metrics,
                    ledger)));
    set.beans()
        .values()
        .forEach(
            bean -> {
              if (bean instanceof PodStatusNotifier notifier) {
                notifier.onPodStatusChange((ns, name) -> queue.add(new PodKey(ns, name)));
              }
              if (bean instanceof NodeChangeNotifier notifier) {
                notifier.onNodeChange(nodeChanges::changed);
              }
            });
    mappingFile.start(context);
    placement.use(new ProviderMapping(set.defaultName(), set.names(), context));
  }

  MappingFile mappingFile() {
    return mappingFile;
  }

  ProviderCallLedger ledger() {
    return ledger;
  }

  @Override
  public void close() {
    providerCalls.shutdownNow();
  }
}
