package io.camelvk.api;

import java.io.ByteArrayOutputStream;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A JDK WebSocket listener that records whole messages as {@code "<channel>:<payload>"} (binary:
 * the first byte as a number, the rest as UTF-8; text: as sent) and the close code.
 */
final class RecordingWebSocket implements WebSocket.Listener {

  final List<String> messages = new CopyOnWriteArrayList<>();
  final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
  private final ByteArrayOutputStream binary = new ByteArrayOutputStream();
  private final StringBuilder text = new StringBuilder();

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
    closeCode.complete(statusCode);
    return null;
  }

  @Override
  public void onError(WebSocket socket, Throwable error) {
    closeCode.completeExceptionally(error);
  }
}
