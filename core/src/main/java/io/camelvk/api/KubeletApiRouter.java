package io.camelvk.api;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.ssl.SslHandler;
import java.security.cert.Certificate;
import java.util.List;
import java.util.concurrent.ExecutorService;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes each request off the event loop, passes it through {@link ApiAccess} and hands it to the
 * first endpoint that serves its path; 404 when none does.
 */
final class KubeletApiRouter extends SimpleChannelInboundHandler<HttpObject> {

  private static final Logger LOG = LoggerFactory.getLogger(KubeletApiRouter.class);

  private final ApiAccess access;
  private final List<KubeletEndpoint> endpoints;
  private final ExecutorService requests;

  KubeletApiRouter(ApiAccess access, List<KubeletEndpoint> endpoints, ExecutorService requests) {
    this.access = access;
    this.endpoints = endpoints;
    this.requests = requests;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext context, HttpObject message) {
    if (!(message instanceof HttpRequest http)) {
      return;
    }
    if (http.decoderResult().isFailure()) {
      ApiRequest.respond(
          context, http, HttpResponseStatus.BAD_REQUEST, "text/plain", "malformed request");
      return;
    }
    Certificate[] peer = peerChain(context);
    requests.execute(() -> route(context, http, peer));
  }

  private void route(ChannelHandlerContext context, HttpRequest http, Certificate[] peer) {
    String path;
    try {
      path = new QueryStringDecoder(http.uri()).path();
      new QueryStringDecoder(http.uri()).parameters();
    } catch (IllegalArgumentException e) {
      ApiRequest.respond(
          context, http, HttpResponseStatus.BAD_REQUEST, "text/plain", "malformed URI\n");
      return;
    }
    try {
      ApiAccess.Decision decision = access.check(http, path, peer);
      if (!decision.allowed()) {
        ApiRequest.respond(
            context, http, decision.status(), "text/plain; charset=utf-8", decision.message());
        return;
      }
      ApiRequest request = new ApiRequest(context, http, decision.caller());
      endpoints.stream()
          .filter(e -> e.serves(path))
          .findFirst()
          .ifPresentOrElse(
              e -> e.serve(request),
              () -> request.respondText(HttpResponseStatus.NOT_FOUND, "404 page not found\n"));
    } catch (RuntimeException e) {
      LOG.warn("kubelet API request {} {} failed: {}", http.method(), path, e.toString());
      if (context.channel().isActive()) {
        context.close();
      }
    }
  }

  private static Certificate[] peerChain(ChannelHandlerContext context) {
    SslHandler tls = context.pipeline().get(SslHandler.class);
    try {
      return tls == null ? null : tls.engine().getSession().getPeerCertificates();
    } catch (SSLPeerUnverifiedException e) {
      return null;
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
    LOG.debug("kubelet API connection closed: {}", cause.toString());
    context.close();
  }
}
