package io.camelvk.events;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.ObjectReference;

/** The keys client-go's event correlator groups events by. */
final class EventKeys {

  private EventKeys() {}

  /** Source and object: the spam filter's bucket. */
  static String spam(Event event) {
    ObjectReference o = event.getInvolvedObject();
    return String.join(
        "\u0000",
        event.getSource().getComponent(),
        event.getSource().getHost(),
        o.getKind(),
        o.getNamespace(),
        o.getName(),
        o.getUid(),
        o.getApiVersion(),
        event.getType());
  }

  /** Events that differ only in their message are similar: aggregated after a few. */
  static String similar(Event event) {
    return String.join("\u0000", spam(event), event.getReason());
  }

  /** Identical events: counted on one event instead of written again. */
  static String identical(Event event) {
    return String.join(
        "\u0000",
        similar(event),
        String.valueOf(event.getInvolvedObject().getFieldPath()),
        event.getMessage());
  }
}
