package io.camelvk.provider;

import java.util.function.BiConsumer;

/**
 * A provider that pushes status changes instead of waiting to be polled. The listener gets the
 * namespace and name of a pod whose status changed; the core then reads {@link Provider#podStatus}.
 * It must not block.
 */
public interface PodStatusNotifier {

  void onPodStatusChange(BiConsumer<String, String> listener);
}
