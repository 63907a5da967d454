package io.camelvk.api;

import io.camelvk.api.stats.ResourceMetricsEndpoint;
import io.camelvk.api.stats.StatsSummaryEndpoint;
import io.camelvk.api.stats.UsageCollector;
import io.camelvk.api.stream.StreamBackend;
import io.camelvk.api.stream.StreamRequest;
import io.camelvk.api.stream.StreamSessionCounter;
import io.camelvk.api.stream.StreamTransport;
import io.camelvk.api.stream.StreamingEndpoint;
import io.camelvk.api.stream.spdy.SpdyTransport;
import io.camelvk.api.stream.websocket.WebSocketTransport;
import io.camelvk.config.KubeletApiSettings;
import io.camelvk.node.NodeSettings;
import io.camelvk.pod.ClusterCache;
import io.camelvk.provider.PodStats;
import io.camelvk.provider.Provider;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLException;

/** Assembles the kubelet API server: TLS material, access control and the endpoints. */
public final class KubeletApi {

  private KubeletApi() {}

  public static KubeletApiServer server(
      KubernetesClient client,
      NodeSettings node,
      KubeletApiSettings settings,
      ClusterCache cache,
      Provider provider,
      Clock clock,
      StreamSessionCounter sessions) {
    List<X509Certificate> clientCas =
        settings.clientCa().map(ServingCertificate::readCertificates).orElse(List.of());
    ServingCertificate serving =
        ServingCertificate.of(settings, node.nodeName(), node.internalIp());
    ApiAccess access =
        new ApiAccess(
            new ClientCertificateAuthenticator(clientCas),
            new TokenReviewAuthenticator(client, clock),
            new NodeAuthorizer(client, node.nodeName(), clock),
            settings.authEnabled());
    Optional<UsageCollector> usage = usage(node.nodeName(), cache, provider, clock);
    List<KubeletEndpoint> endpoints =
        List.of(
            new HealthzEndpoint(),
            PodListEndpoint.boundPods(cache::pods),
            PodListEndpoint.runningPods(provider::pods),
            new ContainerLogsEndpoint(cache::pod, provider, clock),
            streaming(StreamRequest.Kind.EXEC, cache, provider, sessions),
            streaming(StreamRequest.Kind.ATTACH, cache, provider, sessions),
            streaming(StreamRequest.Kind.PORT_FORWARD, cache, provider, sessions),
            new StatsSummaryEndpoint(usage, provider.name()),
            new ResourceMetricsEndpoint(usage, provider.name()));
    try {
      return new KubeletApiServer(
          node.kubeletPort(), ServerTls.context(serving, clientCas), access, endpoints, settings);
    } catch (SSLException e) {
      throw new IllegalStateException("cannot set up the kubelet API's TLS: " + e.getMessage(), e);
    }
  }

  /** Usage of the pods in the cache, when the provider reports it; the node starts now. */
  private static Optional<UsageCollector> usage(
      String nodeName, ClusterCache cache, Provider provider, Clock clock) {
    if (!(provider instanceof PodStats stats)) {
      return Optional.empty();
    }
    return Optional.of(
        new UsageCollector(
            nodeName,
            clock.instant(),
            cache::pods,
            stats,
            () -> provider.nodeProfile(nodeName),
            clock));
  }

  private static KubeletEndpoint streaming(
      StreamRequest.Kind kind,
      ClusterCache cache,
      Provider provider,
      StreamSessionCounter sessions) {
    List<StreamTransport> transports = List.of(new SpdyTransport(), new WebSocketTransport());
    return new StreamingEndpoint(
        kind, cache::pod, new StreamBackend(provider, sessions), transports);
  }
}
