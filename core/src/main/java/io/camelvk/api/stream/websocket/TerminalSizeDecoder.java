package io.camelvk.api.stream.websocket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelvk.provider.TerminalSize;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The resize channel: a stream of JSON values {@code {"Width":W,"Height":H}} that messages may
 * split or join, read as Go's {@code json.Decoder} reads it (field names in any case). Like the
 * kubelet, it stops at the first value that does not decode and ignores the rest.
 */
final class TerminalSizeDecoder {

  /** More than this without a complete value is not a terminal size. */
  static final int MAX_PENDING_CHARS = 4096;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Consumer<TerminalSize> sizes;
  private final StringBuilder pending = new StringBuilder();
  private boolean failed;

  TerminalSizeDecoder(Consumer<TerminalSize> sizes) {
    this.sizes = sizes;
  }

  void feed(byte[] bytes) {
    if (failed) {
      return;
    }
    pending.append(new String(bytes, StandardCharsets.UTF_8));
    while (!failed) {
      int end = endOfFirstValue();
      if (startsWithNonObject() || (end < 0 && pending.length() > MAX_PENDING_CHARS)) {
        failed = true;
      } else if (end < 0) {
        return;
      } else {
        String value = pending.substring(0, end);
        pending.delete(0, end);
        publish(value);
      }
    }
  }

  /** The index after the first complete object in {@code pending}, or -1. */
  private int endOfFirstValue() {
    int depth = 0;
    boolean inString = false;
    for (int i = 0; i < pending.length(); i++) {
      char c = pending.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '{') {
        depth++;
      } else if (c == '}' && --depth == 0) {
        return i + 1;
      }
    }
    return -1;
  }

  private boolean startsWithNonObject() {
    String rest = pending.toString().stripLeading();
    return !rest.isEmpty() && rest.charAt(0) != '{';
  }

  private void publish(String value) {
    try {
      JsonNode node = JSON.readTree(value.strip());
      int width = 0;
      int height = 0;
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        if (field.getKey().equalsIgnoreCase("width")) {
          width = dimension(field.getValue());
        } else if (field.getKey().equalsIgnoreCase("height")) {
          height = dimension(field.getValue());
        }
      }
      sizes.accept(new TerminalSize(width, height));
    } catch (IOException | IllegalArgumentException e) {
      failed = true;
    }
  }

  /** A uint16, as the kubelet's TerminalSize holds it. */
  private static int dimension(JsonNode value) {
    if (!value.canConvertToInt()
        || !value.isIntegralNumber()
        || value.asInt() < 0
        || value.asInt() > 0xffff) {
      throw new IllegalArgumentException("not a terminal dimension: " + value);
    }
    return value.asInt();
  }
}
