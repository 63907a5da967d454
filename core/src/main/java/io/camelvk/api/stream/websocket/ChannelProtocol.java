package io.camelvk.api.stream.websocket;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.util.Base64;
import java.util.List;

/**
 * The Kubernetes channel subprotocols of a WebSocket ({@code k8s.io/streaming} wsstream): every
 * message starts with its channel; binary ones carry the channel byte and the payload, the base64
 * ones are text, the channel as an ASCII digit and the payload in standard base64.
 */
public enum ChannelProtocol {
  V5("v5.channel.k8s.io", true, true, true),
  V4("v4.channel.k8s.io", true, true, false),
  V4_BASE64("v4.base64.channel.k8s.io", false, true, false),
  V1("channel.k8s.io", true, false, false),
  V1_BASE64("base64.channel.k8s.io", false, false, false),
  UNNAMED("", true, false, false);

  /** What exec and attach speak, in the kubelet's order of preference. */
  public static final List<ChannelProtocol> REMOTE_COMMAND =
      List.of(V5, V4, V4_BASE64, V1, V1_BASE64, UNNAMED);

  /** What the legacy WebSocket port-forward speaks: not {@code channel.k8s.io}. */
  public static final List<ChannelProtocol> PORT_FORWARD = List.of(V4, V4_BASE64, UNNAMED);

  /** The first byte of a v5 close signal, {@code [0xFF, channel]}. */
  public static final int CLOSE_SIGNAL = 0xFF;

  private final String subprotocol;
  private final boolean binary;
  private final boolean statusJson;
  private final boolean closeSignal;

  ChannelProtocol(String subprotocol, boolean binary, boolean statusJson, boolean closeSignal) {
    this.subprotocol = subprotocol;
    this.binary = binary;
    this.statusJson = statusJson;
    this.closeSignal = closeSignal;
  }

  /** The name in {@code Sec-WebSocket-Protocol}; empty for the protocol of a client naming none. */
  public String subprotocol() {
    return subprotocol;
  }

  /** True when the error channel carries the JSON status, success too (v4 and later). */
  public boolean statusJson() {
    return statusJson;
  }

  /** True when the client may half-close a channel with {@code [0xFF, channel]} (v5). */
  public boolean closeSignal() {
    return closeSignal;
  }

  /** The message carrying {@code payload} (released here) on {@code channel}. */
  public WebSocketFrame frame(int channel, ByteBuf payload) {
    if (binary) {
      ByteBuf prefix = Unpooled.wrappedBuffer(new byte[] {(byte) channel});
      return new BinaryWebSocketFrame(Unpooled.wrappedBuffer(prefix, payload));
    }
    try {
      String encoded = Base64.getEncoder().encodeToString(ByteBufUtil.getBytes(payload));
      return new TextWebSocketFrame((char) ('0' + channel) + encoded);
    } finally {
      payload.release();
    }
  }

  /** The channel a message (its first byte) names. */
  int channelOf(byte first) {
    return binary ? first & 0xff : (first & 0xff) - '0';
  }

  /** The payload of a message after its channel byte; throws when base64 does not decode. */
  byte[] payloadOf(byte[] message) {
    byte[] rest = new byte[message.length - 1];
    System.arraycopy(message, 1, rest, 0, rest.length);
    return binary ? rest : Base64.getDecoder().decode(rest);
  }
}
