package io.camelvk.api;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A request that passed access control, with the channel to answer on. */
public record ApiRequest(ChannelHandlerContext context, HttpRequest http, Caller caller) {

  public HttpMethod method() {
    return http.method();
  }

  /** The decoded path, without query. */
  public String path() {
    return new QueryStringDecoder(http.uri()).path();
  }

  public Map<String, List<String>> query() {
    return new QueryStringDecoder(http.uri()).parameters();
  }

  /**
   * True when the request's method is one of {@code allowed}; otherwise answers 405 naming them
   * ("only GET and POST are allowed") and returns false.
   */
  public boolean allows(HttpMethod... allowed) {
    if (Arrays.asList(allowed).contains(http.method())) {
      return true;
    }
    String names =
        Arrays.stream(allowed).map(HttpMethod::name).collect(Collectors.joining(" and "));
    respondText(
        HttpResponseStatus.METHOD_NOT_ALLOWED,
        "only " + names + (allowed.length == 1 ? " is" : " are") + " allowed\n");
    return false;
  }

  /** Answers a request that will not be served with plain text, then closes the connection. */
  public static void refuse(Channel channel, HttpResponseStatus status, String text) {
    FullHttpResponse response =
        new DefaultFullHttpResponse(
            HttpVersion.HTTP_1_1, status, Unpooled.copiedBuffer(text, StandardCharsets.UTF_8));
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
    response.headers().set(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
    response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    channel.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
  }

  /** Answers with a whole body and closes the connection unless the client keeps it alive. */
  public void respond(HttpResponseStatus status, String contentType, String body) {
    respond(context, http, status, contentType, body);
  }

  public void respondText(HttpResponseStatus status, String body) {
    respond(status, "text/plain; charset=utf-8", body);
  }

  static void respond(
      ChannelHandlerContext context,
      HttpRequest http,
      HttpResponseStatus status,
      String contentType,
      String body) {
    FullHttpResponse response =
        new DefaultFullHttpResponse(
            HttpVersion.HTTP_1_1, status, Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
    response.headers().set(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
    boolean keepAlive = HttpUtil.isKeepAlive(http);
    if (keepAlive) {
      response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
    }
    var written = context.writeAndFlush(response);
    if (!keepAlive) {
      written.addListener(ChannelFutureListener.CLOSE);
    }
  }
}
