package io.camelvk.pod;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PodWorkQueueTest {

  private final PodWorkQueue queue = new PodWorkQueue(Duration.ofMillis(10), Duration.ofMillis(80));
  private final PodKey a = new PodKey("ns", "a");
  private final PodKey b = new PodKey("ns", "b");

  @AfterEach
  void shutDown() {
    queue.shutDown();
  }

  @Test
  void aKeyAddedTwiceWhileWaitingIsHandedOutOnce() throws InterruptedException {
    queue.add(a);
    queue.add(a);
    queue.add(b);
    assertThat(queue.depth()).isEqualTo(2);
    assertThat(queue.take()).hasValue(a);
    assertThat(queue.take()).hasValue(b);
  }

  @Test
  void aKeyAddedWhileBeingProcessedWaitsUntilDone() throws InterruptedException {
    queue.add(a);
    assertThat(queue.take()).hasValue(a);
    queue.add(a);
    assertThat(queue.depth()).isZero();
    queue.done(a);
    assertThat(queue.depth()).isEqualTo(1);
    assertThat(queue.take()).hasValue(a);
  }

  @Test
  void backoffDoublesPerFailureUpToTheMaximumAndForgetResetsIt() {
    assertThat(queue.backoff(1)).isEqualTo(Duration.ofMillis(10));
    assertThat(queue.backoff(3)).isEqualTo(Duration.ofMillis(40));
    assertThat(queue.backoff(30)).isEqualTo(Duration.ofMillis(80));
    queue.addRateLimited(a);
    queue.addRateLimited(a);
    assertThat(queue.failures(a)).isEqualTo(2);
    queue.forget(a);
    assertThat(queue.failures(a)).isZero();
  }

  @Test
  void aRateLimitedKeyComesBackAfterItsBackoff() throws InterruptedException {
    // A backoff no loaded machine outlasts between the add and the depth check (10 ms did).
    PodWorkQueue slow = new PodWorkQueue(Duration.ofMillis(300), Duration.ofMillis(300));
    slow.addRateLimited(a);
    assertThat(slow.depth()).isZero();
    assertThat(slow.take()).hasValue(a);
  }

  @Test
  void manyWorkersNeverHoldTheSameKeyAtOnce() throws InterruptedException {
    Map<PodKey, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    AtomicInteger overlaps = new AtomicInteger();
    AtomicInteger processed = new AtomicInteger();
    int workers = 8;
    CountDownLatch finished = new CountDownLatch(workers);
    for (int w = 0; w < workers; w++) {
      Thread.ofPlatform()
          .start(
              () -> {
                try {
                  Optional<PodKey> key;
                  while ((key = queue.take()).isPresent()) {
                    if (inFlight
                            .computeIfAbsent(key.get(), k -> new AtomicInteger())
                            .incrementAndGet()
                        > 1) {
                      overlaps.incrementAndGet();
                    }
                    Thread.onSpinWait();
                    inFlight.get(key.get()).decrementAndGet();
                    processed.incrementAndGet();
                    queue.done(key.get());
                  }
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                } finally {
                  finished.countDown();
                }
              });
    }
    IntStream.range(0, 20_000).forEach(i -> queue.add(new PodKey("ns", "p" + (i % 50))));
    while (queue.depth() > 0) {
      Thread.sleep(5);
    }
    queue.shutDown();
    assertThat(finished.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(overlaps).hasValue(0);
    assertThat(processed.get()).isBetween(50, 20_000);
  }

  @Test
  void afterShutDownNoKeyIsHandedOutEvenWithKeysWaiting() throws InterruptedException {
    queue.add(new PodKey("ns", "a"));
    queue.shutDown();
    assertThat(queue.take()).isEmpty();
  }
}
