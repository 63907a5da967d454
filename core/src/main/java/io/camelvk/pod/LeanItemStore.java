package io.camelvk.pod;

import io.camelvk.provider.EmptyMapSharing;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.cache.BasicItemStore;
import io.fabric8.kubernetes.client.informers.cache.Cache;

/**
 * An informer store that keeps each object without its {@code metadata.managedFields}: nothing here
 * reads them, and for a pod they are a large share of its size (server-side-apply field sets for
 * the spec and for each status writer).
 */
final class LeanItemStore<T extends HasMetadata> extends BasicItemStore<T> {

  LeanItemStore() {
    super(Cache::metaNamespaceKeyFunc);
  }

  @Override
  public T put(String key, T obj) {
    obj.getMetadata().setManagedFields(null);
    return super.put(key, EmptyMapSharing.apply(obj));
  }
}
