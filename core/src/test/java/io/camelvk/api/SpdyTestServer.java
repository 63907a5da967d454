package io.camelvk.api;

import io.camelvk.api.stream.StreamBackend;
import io.camelvk.api.stream.StreamRequest;
import io.camelvk.api.stream.StreamingEndpoint;
import io.camelvk.api.stream.spdy.SpdyTransport;
import io.camelvk.config.KubeletApiSettings;
import io.camelvk.controlplane.LoopbackPorts;
import io.camelvk.provider.Provider;
import io.camelvk.test.TestPods;
import io.camelvk.test.TestProviders;
import io.fabric8.kubernetes.api.model.Pod;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A kubelet API server with only /exec, /attach and /portForward over the SPDY transport, access
 * control off, for pods {@code ns/<name>} with one container {@code app}.
 */
final class SpdyTestServer implements AutoCloseable {

  private static final KubeletApiSettings OPEN = KubeletApiSettings.DEFAULT.withAuth(false);

  private final KubeletApiServer server;

  private SpdyTestServer(KubeletApiServer server) {
    this.server = server;
  }

  static SpdyTestServer start(Provider provider, Duration streamCreationTimeout, String... pods)
      throws Exception {
    StreamBackend backend = TestProviders.streams(provider);
    SpdyTransport spdy = new SpdyTransport(streamCreationTimeout);
    List<KubeletEndpoint> endpoints =
        Arrays.stream(StreamRequest.Kind.values())
            .<KubeletEndpoint>map(
                kind ->
                    new StreamingEndpoint(
                        kind,
                        key ->
                            key.namespace().equals("ns") && List.of(pods).contains(key.name())
                                ? Optional.of(pod(key.name()))
                                : Optional.empty(),
                        backend,
                        List.of(spdy)))
            .toList();
    KubeletApiServer server =
        new KubeletApiServer(
            LoopbackPorts.free(),
            fixed(ServerTls.context(ServingCertificate.of(OPEN, "node-a", "127.0.0.1"), List.of())),
            new ApiAccess(null, null, null, false),
            endpoints,
            OPEN);
    server.start();
    return new SpdyTestServer(server);
  }

  int port() {
    return server.port();
  }

  static SslContext clientTls() throws Exception {
    return SslContextBuilder.forClient().trustManager(InsecureTrustManagerFactory.INSTANCE).build();
  }

  static Pod pod(String name) {
    return TestPods.named("ns", name, "uid-" + name).build();
  }

  @Override
  public void close() {
    server.stop();
  }

  private static java.util.concurrent.CompletableFuture<
          java.util.function.Supplier<io.netty.handler.ssl.SslContext>>
      fixed(io.netty.handler.ssl.SslContext context) {
    return java.util.concurrent.CompletableFuture.completedFuture(() -> context);
  }
}
