package io.camelvk.node;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A provider's node profile changed (a bean's {@link io.camelvk.provider.NodeChangeNotifier}, or a
 * route sending to {@code direct:vk-node-status}): the node's status is written at once, off the
 * caller's thread, instead of at the next period.
 */
public final class NodeChanges implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(NodeChanges.class);

  private final NodeStatusReporter reporter;
  private final ExecutorService changes =
      Executors.newSingleThreadExecutor(Thread.ofPlatform().name("node-change").daemon().factory());

  public NodeChanges(NodeStatusReporter reporter) {
    this.reporter = reporter;
  }

  public void changed() {
    changes.execute(this::reportQuietly);
  }

  private void reportQuietly() {
    try {
      reporter.report();
    } catch (RuntimeException e) {
      LOG.warn(
          "cannot write the node status after a provider change (the timer retries): {}",
          e.getMessage());
    }
  }

  @Override
  public void close() {
    changes.shutdownNow();
  }
}
