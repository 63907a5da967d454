package io.camelvk.provider.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camelvk.provider.ProviderException;
import io.camelvk.provider.ProviderTimeoutException;
import io.camelvk.test.BeanClient;
import io.camelvk.test.IdleProvider;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TimeLimitedClientTest {

  private final ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor();
  private final HangingProvider hanging = new HangingProvider();
  private final ProviderClient provider =
      new TimeLimitedClient(new BeanClient("hanging", hanging), Duration.ofMillis(200), calls);

  @AfterEach
  void stop() {
    hanging.release.countDown();
    calls.shutdownNow();
  }

  @Test
  void aCallThatHangsFailsAfterTheTimeoutAndIsInterrupted() throws Exception {
    long start = System.nanoTime();
    assertThatThrownBy(() -> provider.create(pod("hang")))
        .isInstanceOfSatisfying(
            ProviderTimeoutException.class,
            e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.TRANSIENT))
        .hasMessage("provider hanging: create of pod ns/hang did not return within 200ms");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    hanging.interrupted.await();
  }

  @Test
  void aPodWhoseCallIsStillRunningGetsNoSecondCallUntilItReturns() throws Exception {
    hanging.ignoreInterrupts = true;
    assertThatThrownBy(() -> provider.create(pod("hang")))
        .isInstanceOf(ProviderTimeoutException.class);
    assertThatThrownBy(() -> provider.delete(pod("hang"), Duration.ZERO))
        .isInstanceOf(ProviderTimeoutException.class)
        .hasMessageContaining("the create that timed out has not returned yet");
    assertThat(hanging.calls).hasValue(1);
    provider.delete(pod("other"), Duration.ZERO);

    hanging.release.countDown();
    hanging.returned.await();
    awaitAccepted(() -> provider.delete(pod("hang"), Duration.ZERO));
  }

  @Test
  void aStopMayTakeTheGracePeriodOnTopOfTheTimeout() {
    hanging.deleteTakes = Duration.ofMillis(500);

    assertThat(provider.delete(pod("slow"), Duration.ofSeconds(2))).isEmpty();
    assertThatThrownBy(() -> provider.delete(pod("slow"), Duration.ZERO))
        .isInstanceOf(ProviderTimeoutException.class)
        .hasMessage("provider hanging: delete of pod ns/slow did not return within 200ms");
  }

  @Test
  void answersAndFailuresInTimePassThroughUnchanged() {
    assertThat(provider.name()).isEqualTo("hanging");
    assertThat(provider.pods()).isEmpty();
    assertThatThrownBy(() -> provider.update(pod("any")))
        .isInstanceOf(ProviderException.class)
        .hasMessage("no such pod");
  }

  private static void awaitAccepted(Runnable call) throws InterruptedException {
    for (int i = 0; ; i++) {
      try {
        call.run();
        return;
      } catch (ProviderTimeoutException e) {
        if (i > 100) {
          throw e;
        }
        Thread.sleep(10);
      }
    }
  }

  private static Pod pod(String name) {
    return new PodBuilder()
        .withNewMetadata()
        .withNamespace("ns")
        .withName(name)
        .withUid(name)
        .endMetadata()
        .build();
  }

  /** Hangs in createPod until released (or interrupted, unless told to ignore interrupts). */
  private static final class HangingProvider extends IdleProvider {
    final CountDownLatch release = new CountDownLatch(1);
    final CountDownLatch interrupted = new CountDownLatch(1);
    final CountDownLatch returned = new CountDownLatch(1);
    final AtomicInteger calls = new AtomicInteger();
    volatile boolean ignoreInterrupts;
    volatile Duration deleteTakes = Duration.ZERO;

    @Override
    public void deletePod(Pod pod) {
      try {
        Thread.sleep(deleteTakes);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    @Override
    public void createPod(Pod pod) {
      calls.incrementAndGet();
      try {
        while (true) {
          try {
            release.await();
            return;
          } catch (InterruptedException e) {
            interrupted.countDown();
            if (!ignoreInterrupts) {
              Thread.currentThread().interrupt();
              return;
            }
          }
        }
      } finally {
        returned.countDown();
      }
    }

    @Override
    public void updatePod(Pod pod) {
      throw ProviderException.notFound("no such pod");
    }
  }
}
