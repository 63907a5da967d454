package io.camelvk.providers.mock.terminal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Output through a terminal: each newline goes out as {@code \r\n}, as a tty's ONLCR does. */
public final class TtyOutput extends OutputStream {

  private final Terminal terminal;

  public TtyOutput(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] bytes, int offset, int length) throws IOException {
    ByteArrayOutputStream translated = new ByteArrayOutputStream(length + 16);
    for (int i = offset; i < offset + length; i++) {
      if (bytes[i] == '\n') {
        translated.write('\r');
      }
      translated.write(bytes[i]);
    }
    terminal.write(translated.toByteArray(), 0, translated.size());
  }
}
