package io.camelvk.api.stream.websocket;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Builds and reads the frames of the channel-protocol tests. */
final class Frames {

  private Frames() {}

  static BinaryWebSocketFrame binary(int... bytes) {
    byte[] raw = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      raw[i] = (byte) bytes[i];
    }
    return new BinaryWebSocketFrame(Unpooled.wrappedBuffer(raw));
  }

  static BinaryWebSocketFrame binary(int channel, String payload) {
    byte[] text = payload.getBytes(StandardCharsets.UTF_8);
    byte[] raw = new byte[text.length + 1];
    raw[0] = (byte) channel;
    System.arraycopy(text, 0, raw, 1, text.length);
    return new BinaryWebSocketFrame(Unpooled.wrappedBuffer(raw));
  }

  static TextWebSocketFrame text(String text) {
    return new TextWebSocketFrame(text);
  }

  /** Every frame written so far, as "B:" + hex of a binary or "T:" + a text message. */
  static List<Object> written(EmbeddedChannel channel) {
    List<Object> frames = new ArrayList<>();
    for (Object frame; (frame = channel.readOutbound()) != null; ) {
      frames.add(frame);
    }
    return frames;
  }

  /** A binary message as its channel and UTF-8 payload, "1:out". */
  static String describe(Object frame) {
    if (frame instanceof TextWebSocketFrame text) {
      return "T:" + text.text();
    }
    if (frame instanceof BinaryWebSocketFrame binary) {
      byte[] bytes = ByteBufUtil.getBytes(binary.content());
      return (bytes[0] & 0xff)
          + ":"
          + new String(bytes, 1, bytes.length - 1, StandardCharsets.ISO_8859_1);
    }
    return frame.getClass().getSimpleName();
  }

  static List<String> describeAll(EmbeddedChannel channel) {
    return written(channel).stream().map(Frames::describe).toList();
  }

  static WebSocketFrame last(List<Object> frames) {
    return (WebSocketFrame) frames.get(frames.size() - 1);
  }
}
