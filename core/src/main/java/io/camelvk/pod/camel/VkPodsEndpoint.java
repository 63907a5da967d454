package io.camelvk.pod.camel;

import io.camelvk.pod.PodWorkQueue;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

/** The pods bound to one node. The exchange body is the pod's {@link io.camelvk.pod.PodKey}. */
@UriEndpoint(
    firstVersion = "0.1.0",
    scheme = VkPodsComponent.SCHEME,
    title = "Virtual kubelet pods",
    syntax = "vk-pods:nodeName",
    consumerOnly = true,
    category = {Category.CONTAINER, Category.CLOUD})
public final class VkPodsEndpoint extends DefaultEndpoint {

  /** Header: how many times this pod's sync has failed since it last succeeded. */
  public static final String HEADER_ATTEMPT = "VkAttempt";

  static final long DEFAULT_STOP_TIMEOUT = 30_000;

  @UriPath(description = "The node whose pods are served")
  @Metadata(required = true)
  private final String nodeName;

  @UriParam(description = "Pods synced in parallel", defaultValue = "10")
  private int workers = 10;

  @UriParam(
      description =
          "Milliseconds the syncs in flight may take to finish when the consumer stops; no new"
              + " sync starts",
      defaultValue = "30000")
  private long stopTimeout = DEFAULT_STOP_TIMEOUT;

  private final PodWorkQueue queue;
  private final SyncFailureHandler failures;

  VkPodsEndpoint(
      String uri,
      VkPodsComponent component,
      String nodeName,
      PodWorkQueue queue,
      SyncFailureHandler failures) {
    super(uri, component);
    this.nodeName = nodeName;
    this.queue = queue;
    this.failures = failures;
  }

  @Override
  public Consumer createConsumer(Processor processor) throws Exception {
    VkPodsConsumer consumer = new VkPodsConsumer(this, processor, queue, failures);
    configureConsumer(consumer);
    return consumer;
  }

  @Override
  public Producer createProducer() {
    throw new UnsupportedOperationException("vk-pods is a consumer only");
  }

  public String getNodeName() {
    return nodeName;
  }

  public int getWorkers() {
    return workers;
  }

  public long getStopTimeout() {
    return stopTimeout;
  }

  public void setStopTimeout(long stopTimeout) {
    this.stopTimeout = stopTimeout;
  }

  public void setWorkers(int workers) {
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be at least 1, got " + workers);
    }
    this.workers = workers;
  }
}
