package io.camelvk.api.stream.spdy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelvk.provider.TerminalResizes;
import io.camelvk.provider.TerminalSize;
import java.io.IOException;
import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a resize stream, a sequence of JSON values {@code {"Width":80,"Height":24}} as Go's JSON
 * encoder writes them, and publishes each size until the stream ends or holds something else.
 */
final class TerminalResizeReader implements Runnable {

  private static final Logger LOG = LoggerFactory.getLogger(TerminalResizeReader.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final InputStream input;
  private final TerminalResizes resizes;

  TerminalResizeReader(InputStream input, TerminalResizes resizes) {
    this.input = input;
    this.resizes = resizes;
  }

  @Override
  public void run() {
    try (MappingIterator<JsonNode> values = JSON.readerFor(JsonNode.class).readValues(input)) {
      while (values.hasNextValue()) {
        JsonNode size = values.nextValue();
        resizes.publish(new TerminalSize(size.path("Width").asInt(), size.path("Height").asInt()));
      }
    } catch (IOException | RuntimeException e) {
      LOG.debug("terminal resize stream ended: {}", e.toString());
    }
  }
}
