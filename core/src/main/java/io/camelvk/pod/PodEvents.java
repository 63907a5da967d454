package io.camelvk.pod;

import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Records events on pods, as the kubelet does, with our node as the source host. */
public final class PodEvents {

  public static final String COMPONENT = "virtual-kubelet";
  private static final Logger LOG = LoggerFactory.getLogger(PodEvents.class);

  private final KubernetesClient client;
  private final String nodeName;
  private final Clock clock;

  public PodEvents(KubernetesClient client, String nodeName, Clock clock) {
    this.client = client;
    this.nodeName = nodeName;
    this.clock = clock;
  }

  public void warning(Pod pod, String reason, String message) {
    record(pod, "Warning", reason, message);
  }

  public void normal(Pod pod, String reason, String message) {
    record(pod, "Normal", reason, message);
  }

  /** Never fails the caller: an event that cannot be written is logged and dropped. */
  public void record(Pod pod, String type, String reason, String message) {
    String now =
        DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(ChronoUnit.SECONDS));
    var event =
        new EventBuilder()
            .withNewMetadata()
            .withNamespace(pod.getMetadata().getNamespace())
            .withName(
                pod.getMetadata().getName()
                    + "."
                    + UUID.randomUUID().toString().substring(0, 13).replace("-", ""))
            .endMetadata()
            .withNewInvolvedObject()
            .withApiVersion("v1")
            .withKind("Pod")
            .withNamespace(pod.getMetadata().getNamespace())
            .withName(pod.getMetadata().getName())
            .withUid(pod.getMetadata().getUid())
            .endInvolvedObject()
            .withType(type)
            .withReason(reason)
            .withMessage(message)
            .withNewSource(nodeName, COMPONENT)
            .withReportingComponent(COMPONENT)
            .withReportingInstance(nodeName)
            .withFirstTimestamp(now)
            .withLastTimestamp(now)
            .withCount(1)
            .build();
    try {
      client.v1().events().inNamespace(pod.getMetadata().getNamespace()).resource(event).create();
    } catch (KubernetesClientException e) {
      LOG.warn(
          "cannot record event {} on pod {}/{}: {}",
          reason,
          pod.getMetadata().getNamespace(),
          pod.getMetadata().getName(),
          e.getMessage());
    }
  }
}
