package io.camelvk.api;

import io.camelvk.api.stats.NodeUsage;
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
import io.camelvk.node.NodeProfiles;
import io.camelvk.node.NodeSettings;
import io.camelvk.pod.ClusterCache;
import io.camelvk.pod.PodKey;
import io.camelvk.provider.runtime.ProviderHandle;
import io.camelvk.provider.runtime.Providers;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.netty.handler.ssl.SslContext;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.net.ssl.SSLException;

/** Assembles the kubelet API server: TLS material, access control and the endpoints. */
public final class KubeletApi {

  private KubeletApi() {}

  /**
   * @param providers the node's providers
   * @param providerOf the provider that runs a pod, empty while none does
   * @param profiles what the providers say about the node
   */
  public static KubeletApiServer server(
      KubernetesClient client,
      NodeSettings node,
      KubeletApiSettings settings,
      ClusterCache cache,
      Function<PodKey, Optional<ProviderHandle>> providerOf,
      Providers providers,
      NodeProfiles profiles,
      Clock clock,
      StreamSessionCounter sessions) {
    List<X509Certificate> clientCas = ClientCaSource.of(settings, client.getConfiguration());
    CompletableFuture<Supplier<SslContext>> tls = serverTls(settings, node, clientCas, clock);
    ApiAccess access =
        new ApiAccess(
            new ClientCertificateAuthenticator(clientCas),
            new TokenReviewAuthenticator(client, clock),
            new NodeAuthorizer(client, node.nodeName(), clock),
            settings.authEnabled());
    UsageCollector usage =
        new UsageCollector(
            node.nodeName(),
            clock.instant(),
            cache::pods,
            key -> providerOf.apply(key).flatMap(p -> p.capabilities().stats()),
            profiles::combined,
            clock);
    NodeUsage nodeUsage =
        new NodeUsage(
            () -> anyReportsUsage(providers) ? Optional.of(usage) : Optional.empty(),
            providers.names());
    StreamBackend streams = new StreamBackend(providerOf, sessions);
    List<KubeletEndpoint> endpoints =
        List.of(
            new HealthzEndpoint(),
            PodListEndpoint.boundPods(cache::pods),
            PodListEndpoint.runningPods(() -> runningPods(providers)),
            new ContainerLogsEndpoint(cache::pod, providerOf, clock),
            streaming(StreamRequest.Kind.EXEC, cache, streams),
            streaming(StreamRequest.Kind.ATTACH, cache, streams),
            streaming(StreamRequest.Kind.PORT_FORWARD, cache, streams),
            new StatsSummaryEndpoint(nodeUsage),
            new ResourceMetricsEndpoint(nodeUsage));
    return new KubeletApiServer(node.kubeletPort(), tls, access, endpoints, settings);
  }

  /**
   * The serving TLS: from the files given at once, read again when they change; a self-signed
   * certificate is made on a thread of its own (most of a second, mostly in loading the certificate
   * library), while the rest starts.
   */
  private static CompletableFuture<Supplier<SslContext>> serverTls(
      KubeletApiSettings settings,
      NodeSettings node,
      List<X509Certificate> clientCas,
      Clock clock) {
    Supplier<SslContext> tls =
        () -> {
          try {
            return ServerTls.context(
                ServingCertificate.of(settings, node.nodeName(), node.internalIp()), clientCas);
          } catch (SSLException e) {
            throw new IllegalStateException(
                "cannot set up the kubelet API's TLS: " + e.getMessage(), e);
          }
        };
    if (ServingCertificate.fromFiles(settings)) {
      return CompletableFuture.completedFuture(
          new ReloadingTls(
              List.of(settings.certificate().get(), settings.key().get()), tls, clock));
    }
    return CompletableFuture.supplyAsync(
        () -> {
          SslContext selfSigned = tls.get();
          return () -> selfSigned;
        },
        task -> Thread.ofPlatform().name("kubelet-api-certificate").daemon().start(task));
  }

  /** What every provider says it runs ({@code /runningpods/}). */
  private static List<Pod> runningPods(Providers providers) {
    return providers.all().stream().flatMap(p -> p.client().pods().stream()).toList();
  }

  private static boolean anyReportsUsage(Providers providers) {
    return providers.all().stream().anyMatch(p -> p.capabilities().stats().isPresent());
  }

  private static KubeletEndpoint streaming(
      StreamRequest.Kind kind, ClusterCache cache, StreamBackend streams) {
    List<StreamTransport> transports = List.of(new SpdyTransport(), new WebSocketTransport());
    return new StreamingEndpoint(kind, cache::pod, streams, transports);
  }
}
