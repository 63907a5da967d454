package io.camelvk.pod;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The informers every read comes from: the pods bound to our node, and the ConfigMaps, Secrets and
 * Services their environment may reference. Handlers only hand keys on; they never block.
 */
public final class ClusterCache implements PodCache, AutoCloseable {

  private final SharedIndexInformer<Pod> pods;
  private final SharedIndexInformer<ConfigMap> configMaps;
  private final SharedIndexInformer<Secret> secrets;
  private final SharedIndexInformer<Service> services;

  public ClusterCache(KubernetesClient client, String nodeName, Duration resyncPeriod) {
    this.pods =
        client
            .pods()
            .inAnyNamespace()
            .withField("spec.nodeName", nodeName)
            .runnableInformer(resyncPeriod.toMillis())
            .removeNamespaceIndex()
            .itemStore(new LeanItemStore<>());
    this.configMaps =
        client.configMaps().inAnyNamespace().runnableInformer(0).itemStore(new LeanItemStore<>());
    this.secrets =
        client.secrets().inAnyNamespace().runnableInformer(0).itemStore(new LeanItemStore<>());
    this.services =
        client.services().inAnyNamespace().runnableInformer(0).itemStore(new LeanItemStore<>());
  }

  /** Calls {@code listener} with the key of every pod added, changed, resynced or deleted. */
  public void onPodChange(Consumer<PodKey> listener) {
    pods.addEventHandler(handler(p -> listener.accept(PodKey.of(p))));
  }

  /** Calls {@code listener} with the UID of every pod that left the cache. */
  public void onPodGone(Consumer<String> listener) {
    pods.addEventHandler(
        new ResourceEventHandler<>() {
          @Override
          public void onAdd(Pod pod) {}

          @Override
          public void onUpdate(Pod before, Pod after) {}

          @Override
          public void onDelete(Pod pod, boolean finalStateUnknown) {
            listener.accept(pod.getMetadata().getUid());
          }
        });
  }

  /** Calls {@code listener} for every ConfigMap or Secret added, changed or deleted. */
  public void onConfigChange(Consumer<ConfigChange> listener) {
    configMaps.addEventHandler(
        handler(
            c ->
                listener.accept(
                    new ConfigChange(
                        false, c.getMetadata().getNamespace(), c.getMetadata().getName()))));
    secrets.addEventHandler(
        handler(
            s ->
                listener.accept(
                    new ConfigChange(
                        true, s.getMetadata().getNamespace(), s.getMetadata().getName()))));
  }

  /** Starts the informers and waits for their first list; zero waits forever. */
  public void start(Duration timeout) {
    List<CompletableFuture<Void>> started = new ArrayList<>();
    for (SharedIndexInformer<?> informer : List.of(configMaps, secrets, services, pods)) {
      started.add(informer.start().toCompletableFuture());
    }
    CompletableFuture<Void> all =
        CompletableFuture.allOf(started.toArray(CompletableFuture[]::new));
    try {
      if (timeout.isZero()) {
        all.get();
      } else {
        all.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (TimeoutException e) {
      throw new IllegalStateException("caches did not sync within --startup-timeout " + timeout, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while syncing caches", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(
          "cannot start the informers: " + e.getCause().getMessage(), e.getCause());
    }
  }

  @Override
  public Optional<Pod> pod(PodKey key) {
    return Optional.ofNullable(
        pods.getStore().getByKey(Cache.namespaceKeyFunc(key.namespace(), key.name())));
  }

  @Override
  public List<Pod> pods() {
    return pods.getStore().list();
  }

  public Optional<ConfigMap> configMap(String namespace, String name) {
    return Optional.ofNullable(
        configMaps.getStore().getByKey(Cache.namespaceKeyFunc(namespace, name)));
  }

  public Optional<Secret> secret(String namespace, String name) {
    return Optional.ofNullable(
        secrets.getStore().getByKey(Cache.namespaceKeyFunc(namespace, name)));
  }

  public List<Service> services(String namespace) {
    return services.getStore().list().stream()
        .filter(s -> namespace.equals(s.getMetadata().getNamespace()))
        .toList();
  }

  /** True while every informer is watching (for /readyz). */
  public boolean isWatching() {
    return List.of(pods, configMaps, secrets, services).stream()
        .allMatch(SharedIndexInformer::isWatching);
  }

  @Override
  public void close() {
    List.of(pods, configMaps, secrets, services).forEach(SharedIndexInformer::stop);
  }

  private static <T extends HasMetadata> ResourceEventHandler<T> handler(Consumer<T> onAny) {
    return new ResourceEventHandler<>() {
      @Override
      public void onAdd(T obj) {
        onAny.accept(obj);
      }

      @Override
      public void onUpdate(T oldObj, T newObj) {
        onAny.accept(newObj);
      }

      @Override
      public void onDelete(T obj, boolean deletedFinalStateUnknown) {
        onAny.accept(obj);
      }
    };
  }
}
