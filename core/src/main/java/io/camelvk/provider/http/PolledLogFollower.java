package io.camelvk.provider.http;

import io.camelvk.provider.PodNotFoundException;
import io.camelvk.provider.VkHeaders;
import java.io.InputStream;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

/**
 * {@code kubectl logs -f} for a backend without a log stream: after the log a route fetched, the
 * whole log asked again every {@link #POLL_PERIOD} through the route's fetch endpoint, and what is
 * new given to the client. A YAML route binds it as a bean ({@code fetchUri} the endpoint that
 * answers a container's log for the {@code Vk*} headers, a 404 thrown as {@link
 * PodNotFoundException}) and calls {@code follow} with the container and the log it fetched when
 * {@code VkLogFollow} is true.
 */
public final class PolledLogFollower {

  /** How often a followed log is asked again: kubectl shows new lines within about this. */
  public static final Duration POLL_PERIOD = Duration.ofSeconds(1);

  private String fetchUri;
  private Duration period = POLL_PERIOD;
  private ProducerTemplate template;

  public void setFetchUri(String fetchUri) {
    this.fetchUri = fetchUri;
  }

  void setPeriod(Duration period) {
    this.period = period;
  }

  /**
   * @param container {@code <namespace>/<pod>/<container>}
   * @param shown the log the client was given first
   * @return that log, then what the log gains
   */
  public InputStream follow(String container, String shown, Exchange exchange) {
    if (fetchUri == null) {
      throw new IllegalStateException("PolledLogFollower needs fetchUri");
    }
    String[] names = container.split("/", 3);
    if (names.length != 3) {
      throw new IllegalArgumentException("not <namespace>/<pod>/<container>: " + container);
    }
    ProducerTemplate template = template(exchange);
    Map<String, Object> headers =
        Map.of(
            VkHeaders.POD_NAMESPACE, names[0],
            VkHeaders.POD_NAME, names[1],
            VkHeaders.CONTAINER_NAME, names[2]);
    return new PolledLogStream(shown == null ? "" : shown, () -> whole(template, headers), period);
  }

  /** One for every follow: a template per follow would keep its producers until the end. */
  private synchronized ProducerTemplate template(Exchange exchange) {
    if (template == null) {
      template = exchange.getContext().createProducerTemplate();
    }
    return template;
  }

  private Optional<String> whole(ProducerTemplate template, Map<String, Object> headers) {
    try {
      return Optional.ofNullable(
          template.requestBodyAndHeaders(fetchUri, null, headers, String.class));
    } catch (RuntimeException e) {
      if (causedBy(e, PodNotFoundException.class)) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }
}
