package io.camelvk.provider.runtime;

import io.camelvk.provider.LogOptions;
import io.camelvk.provider.NodeProfile;
import io.camelvk.provider.ProviderCapability;
import io.camelvk.provider.ProviderOperation;
import io.camelvk.provider.VkHeaders;
import io.camelvk.provider.volume.PodVolumes;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;

/**
 * Asks a provider through its route: one exchange to {@code direct:provider-<name>} per call, with
 * the pod (or nothing) as body and the {@link VkHeaders}, and the reply read from the body by
 * {@link ProviderReplies}. A failure of the route is rethrown as it is.
 */
public final class RouteClient implements ProviderClient {

  private final String name;
  private final ProducerTemplate template;
  private final Endpoint endpoint;

  public RouteClient(String name, CamelContext context, ProducerTemplate template) {
    this.name = name;
    this.template = template;
    this.endpoint = context.getEndpoint(ProviderRoutes.endpointUri(name));
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void create(Pod pod, PodVolumes volumes) {
    request(ProviderOperation.CREATE, pod, podHeaders(pod).andThen(volumeHeader(volumes)));
  }

  @Override
  public void update(Pod pod, PodVolumes volumes) {
    request(ProviderOperation.UPDATE, pod, podHeaders(pod).andThen(volumeHeader(volumes)));
  }

  @Override
  public Optional<PodStatus> delete(Pod pod, Duration gracePeriod) {
    Object reply =
        request(
            ProviderOperation.DELETE,
            pod,
            podHeaders(pod)
                .andThen(m -> m.setHeader(VkHeaders.POD_GRACE_PERIOD, gracePeriod.toSeconds())));
    return reply instanceof PodStatus last ? Optional.of(last) : Optional.empty();
  }

  @Override
  public Optional<PodStatus> status(Pod pod) {
    return ProviderReplies.status(request(ProviderOperation.STATUS, null, podHeaders(pod)));
  }

  @Override
  public List<Pod> pods() {
    return ProviderReplies.pods(request(ProviderOperation.PODS, null, m -> {}));
  }

  @Override
  public NodeProfile node(String nodeName) {
    return ProviderReplies.node(
        request(ProviderOperation.NODE, null, m -> m.setHeader(VkHeaders.NODE_NAME, nodeName)));
  }

  @Override
  public InputStream logs(String namespace, String pod, String container, LogOptions options) {
    return ProviderReplies.logs(
        request(
            ProviderOperation.LOGS,
            null,
            m -> {
              m.setHeader(VkHeaders.POD_NAMESPACE, namespace);
              m.setHeader(VkHeaders.POD_NAME, pod);
              m.setHeader(VkHeaders.CONTAINER_NAME, container);
              LogHeaders.write(options, m);
            }));
  }

  @Override
  public Set<ProviderCapability> capabilities() {
    return ProviderReplies.capabilities(
        name, request(ProviderOperation.CAPABILITIES, null, m -> {}));
  }

  private static Consumer<Message> podHeaders(Pod pod) {
    return m -> {
      m.setHeader(VkHeaders.POD_NAMESPACE, pod.getMetadata().getNamespace());
      m.setHeader(VkHeaders.POD_NAME, pod.getMetadata().getName());
      m.setHeader(VkHeaders.POD_UID, pod.getMetadata().getUid());
    };
  }

  private static Consumer<Message> volumeHeader(PodVolumes volumes) {
    return m -> {
      if (volumes != null) {
        m.setHeader(VkHeaders.POD_VOLUMES, volumes);
      }
    };
  }

  private Object request(ProviderOperation operation, Object body, Consumer<Message> headers) {
    Exchange reply =
        template.send(
            endpoint,
            exchange -> {
              Message message = exchange.getMessage();
              message.setHeader(VkHeaders.PROVIDER, name);
              message.setHeader(VkHeaders.OPERATION, operation.value());
              headers.accept(message);
              message.setBody(body);
            });
    Exception failure = reply.getException();
    if (failure instanceof RuntimeException unchecked) {
      throw unchecked;
    }
    if (failure != null) {
      throw new IllegalStateException(failure.getMessage(), failure);
    }
    return reply.getMessage().getBody();
  }
}
