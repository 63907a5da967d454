package io.camelvk.events;

import io.fabric8.kubernetes.api.model.Event;
import java.time.Instant;

/** Where correlated events are written. */
public interface EventSink {

  void create(Event event);

  /** Raises the count of an event written before (creates it again if it has expired). */
  void count(Event existing, int count, Instant last);
}
