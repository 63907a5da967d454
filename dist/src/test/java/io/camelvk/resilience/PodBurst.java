package io.camelvk.resilience;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodList;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.PodResource;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Creates pods one after another on its own thread, as a client that must not lose any would: each
 * create is retried until it succeeds, and an AlreadyExists after a failed attempt counts as done
 * (the API server stored the pod but its answer was lost). It pauses once after a given number of
 * pods, so that a test can line a fault up with the middle of the burst.
 */
final class PodBurst {

  private static final int ALREADY_EXISTS = 409;
  private static final Duration RETRY_INTERVAL = Duration.ofMillis(250);
  private static final Duration GIVE_UP = Duration.ofMinutes(5);

  private final NonNamespaceOperation<Pod, PodList, PodResource> pods;
  private final IntFunction<Pod> podNumber;
  private final CountDownLatch paused = new CountDownLatch(1);
  private final CountDownLatch resumed = new CountDownLatch(1);
  private final AtomicInteger failures = new AtomicInteger();
  private final AtomicInteger alreadyExisted = new AtomicInteger();

  PodBurst(NonNamespaceOperation<Pod, PodList, PodResource> pods, IntFunction<Pod> podNumber) {
    this.pods = pods;
    this.podNumber = podNumber;
  }

  /** Creates pods 0 to {@code count - 1}, pausing after {@code pauseAfter} until resumed. */
  CompletableFuture<Void> start(int count, int pauseAfter) {
    return CompletableFuture.runAsync(
        () -> {
          for (int i = 0; i < count; i++) {
            if (i == pauseAfter) {
              paused.countDown();
              awaitLatch(resumed);
            }
            Pod pod = podNumber.apply(i);
            AtomicInteger attempts = new AtomicInteger();
            await()
                .atMost(GIVE_UP)
                .pollInSameThread()
                .pollDelay(Duration.ZERO)
                .pollInterval(RETRY_INTERVAL)
                .until(() -> create(pod, attempts.getAndIncrement()));
          }
        },
        runnable -> Thread.ofPlatform().name("pod-burst").daemon().start(runnable));
  }

  void awaitPaused(Duration timeout) {
    await().atMost(timeout).until(() -> paused.getCount() == 0);
  }

  void resume() {
    resumed.countDown();
  }

  int failures() {
    return failures.get();
  }

  int alreadyExisted() {
    return alreadyExisted.get();
  }

  private boolean create(Pod pod, int failedBefore) {
    try {
      pods.resource(pod).create();
      return true;
    } catch (KubernetesClientException e) {
      if (e.getCode() != ALREADY_EXISTS) {
        failures.incrementAndGet();
        return false;
      }
      if (failedBefore == 0) {
        throw new IllegalStateException(
            "pod " + pod.getMetadata().getName() + " existed before the burst created it", e);
      }
      alreadyExisted.incrementAndGet();
      return true;
    }
  }

  private static void awaitLatch(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
