package io.camelvk.api.stream.spdy;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakerFactory;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import io.netty.handler.codec.spdy.DefaultSpdyDataFrame;
import io.netty.handler.codec.spdy.DefaultSpdyPingFrame;
import io.netty.handler.codec.spdy.DefaultSpdySynStreamFrame;
import io.netty.handler.codec.spdy.SpdyDataFrame;
import io.netty.handler.codec.spdy.SpdyFrame;
import io.netty.handler.codec.spdy.SpdyFrameCodec;
import io.netty.handler.codec.spdy.SpdyVersion;
import io.netty.handler.ssl.SslContext;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A small SPDY/3.1 client as spdystream is one, for tests: upgrades an HTTPS request (plain {@code
 * Upgrade: SPDY/3.1}, or port-forward's WebSocket tunnel), opens streams and records every frame
 * the server sends.
 */
public final class SpdyTestClient implements AutoCloseable {

  private final EventLoopGroup group = new NioEventLoopGroup(1);
  private final CompletableFuture<FullHttpResponse> answer = new CompletableFuture<>();
  private final List<SpdyFrame> received = new CopyOnWriteArrayList<>();
  private Channel channel;
  private int nextStreamId = 1;

  private SpdyTestClient() {}

  /** {@code POST path} with {@code Upgrade: SPDY/3.1} and these X-Stream-Protocol-Version lines. */
  public static SpdyTestClient upgrade(
      SslContext tls, int port, String path, List<String> protocols) throws Exception {
    SpdyTestClient client = new SpdyTestClient();
    client.connect(tls, port, null);
    FullHttpRequest request =
        new DefaultFullHttpRequest(
            HttpVersion.HTTP_1_1, HttpMethod.POST, path, Unpooled.EMPTY_BUFFER);
    request.headers().set("Host", "127.0.0.1:" + port);
    request.headers().set("Connection", "Upgrade");
    request.headers().set("Upgrade", "SPDY/3.1");
    protocols.forEach(p -> request.headers().add("X-Stream-Protocol-Version", p));
    client.channel.writeAndFlush(request);
    client.answer.get(10, TimeUnit.SECONDS);
    return client;
  }

  /** {@code GET path} as a WebSocket offering {@code SPDY/3.1+portforward.k8s.io}. */
  public static SpdyTestClient tunnel(SslContext tls, int port, String path) throws Exception {
    SpdyTestClient client = new SpdyTestClient();
    HttpHeaders none = new DefaultHttpHeaders();
    WebSocketClientHandshaker handshaker =
        WebSocketClientHandshakerFactory.newHandshaker(
            URI.create("wss://127.0.0.1:" + port + path),
            WebSocketVersion.V13,
            WebSocketTunnel.PROTOCOL,
            false,
            none,
            WebSocketTunnel.MAX_MESSAGE_BYTES);
    client.connect(tls, port, handshaker);
    handshaker.handshake(client.channel).sync();
    client.answer.get(10, TimeUnit.SECONDS);
    return client;
  }

  private void connect(SslContext tls, int port, WebSocketClientHandshaker handshaker)
      throws InterruptedException {
    channel =
        new Bootstrap()
            .group(group)
            .channel(NioSocketChannel.class)
            .handler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    ch.pipeline()
                        .addLast("tls", tls.newHandler(ch.alloc(), "127.0.0.1", port))
                        .addLast("http", new HttpClientCodec())
                        .addLast("aggregator", new HttpObjectAggregator(1 << 16))
                        .addLast("answer", new Answer(handshaker));
                  }
                })
            .connect("127.0.0.1", port)
            .sync()
            .channel();
  }

  /** The server's answer to the upgrade request. */
  public FullHttpResponse response() {
    return answer.join();
  }

  public boolean switched() {
    return response().status().equals(HttpResponseStatus.SWITCHING_PROTOCOLS);
  }

  /** Opens a stream with these (lowercase) headers; returns its id. */
  public synchronized int open(Map<String, String> headers) {
    int id = nextStreamId;
    nextStreamId += 2;
    DefaultSpdySynStreamFrame syn = new DefaultSpdySynStreamFrame(id, 0, (byte) 0);
    headers.forEach(syn.headers()::set);
    channel.writeAndFlush(syn);
    return id;
  }

  public void send(int id, String data, boolean fin) {
    channel.writeAndFlush(
        new DefaultSpdyDataFrame(id, Unpooled.copiedBuffer(data, StandardCharsets.UTF_8))
            .setLast(fin));
  }

  public void ping(int id) {
    channel.writeAndFlush(new DefaultSpdyPingFrame(id));
  }

  /** Every frame received so far (DATA frames hold copies of their bytes). */
  public List<SpdyFrame> frames() {
    return List.copyOf(received);
  }

  /** What the server sent on a stream so far. */
  public String data(int id) {
    StringBuilder out = new StringBuilder();
    for (SpdyFrame frame : received) {
      if (frame instanceof SpdyDataFrame data && data.streamId() == id) {
        out.append(data.content().toString(StandardCharsets.UTF_8));
      }
    }
    return out.toString();
  }

  /** Whether the server half-closed the stream (DATA with FIN). */
  public boolean finished(int id) {
    return received.stream()
        .anyMatch(f -> f instanceof SpdyDataFrame d && d.streamId() == id && d.isLast());
  }

  public boolean isOpen() {
    return channel.isActive();
  }

  @Override
  public void close() {
    if (channel != null) {
      channel.close().syncUninterruptibly();
    }
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
  }

  /** Takes the answer; on 101, puts the SPDY codec where HTTP was. */
  private final class Answer extends SimpleChannelInboundHandler<FullHttpResponse> {
    private final WebSocketClientHandshaker handshaker;

    Answer(WebSocketClientHandshaker handshaker) {
      this.handshaker = handshaker;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext context, FullHttpResponse response) {
      ChannelPipeline pipeline = context.pipeline();
      if (response.status().equals(HttpResponseStatus.SWITCHING_PROTOCOLS)) {
        pipeline.remove(this);
        pipeline.remove("aggregator");
        if (handshaker != null) {
          handshaker.finishHandshake(context.channel(), response);
          pipeline.addLast("tunnel", new WebSocketTunnelFrames());
        } else {
          pipeline.addAfter("http", "spdy", new SpdyFrameCodec(SpdyVersion.SPDY_3_1));
          pipeline.remove("http");
        }
        if (pipeline.get("spdy") == null) {
          pipeline.addLast("spdy", new SpdyFrameCodec(SpdyVersion.SPDY_3_1));
        }
        pipeline.addLast("frames", new Recorder());
      }
      answer.complete(response.retainedDuplicate());
    }
  }

  private final class Recorder extends SimpleChannelInboundHandler<SpdyFrame> {
    @Override
    protected void channelRead0(ChannelHandlerContext context, SpdyFrame frame) {
      if (frame instanceof SpdyDataFrame data) {
        received.add(
            new DefaultSpdyDataFrame(
                    data.streamId(), Unpooled.wrappedBuffer(ByteBufUtil.getBytes(data.content())))
                .setLast(data.isLast()));
      } else {
        received.add(frame);
      }
    }
  }
}
