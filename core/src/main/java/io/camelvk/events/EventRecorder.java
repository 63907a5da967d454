package io.camelvk.events;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes events in the background, as the kubelet's event broadcaster does: a bounded queue that
 * drops what does not fit (a caller never waits for the API server), the {@link EventCorrelator},
 * and at most the kubelet's default event rate.
 */
public final class EventRecorder implements AutoCloseable {

  /** client-go's {@code maxQueuedEvents}. */
  public static final int QUEUE_SIZE = 1000;

  /** The kubelet's {@code eventRecordQPS} and {@code eventBurst}. */
  public static final double EVENTS_PER_SECOND = 50;

  public static final int EVENT_BURST = 100;

  private static final Logger LOG = LoggerFactory.getLogger(EventRecorder.class);

  /** What became of an event, for metrics. */
  public enum Outcome {
    WRITTEN,
    COUNTED,
    SPAM,
    DROPPED,
    FAILED
  }

  private final BlockingQueue<Event> queue = new ArrayBlockingQueue<>(QUEUE_SIZE);
  private final EventCorrelator correlator;
  private final EventSink sink;
  private final TokenBucket rate;
  private final Consumer<Outcome> outcomes;
  private final AtomicLong dropped = new AtomicLong();
  private final Thread sender;

  public EventRecorder(KubernetesClient client, Clock clock, Consumer<Outcome> outcomes) {
    this(new ApiEventSink(client), clock, outcomes);
  }

  public EventRecorder(EventSink sink, Clock clock, Consumer<Outcome> outcomes) {
    this.correlator = new EventCorrelator(clock);
    this.sink = sink;
    this.rate = new TokenBucket(EVENTS_PER_SECOND, EVENT_BURST, Clock.systemUTC());
    this.outcomes = outcomes;
    this.sender = Thread.ofPlatform().name("vk-events").daemon().start(this::send);
  }

  /** Queues the event; drops it when the queue is full. */
  public void record(Event event) {
    if (!queue.offer(event)) {
      outcomes.accept(Outcome.DROPPED);
      if (dropped.getAndIncrement() % QUEUE_SIZE == 0) {
        LOG.warn(
            "events are coming faster than they can be written: dropping some ({} so far)",
            dropped.get());
      }
    }
  }

  private void send() {
    try {
      while (!Thread.currentThread().isInterrupted()) {
        Event event = queue.take();
        var decision = correlator.correlate(event);
        if (decision.isEmpty()) {
          outcomes.accept(Outcome.SPAM);
          continue;
        }
        waitForRate();
        write(decision.get(), event);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void waitForRate() throws InterruptedException {
    while (!rate.tryTake()) {
      Thread.sleep(Math.max(1, rate.untilNext().toMillis()));
    }
  }

  private void write(EventCorrelator.Decision decision, Event event) {
    try {
      switch (decision) {
        case EventCorrelator.Create create -> {
          sink.create(create.event());
          outcomes.accept(Outcome.WRITTEN);
        }
        case EventCorrelator.Count count -> {
          sink.count(count.existing(), count.count(), count.last());
          outcomes.accept(Outcome.COUNTED);
        }
      }
    } catch (KubernetesClientException e) {
      outcomes.accept(Outcome.FAILED);
      LOG.warn(
          "cannot record event {} on {} {}/{}: {}",
          event.getReason(),
          event.getInvolvedObject().getKind(),
          event.getInvolvedObject().getNamespace(),
          event.getInvolvedObject().getName(),
          e.getMessage());
    }
  }

  /** Gives queued events up to {@code patience} to be written, then stops. */
  public void close(Duration patience) {
    long deadline = System.nanoTime() + patience.toNanos();
    try {
      while (!queue.isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      sender.interrupt();
    }
  }

  @Override
  public void close() {
    close(Duration.ofSeconds(2));
  }
}
