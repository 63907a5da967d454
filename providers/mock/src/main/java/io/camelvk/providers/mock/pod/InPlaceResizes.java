package io.camelvk.providers.mock.pod;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The in-place resizes a mock pod's containers are applying: until its pod's resize-duration has
 * passed, a resized container reports the resources it had, as a backend still applying them would.
 */
final class InPlaceResizes {

  private record Resize(ResourceRequirements before, Instant done) {}

  private final Map<String, Resize> byContainer = new ConcurrentHashMap<>();

  /** The resources {@code container} reports at {@code now}. */
  ResourceRequirements at(Container container, Instant now) {
    Resize resize = byContainer.get(container.getName());
    return resize != null && now.isBefore(resize.done())
        ? resize.before()
        : container.getResources();
  }

  /**
   * Records that a container kept running through an update from {@code before} to {@code after} of
   * its spec: a change of its resources takes {@code takes} from {@code now}; a resize of {@code
   * earlier} still under way goes on.
   */
  void kept(
      InPlaceResizes earlier, Container before, Container after, Duration takes, Instant now) {
    String name = after.getName();
    if (Objects.equals(before.getResources(), after.getResources())) {
      Resize going = earlier.byContainer.get(name);
      if (going != null && now.isBefore(going.done())) {
        byContainer.put(name, going);
      }
    } else if (takes.isPositive()) {
      byContainer.put(name, new Resize(earlier.at(before, now), now.plus(takes)));
    }
  }

  /** When the next resize is done, after {@code now}, or null. */
  Instant nextChange(Instant now) {
    return byContainer.values().stream()
        .map(Resize::done)
        .filter(now::isBefore)
        .min(Instant::compareTo)
        .orElse(null);
  }
}
