package io.camelvk.pod.camel;

import io.camelvk.pod.PodWorkQueue;
import java.util.Map;
import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;

/**
 * {@code vk-pods:<node>}: a consumer that hands each changed pod of our node, by key, to the route,
 * one worker per key at a time. The work queue is fed by the informers; the component is bound by
 * name with it.
 */
public final class VkPodsComponent extends DefaultComponent {

  public static final String SCHEME = "vk-pods";

  private final PodWorkQueue queue;
  private final SyncFailureHandler failures;

  public VkPodsComponent(PodWorkQueue queue, SyncFailureHandler failures) {
    this.queue = queue;
    this.failures = failures;
  }

  @Override
  protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters)
      throws Exception {
    VkPodsEndpoint endpoint = new VkPodsEndpoint(uri, this, remaining, queue, failures);
    setProperties(endpoint, parameters);
    return endpoint;
  }
}
