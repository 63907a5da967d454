package io.camelvk.api;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.io.IOException;
import java.io.InputStream;

/**
 * Copies a log stream to the client as the kubelet does: chunked, never compressed, flushed after
 * every write, at most {@code limitBytes}. When the client cannot take more, it waits for the
 * written bytes to leave; when the client goes away, it closes the stream (ending a follow).
 */
final class LogStreamer {

  static final int CHUNK_BYTES = 8192;

  private LogStreamer() {}

  static void stream(ApiRequest request, InputStream log, Long limitBytes) throws IOException {
    Channel channel = request.context().channel();
    channel.closeFuture().addListener(f -> closeQuietly(log));
    HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
    head.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
    HttpUtil.setTransferEncodingChunked(head, true);
    boolean keepAlive = HttpUtil.isKeepAlive(request.http());
    head.headers()
        .set(
            HttpHeaderNames.CONNECTION,
            keepAlive ? HttpHeaderValues.KEEP_ALIVE : HttpHeaderValues.CLOSE);
    ChannelFuture last = channel.writeAndFlush(head);
    long remaining = limitBytes == null ? Long.MAX_VALUE : limitBytes;
    byte[] buffer = new byte[CHUNK_BYTES];
    try (log) {
      while (remaining > 0 && channel.isActive()) {
        int read = log.read(buffer, 0, (int) Math.min(buffer.length, remaining));
        if (read < 0) {
          break;
        }
        remaining -= read;
        last =
            channel.writeAndFlush(new DefaultHttpContent(Unpooled.copiedBuffer(buffer, 0, read)));
        if (!channel.isWritable()) {
          last.awaitUninterruptibly();
        }
      }
    } catch (IOException e) {
      if (channel.isActive()) {
        throw e;
      }
    }
    if (channel.isActive()) {
      last = channel.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
      if (!keepAlive) {
        last.addListener(ChannelFutureListener.CLOSE);
      }
    }
  }

  private static void closeQuietly(InputStream log) {
    try {
      log.close();
    } catch (IOException e) {
      // the client is gone; nothing to tell it
    }
  }
}
