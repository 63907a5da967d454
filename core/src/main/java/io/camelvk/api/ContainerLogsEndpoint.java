package io.camelvk.api;

import io.camelvk.pod.PodKey;
import io.camelvk.pod.PodSpecContainers;
import io.camelvk.provider.ContainerLogs;
import io.camelvk.provider.LogOptions;
import io.camelvk.provider.ProviderException;
import io.camelvk.provider.runtime.ProviderHandle;
import io.fabric8.kubernetes.api.model.Pod;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;

/** {@code /containerLogs/{namespace}/{pod}/{container}}, with the kubelet's answers. */
final class ContainerLogsEndpoint implements KubeletEndpoint {

  static final String PREFIX = "/containerLogs/";

  private final Function<PodKey, Optional<Pod>> pods;
  private final Function<PodKey, Optional<ProviderHandle>> providers;
  private final Clock clock;

  /**
   * @param providers the provider that runs a pod, empty while none does
   */
  ContainerLogsEndpoint(
      Function<PodKey, Optional<Pod>> pods,
      Function<PodKey, Optional<ProviderHandle>> providers,
      Clock clock) {
    this.pods = pods;
    this.providers = providers;
    this.clock = clock;
  }

  @Override
  public boolean serves(String path) {
    return path.startsWith(PREFIX);
  }

  @Override
  public void serve(ApiRequest request) {
    String[] parts = request.path().substring(PREFIX.length()).split("/", -1);
    if (parts.length > 3) {
      request.respondText(HttpResponseStatus.NOT_FOUND, "404 page not found\n");
      return;
    }
    if (!request.allows(HttpMethod.GET)) {
      return;
    }
    String namespace = parts[0];
    String pod = parts.length > 1 ? parts[1] : "";
    String container = parts.length > 2 ? parts[2] : "";
    String missing =
        pod.isEmpty()
            ? "podID"
            : container.isEmpty() ? "container name" : namespace.isEmpty() ? "podNamespace" : null;
    if (missing != null) {
      request.respondText(
          HttpResponseStatus.BAD_REQUEST, "{\"message\": \"Missing " + missing + ".\"}");
      return;
    }
    LogOptions options;
    try {
      options = LogQuery.parse(request.query(), clock);
    } catch (LogQuery.Refused e) {
      request.respondText(e.status(), e.getMessage());
      return;
    }
    serve(request, namespace, pod, container, options);
  }

  private void serve(
      ApiRequest request, String namespace, String pod, String container, LogOptions options) {
    Optional<Pod> cached = pods.apply(new PodKey(namespace, pod));
    if (cached.isEmpty()) {
      request.respondText(HttpResponseStatus.NOT_FOUND, "pod \"" + pod + "\" does not exist");
      return;
    }
    if (!PodSpecContainers.has(cached.get().getSpec(), container)) {
      request.respondText(
          HttpResponseStatus.NOT_FOUND,
          "container \"" + container + "\" not found in pod \"" + pod + "\"");
      return;
    }
    Optional<ProviderHandle> provider = providers.apply(new PodKey(namespace, pod));
    if (provider.isEmpty()) {
      request.respondText(
          HttpResponseStatus.BAD_REQUEST,
          "container \""
              + container
              + "\" in pod \""
              + pod
              + "\" is waiting to start: "
              + "ContainerCreating");
      return;
    }
    Optional<ContainerLogs> logs = provider.get().capabilities().logs();
    if (logs.isEmpty()) {
      request.respondText(
          HttpResponseStatus.NOT_IMPLEMENTED,
          "provider " + provider.get().name() + " cannot show container logs");
      return;
    }
    InputStream log;
    try {
      log = logs.get().logs(namespace, pod, container, options);
    } catch (ProviderException e) {
      request.respondText(HttpResponseStatus.BAD_REQUEST, e.getMessage());
      return;
    }
    try {
      LogStreamer.stream(request, log, options.limitBytes());
    } catch (IOException e) {
      request.context().close();
    }
  }
}
