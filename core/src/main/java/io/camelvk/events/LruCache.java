package io.camelvk.events;

import java.util.LinkedHashMap;
import java.util.Map;

/** A map that forgets its least recently used entry beyond a size, like client-go's lru.Cache. */
final class LruCache<K, V> extends LinkedHashMap<K, V> {

  private final int maxEntries;

  LruCache(int maxEntries) {
    super(16, 0.75f, true);
    this.maxEntries = maxEntries;
  }

  @Override
  protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
    return size() > maxEntries;
  }
}
