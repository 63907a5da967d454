package io.camelvk.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A JDK WebSocket listener that records whole messages as {@code "<channel>:<payload>"} (binary:
 * the first byte as a number, the rest as UTF-8; text: as sent) and the close code.
 */
final class RecordingWebSocket implements WebSocket.Listener {

  final List<String> messages = new CopyOnWriteArrayList<>();
  private final CompletableFuture<Integer> closing = new CompletableFuture<>();
  private final ByteArrayOutputStream binary = new ByteArrayOutputStream();
  private final StringBuilder text = new StringBuilder();

  private volatile WebSocket socket;

  /** Opens a WebSocket to the kubelet that records what it receives; fails after 30 s. */
  static RecordingWebSocket open(KubeletApiClient client, String path, List<String> protocols) {
    RecordingWebSocket recording = new RecordingWebSocket();
    recording.socket =
        client.webSocket(path, protocols, recording).orTimeout(30, TimeUnit.SECONDS).join();
    return recording;
  }

  /** The HTTP status of an upgrade the kubelet refuses. */
  static int refusal(KubeletApiClient client, String path, List<String> protocols) {
    Throwable error =
        client.webSocket(path, protocols, new RecordingWebSocket()).handle((s, e) -> e).join();
    assertThat(error).hasCauseInstanceOf(WebSocketHandshakeException.class);
    return ((WebSocketHandshakeException) error.getCause()).getResponse().statusCode();
  }

  String subprotocol() {
    return socket.getSubprotocol();
  }

  /** Sends a binary message on a channel: the channel byte, then the payload in UTF-8. */
  void send(int channel, String payload) {
    byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
    ByteBuffer message = ByteBuffer.allocate(bytes.length + 1);
    message.put((byte) channel).put(bytes).flip();
    socket.sendBinary(message, true).join();
  }

  /** Sends a message on a channel as two frames, split after {@code first} payload characters. */
  void sendFragmented(int channel, String payload, int first) {
    byte[] head = payload.substring(0, first).getBytes(StandardCharsets.UTF_8);
    ByteBuffer opening = ByteBuffer.allocate(head.length + 1);
    opening.put((byte) channel).put(head).flip();
    socket.sendBinary(opening, false).join();
    byte[] tail = payload.substring(first).getBytes(StandardCharsets.UTF_8);
    socket.sendBinary(ByteBuffer.wrap(tail), true).join();
  }

  /** Sends the client's close frame (1000). */
  void close() {
    socket.sendClose(WebSocket.NORMAL_CLOSURE, "").join();
  }

  /** The v5 close signal for stdin. */
  void closeStdin() {
    socket.sendBinary(ByteBuffer.wrap(new byte[] {(byte) 0xFF, 0}), true).join();
  }

  /** The code of the server's close frame, waited for up to 30 s. */
  int closeCode() throws Exception {
    return closing.get(30, TimeUnit.SECONDS);
  }

  @Override
  public CompletionStage<?> onBinary(WebSocket socket, ByteBuffer data, boolean last) {
    byte[] bytes = new byte[data.remaining()];
    data.get(bytes);
    binary.writeBytes(bytes);
    if (last) {
      byte[] message = binary.toByteArray();
      binary.reset();
      messages.add(
          (message[0] & 0xff)
              + ":"
              + new String(message, 1, message.length - 1, StandardCharsets.UTF_8));
    }
    socket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
    text.append(data);
    if (last) {
      messages.add("text " + text);
      text.setLength(0);
    }
    socket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
    closing.complete(statusCode);
    return null;
  }

  @Override
  public void onError(WebSocket socket, Throwable error) {
    closing.completeExceptionally(error);
  }
}
