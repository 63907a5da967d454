package io.camelvk.pod.camel;

import io.camelvk.pod.PodKey;
import io.camelvk.pod.PodWorkQueue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Worker threads that take keys from the queue and send one exchange per key into the route. */
final class VkPodsConsumer extends DefaultConsumer {

  private static final Logger LOG = LoggerFactory.getLogger(VkPodsConsumer.class);

  private final PodWorkQueue queue;
  private final SyncFailureHandler failures;
  private final List<Thread> workers = new ArrayList<>();

  VkPodsConsumer(
      VkPodsEndpoint endpoint,
      Processor processor,
      PodWorkQueue queue,
      SyncFailureHandler failures) {
    super(endpoint, processor);
    this.queue = queue;
    this.failures = failures;
  }

  @Override
  protected void doStart() throws Exception {
    super.doStart();
    int count = ((VkPodsEndpoint) getEndpoint()).getWorkers();
    for (int i = 0; i < count; i++) {
      workers.add(Thread.ofPlatform().name("vk-pod-worker-" + i).daemon().start(this::work));
    }
  }

  /** No new sync starts; the ones in flight get the endpoint's stop timeout, all together. */
  @Override
  protected void doStop() throws Exception {
    queue.shutDown();
    long deadline =
        System.nanoTime() + ((VkPodsEndpoint) getEndpoint()).getStopTimeout() * 1_000_000;
    for (Thread worker : workers) {
      long left = (deadline - System.nanoTime()) / 1_000_000;
      if (left > 0) {
        worker.join(left);
      }
      if (worker.isAlive()) {
        LOG.warn("stop timeout: {} is still syncing a pod, leaving it", worker.getName());
      }
    }
    workers.clear();
    super.doStop();
  }

  private void work() {
    try {
      Optional<PodKey> next;
      while ((next = queue.take()).isPresent()) {
        PodKey key = next.get();
        try {
          process(key);
        } finally {
          queue.done(key);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void process(PodKey key) {
    int attempt = queue.failures(key);
    Exchange exchange = createExchange(false);
    failures.onStart(key);
    long start = System.nanoTime();
    try {
      exchange.getIn().setBody(key);
      exchange.getIn().setHeader(VkPodsEndpoint.HEADER_ATTEMPT, attempt);
      getProcessor().process(exchange);
    } catch (Exception e) {
      exchange.setException(e);
    }
    failures.onSync(key, exchange, java.time.Duration.ofNanos(System.nanoTime() - start));
    try {
      if (exchange.getException() == null) {
        queue.forget(key);
      } else if (failures.onFailure(key, exchange, attempt)) {
        queue.addRateLimited(key);
      } else {
        queue.forget(key);
      }
    } catch (RuntimeException e) {
      LOG.warn("failure handling of pod {} failed: {}", key, e.toString());
      queue.addRateLimited(key);
    } finally {
      releaseExchange(exchange, false);
    }
  }
}
