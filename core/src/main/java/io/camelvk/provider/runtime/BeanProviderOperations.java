package io.camelvk.provider.runtime;

import io.camelvk.provider.ContainerLogs;
import io.camelvk.provider.GracePeriod;
import io.camelvk.provider.GracefulStop;
import io.camelvk.provider.PodNotFoundException;
import io.camelvk.provider.Provider;
import io.camelvk.provider.ProviderCapabilities;
import io.camelvk.provider.ProviderOperation;
import io.camelvk.provider.VkHeaders;
import io.camelvk.provider.VolumeMounts;
import io.camelvk.provider.volume.PodVolumes;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import java.time.Duration;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * A bean provider as its route sees it: each operation in {@link VkHeaders#OPERATION} becomes the
 * call of the {@link Provider} method, the answer the body. The {@code bean-provider} route
 * template calls it, bound as {@code <name>Provider}.
 */
public final class BeanProviderOperations implements Processor {

  private final Provider provider;

  public BeanProviderOperations(Provider provider) {
    this.provider = provider;
  }

  public Provider provider() {
    return provider;
  }

  @Override
  public void process(Exchange exchange) throws Exception {
    Message message = exchange.getMessage();
    ProviderOperation operation =
        ProviderOperation.of(message.getHeader(VkHeaders.OPERATION, String.class));
    switch (operation) {
      case CREATE -> {
        Pod pod = message.getMandatoryBody(Pod.class);
        mountVolumes(pod, message);
        provider.createPod(pod);
      }
      case UPDATE -> {
        Pod pod = message.getMandatoryBody(Pod.class);
        mountVolumes(pod, message);
        provider.updatePod(pod);
      }
      case DELETE -> message.setBody(stop(message));
      case STATUS ->
          message.setBody(provider.podStatus(namespace(message), podName(message)).orElse(null));
      case PODS -> message.setBody(provider.pods());
      case NODE ->
          message.setBody(
              provider.nodeProfile(message.getHeader(VkHeaders.NODE_NAME, String.class)));
      case LOGS -> message.setBody(logs(message));
      case CAPABILITIES -> message.setBody(ProviderCapabilities.implementedBy(provider));
    }
  }

  /** The containers' last states when the provider reports them, else no body. */
  private PodStatus stop(Message message) throws Exception {
    Pod pod = message.getMandatoryBody(Pod.class);
    if (provider instanceof GracefulStop graceful) {
      Long seconds = message.getHeader(VkHeaders.POD_GRACE_PERIOD, Long.class);
      Duration grace = seconds == null ? GracePeriod.of(pod) : Duration.ofSeconds(seconds);
      return graceful.stopPod(pod, grace).orElse(null);
    }
    provider.deletePod(pod);
    return null;
  }

  /** Hands a bean that takes volumes the pod's, when the core gives them, before the pod. */
  private void mountVolumes(Pod pod, Message message) {
    PodVolumes volumes = message.getHeader(VkHeaders.POD_VOLUMES, PodVolumes.class);
    if (provider instanceof VolumeMounts mounts && volumes != null) {
      mounts.mountVolumes(pod, volumes);
    }
  }

  private Object logs(Message message) {
    if (!(provider instanceof ContainerLogs logs)) {
      throw new PodNotFoundException("this provider keeps no container logs");
    }
    return logs.logs(
        namespace(message),
        podName(message),
        message.getHeader(VkHeaders.CONTAINER_NAME, String.class),
        LogHeaders.read(message));
  }

  private static String namespace(Message message) {
    return message.getHeader(VkHeaders.POD_NAMESPACE, String.class);
  }

  private static String podName(Message message) {
    return message.getHeader(VkHeaders.POD_NAME, String.class);
  }
}
