package io.camelvk.providers.interlink.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** A backend's answer: its status code and its body, read as it arrives (close it when done). */
public record Reply(int status, InputStream body) implements AutoCloseable {

  /** Any 2xx: interLink's plugins answer 200, 201 or 204 for the same success. */
  public boolean succeeded() {
    return status >= 200 && status < 300;
  }

  public boolean serverError() {
    return status >= 500;
  }

  /** The whole body, and the reply closed. */
  public byte[] bytes() {
    try (InputStream in = body) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String text() {
    return new String(bytes(), StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    try {
      body.close();
    } catch (IOException e) {
      // nothing left to read
    }
  }
}
