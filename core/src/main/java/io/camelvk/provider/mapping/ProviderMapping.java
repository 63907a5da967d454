package io.camelvk.provider.mapping;

import io.camelvk.provider.VkHeaders;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;

/**
 * Picks the provider of each new pod: the pod's {@code virtual-kubelet.io/provider} annotation if
 * it has one, else the mapping route ({@code direct:vk-provider-mapping}, from {@link
 * MappingFile}), which gets the pod as body, {@link VkHeaders#PROVIDER} preset to the default and
 * the pod's labels, annotations, node selector, runtime class and requests as headers, and sets
 * {@link VkHeaders#PROVIDER}. A name that is not one of the node's providers places the pod
 * nowhere.
 */
public final class ProviderMapping implements ProviderChooser {

  public static final String ENDPOINT = "direct:vk-provider-mapping";
  public static final String ANNOTATION = "virtual-kubelet.io/provider";

  private final String defaultProvider;
  private final List<String> providers;
  private final ProducerTemplate template;

  public ProviderMapping(String defaultProvider, List<String> providers, CamelContext context) {
    this.defaultProvider = defaultProvider;
    this.providers = List.copyOf(providers);
    this.template = context.createProducerTemplate();
  }

  @Override
  public ProviderChoice choose(Pod pod, Map<String, ?> requests) {
    String annotated = annotations(pod).get(ANNOTATION);
    if (annotated != null) {
      return known(annotated, "the pod's annotation " + ANNOTATION);
    }
    Exchange reply =
        template.send(ENDPOINT, exchange -> describe(exchange.getMessage(), pod, requests));
    if (reply.getException() != null) {
      return ProviderChoice.none(
          ProviderChoice.MAPPING_FAILED,
          "the provider mapping failed for this pod: " + reply.getException().getMessage());
    }
    String chosen = reply.getMessage().getHeader(VkHeaders.PROVIDER, String.class);
    if (chosen == null || chosen.isBlank()) {
      return ProviderChoice.none(
          ProviderChoice.UNKNOWN_PROVIDER, "the provider mapping chose no provider for this pod");
    }
    return known(chosen.strip(), "the provider mapping");
  }

  private ProviderChoice known(String name, String source) {
    if (providers.contains(name)) {
      return ProviderChoice.of(name);
    }
    return ProviderChoice.none(
        ProviderChoice.UNKNOWN_PROVIDER,
        source
            + " names provider '"
            + name
            + "', which this node does not run ("
            + String.join(", ", providers)
            + "); the pod waits until the mapping or the pod changes");
  }

  private void describe(Message message, Pod pod, Map<String, ?> requests) {
    message.setBody(pod);
    message.setHeader(VkHeaders.PROVIDER, defaultProvider);
    message.setHeader(VkHeaders.POD_NAMESPACE, pod.getMetadata().getNamespace());
    message.setHeader(VkHeaders.POD_NAME, pod.getMetadata().getName());
    message.setHeader(VkHeaders.POD_UID, pod.getMetadata().getUid());
    message.setHeader(VkHeaders.POD_LABELS, orEmpty(pod.getMetadata().getLabels()));
    message.setHeader(VkHeaders.POD_ANNOTATIONS, annotations(pod));
    message.setHeader(VkHeaders.POD_NODE_SELECTOR, orEmpty(pod.getSpec().getNodeSelector()));
    Optional.ofNullable(pod.getSpec().getRuntimeClassName())
        .ifPresent(runtimeClass -> message.setHeader(VkHeaders.POD_RUNTIME_CLASS, runtimeClass));
    message.setHeader(VkHeaders.POD_REQUESTS, requests);
  }

  private static Map<String, String> annotations(Pod pod) {
    return orEmpty(pod.getMetadata().getAnnotations());
  }

  private static Map<String, String> orEmpty(Map<String, String> map) {
    return map == null ? Map.of() : map;
  }
}
