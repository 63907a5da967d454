package io.camelvk.pod;

import io.camelvk.events.EventSink;
import io.fabric8.kubernetes.api.model.Event;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An event sink that keeps what the recorder writes (on its own thread) for a test to read. */
final class CapturedEvents implements EventSink {

  private final List<Event> created = new CopyOnWriteArrayList<>();
  private final List<Integer> counts = new CopyOnWriteArrayList<>();
  private final List<Event> writes = new CopyOnWriteArrayList<>();

  @Override
  public void create(Event event) {
    created.add(event);
    writes.add(event);
  }

  @Override
  public void count(Event existing, int count, Instant last) {
    counts.add(count);
    writes.add(existing);
  }

  /** The events created, in order; the list grows as the recorder writes. */
  List<Event> created() {
    return created;
  }

  /** The counts raised on events created before, in order. */
  List<Integer> counts() {
    return counts;
  }

  /** Each event created and each event counted again, in order. */
  List<Event> writes() {
    return writes;
  }
}
