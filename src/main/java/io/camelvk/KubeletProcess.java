package io.camelvk;

import io.camelvk.config.VkSettings;
import io.camelvk.pod.ClusterCache;
import io.camelvk.pod.PodKey;
import io.camelvk.pod.PodStartupReconciler;
import io.camelvk.pod.PodTracker;
import io.camelvk.pod.PodWorkQueue;
import io.camelvk.provider.PodStatusNotifier;
import io.camelvk.provider.Provider;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running virtual kubelet, in this JVM: the caches, the node, and Camel Main running the
 * routes. The CLI runs one until Ctrl-C; tests start and stop several.
 */
public final class KubeletProcess implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(KubeletProcess.class);

  private final KubeletBeans beans;
  private final Main main;

  private KubeletProcess(KubeletBeans beans, Main main) {
    this.beans = beans;
    this.main = main;
  }

  /**
   * Syncs the caches, registers the node, adopts or cleans the provider's pods, starts the routes.
   */
  public static KubeletProcess start(
      KubernetesClient client, VkSettings settings, Provider provider, Clock clock) {
    KubeletBeans beans = new KubeletBeans(client, settings, provider, clock);
    ClusterCache cache = beans.cache();
    PodWorkQueue queue = beans.queue();
    cache.onPodChange(queue::add);
    cache.onConfigChange(namespace -> requeueWaitingPods(beans, namespace));
    if (provider instanceof PodStatusNotifier notifier) {
      notifier.onPodStatusChange((namespace, name) -> queue.add(new PodKey(namespace, name)));
    }
    cache.start(settings.startupTimeout());
    beans.node().register();
    new PodStartupReconciler(cache, beans.tracker(), provider).reconcile();
    Main main = new Main();
    main.configure()
        .withName("camel-virtual-kubelet")
        .withRoutesIncludePattern(
            "classpath:routes/*.yaml,classpath:providers/" + provider.name() + "/*.yaml");
    settings.asProperties().forEach(main::addInitialProperty);
    beans.bindTo(main);
    try {
      main.start();
    } catch (Exception e) {
      beans.close();
      throw new IllegalStateException("cannot start the routes: " + e.getMessage(), e);
    }
    LOG.info(
        "virtual kubelet {} started with provider {}", settings.node().nodeName(), provider.name());
    return new KubeletProcess(beans, main);
  }

  private static void requeueWaitingPods(KubeletBeans beans, String namespace) {
    beans.cache().pods().stream()
        .filter(p -> namespace.equals(p.getMetadata().getNamespace()))
        .map(PodKey::of)
        .filter(key -> beans.tracker().get(key).isEmpty())
        .forEach(beans.queue()::add);
  }

  public CamelContext camel() {
    return main.getCamelContext();
  }

  public PodTracker tracker() {
    return beans.tracker();
  }

  /** Stops the routes (in-flight syncs finish), then the caches. */
  @Override
  public void close() {
    try {
      main.stop();
    } catch (Exception e) {
      LOG.warn("error while stopping the routes: {}", e.toString());
    }
    beans.close();
  }
}
