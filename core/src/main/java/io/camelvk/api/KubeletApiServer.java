package io.camelvk.api;

import io.camelvk.config.KubeletApiSettings;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.ssl.SslContext;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.apache.camel.Service;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kubelet HTTPS API on {@code --kubelet-port}, run as a Camel service: Netty, TLS, then {@link
 * KubeletApiRouter} with the endpoints. Requests run on virtual threads.
 */
public final class KubeletApiServer implements Service {

  private static final Logger LOG = LoggerFactory.getLogger(KubeletApiServer.class);
  private static final int EVENT_LOOP_THREADS = 2;

  private final int port;
  private final CompletableFuture<Supplier<SslContext>> preparedTls;
  private final ApiAccess access;
  private final List<KubeletEndpoint> endpoints;
  private final boolean authEnabled;
  private EventLoopGroup boss;
  private EventLoopGroup workers;
  private ExecutorService requests;
  private Channel listener;

  KubeletApiServer(
      int port,
      CompletableFuture<Supplier<SslContext>> tls,
      ApiAccess access,
      List<KubeletEndpoint> endpoints,
      KubeletApiSettings settings) {
    this.port = port;
    this.preparedTls = tls;
    this.access = access;
    this.endpoints = List.copyOf(endpoints);
    this.authEnabled = settings.authEnabled();
  }

  @Override
  public synchronized void start() {
    if (listener != null) {
      return;
    }
    if (!authEnabled) {
      LOG.warn(
          "--kubelet-api-auth=false: the kubelet API on port {} serves every request without"
              + " authentication or authorization",
          port);
    }
    Supplier<SslContext> tls = tls();
    boss = new NioEventLoopGroup(1);
    workers = new NioEventLoopGroup(EVENT_LOOP_THREADS);
    requests =
        Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("kubelet-api-", 0).factory());
    try {
      listener =
          new ServerBootstrap()
              .group(boss, workers)
              .channel(NioServerSocketChannel.class)
              .childHandler(
                  new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                      channel
                          .pipeline()
                          .addLast("tls", tls.get().newHandler(channel.alloc()))
                          .addLast("http", new HttpServerCodec())
                          .addLast("router", new KubeletApiRouter(access, endpoints, requests));
                    }
                  })
              .bind(new InetSocketAddress(port))
              .syncUninterruptibly()
              .channel();
    } catch (Exception e) { // Netty rethrows the BindException unchecked
      stop();
      throw new IllegalStateException(
          "cannot serve the kubelet API on port " + port + ": " + e.getMessage(), e);
    }
    LOG.info("kubelet API serving HTTPS on port {}", port);
  }

  private Supplier<SslContext> tls() {
    try {
      return preparedTls.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause
          ? cause
          : new IllegalStateException("cannot set up the kubelet API's TLS", e.getCause());
    }
  }

  @Override
  public synchronized void stop() {
    if (listener != null) {
      listener.close().syncUninterruptibly();
      listener = null;
    }
    if (boss != null) {
      boss.shutdownGracefully(0, 0, java.util.concurrent.TimeUnit.SECONDS);
      workers.shutdownGracefully(0, 0, java.util.concurrent.TimeUnit.SECONDS);
      requests.shutdownNow();
      boss = null;
    }
  }

  /** The port it listens on. */
  public int port() {
    return port;
  }
}
