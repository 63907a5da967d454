package io.camelvk.provider.mock;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Input through a terminal in canonical mode: keys are echoed as they are read, a line is handed
 * over when Enter ({@code \r}, turned into {@code \n}) or {@code \n} comes, backspace erases,
 * Ctrl-D on an empty line is end of input for that read, Ctrl-C drops the line being typed.
 */
final class MockTtyInput extends InputStream {

  static final int CTRL_C = 0x03;
  static final int CTRL_D = 0x04;
  static final int BACKSPACE = 0x08;
  static final int DELETE = 0x7f;

  private final InputStream keys;
  private final OutputStream echo;
  private byte[] line = new byte[0];
  private int position;
  private boolean keysEnded;

  MockTtyInput(InputStream keys, OutputStream echo) {
    this.keys = keys;
    this.echo = echo;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] target, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    if (position == line.length && !readLine()) {
      return -1;
    }
    int n = Math.min(length, line.length - position);
    System.arraycopy(line, position, target, offset, n);
    position += n;
    return n;
  }

  /** Reads keys up to the end of a line; false for end of input (Ctrl-D or the client's EOF). */
  private boolean readLine() throws IOException {
    ByteArrayOutputStream typed = new ByteArrayOutputStream();
    while (!keysEnded) {
      int key = keys.read();
      if (key < 0) {
        keysEnded = true;
      } else if (key == '\r' || key == '\n') {
        echo("\r\n");
        typed.write('\n');
        return deliver(typed);
      } else if (key == CTRL_D) {
        return typed.size() > 0 && deliver(typed);
      } else if (key == CTRL_C) {
        echo("^C\r\n");
        typed.reset();
      } else if (key == DELETE || key == BACKSPACE) {
        erase(typed);
      } else {
        echo.write(key);
        echo.flush();
        typed.write(key);
      }
    }
    return typed.size() > 0 && deliver(typed);
  }

  private boolean deliver(ByteArrayOutputStream typed) {
    line = typed.toByteArray();
    position = 0;
    return true;
  }

  private void erase(ByteArrayOutputStream typed) throws IOException {
    if (typed.size() > 0) {
      byte[] kept = typed.toByteArray();
      typed.reset();
      typed.write(kept, 0, kept.length - 1);
      echo("\b \b");
    }
  }

  private void echo(String text) throws IOException {
    echo.write(text.getBytes(StandardCharsets.US_ASCII));
    echo.flush();
  }
}
