package io.camelvk.providers.web;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

/**
 * The pods' statuses from one {@code GET /getPods} per period instead of one {@code /getPodStatus}
 * per pod: the core asks each pod's status every 5 s, and the answer comes from the list fetched at
 * most {@link #setPeriod period} ago. A pod not in that list (created since, or lost by the
 * backend) or listed with another UID is a miss, and the route asks {@code /getPodStatus} for it as
 * before, so a new pod is Running as soon as the backend says so and a lost one is created again.
 * One fetch at a time; the others wait for it.
 */
public final class PodStatusBatch {

  /** How old the list may be: the core's own status period. */
  public static final Duration DEFAULT_PERIOD = Duration.ofSeconds(5);

  private static final KubernetesSerialization JSON = new KubernetesSerialization();

  private record Listed(String uid, PodStatus status) {}

  private String fetchUri;
  private Duration period = DEFAULT_PERIOD;
  private Clock clock = Clock.systemUTC();
  private ProducerTemplate template;
  private Map<String, Listed> listed = Map.of();
  private Instant fetchedAt = Instant.MIN;

  /** The endpoint that answers {@code /getPods}'s JSON text. */
  public void setFetchUri(String fetchUri) {
    this.fetchUri = fetchUri;
  }

  /** A Go duration in {@code vk.provider.web.status-batch-period}; {@code 0} asks each pod. */
  public void setPeriod(String period) {
    this.period = io.camelvk.config.GoDuration.parse(period);
  }

  void setClock(Clock clock) {
    this.clock = clock;
  }

  /**
   * The pod's status as last listed, or null for a miss (then asked on its own).
   *
   * @throws RuntimeException when the list cannot be fetched (the call fails as a per-pod one
   *     would)
   */
  public PodStatus status(String namespace, String name, String uid, Exchange exchange) {
    if (period.isZero()) {
      return null;
    }
    Listed pod = current(exchange).get(namespace + "/" + name);
    return pod == null || !Objects.equals(pod.uid(), uid) ? null : pod.status();
  }

  private synchronized Map<String, Listed> current(Exchange exchange) {
    if (Duration.between(fetchedAt, clock.instant()).compareTo(period) >= 0) {
      if (template == null) {
        template = exchange.getContext().createProducerTemplate();
      }
      listed = index(fetch());
      fetchedAt = clock.instant();
    }
    return listed;
  }

  /** The list as text; a failure is the route's own exception, as a per-pod call would throw. */
  private String fetch() {
    try {
      return template.requestBody(fetchUri, null, String.class);
    } catch (CamelExecutionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }

  private static Map<String, Listed> index(String pods) {
    List<Pod> all =
        JSON.unmarshal(
            new ByteArrayInputStream(pods.getBytes(StandardCharsets.UTF_8)),
            new com.fasterxml.jackson.core.type.TypeReference<List<Pod>>() {});
    Map<String, Listed> index = new HashMap<>();
    for (Pod pod : all) {
      if (pod.getMetadata() != null && pod.getStatus() != null) {
        index.put(
            pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName(),
            new Listed(pod.getMetadata().getUid(), pod.getStatus()));
      }
    }
    return index;
  }
}
