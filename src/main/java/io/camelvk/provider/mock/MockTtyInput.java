package io.camelvk.provider.mock;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Input through a terminal in canonical mode: keys are echoed as they are read, a line is handed
 * over when Enter ({@code \r}, turned into {@code \n}) or {@code \n} comes, backspace erases,
 * Ctrl-D on an empty line is end of input for that read, Ctrl-C drops the line being typed. When
 * the client's input ends (the terminal hangs up), a line not yet ended is dropped, as a tty drops
 * its unread input on hangup.
 */
final class MockTtyInput extends InputStream {

  static final int CTRL_C = 0x03;
  static final int CTRL_D = 0x04;
  static final int BACKSPACE = 0x08;
  static final int DELETE = 0x7f;
  private static final byte[] CRLF = {'\r', '\n'};
  private static final byte[] ERASE = {'\b', ' ', '\b'};
  private static final int KEY_BUFFER_BYTES = 4096;

  private final InputStream keys;
  private final OutputStream echo;
  private byte[] line = new byte[0];
  private int position;
  private byte[] pending = new byte[0];
  private int pendingAt;
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

  /**
   * Reads keys up to the end of a line; false for end of input (Ctrl-D or the client's EOF). The
   * echo of the keys of one chunk that the client sent goes out in one write.
   */
  private boolean readLine() throws IOException {
    ByteArrayOutputStream typed = new ByteArrayOutputStream();
    ByteArrayOutputStream echoed = new ByteArrayOutputStream();
    while (true) {
      if (pendingAt == pending.length) {
        flush(echoed);
        if (keysEnded || !readKeys()) {
          return false;
        }
      }
      int key = pending[pendingAt++] & 0xff;
      if (key == '\r' || key == '\n') {
        echoed.writeBytes(CRLF);
        typed.write('\n');
        flush(echoed);
        return deliver(typed);
      } else if (key == CTRL_D) {
        flush(echoed);
        return typed.size() > 0 && deliver(typed);
      } else if (key == CTRL_C) {
        echoed.writeBytes("^C\r\n".getBytes(StandardCharsets.US_ASCII));
        typed.reset();
      } else if (key == DELETE || key == BACKSPACE) {
        erase(typed, echoed);
      } else {
        echoed.write(key);
        typed.write(key);
      }
    }
  }

  private boolean readKeys() throws IOException {
    byte[] buffer = new byte[KEY_BUFFER_BYTES];
    int n = keys.read(buffer);
    if (n < 0) {
      keysEnded = true;
      return false;
    }
    pending = Arrays.copyOf(buffer, n);
    pendingAt = 0;
    return true;
  }

  private boolean deliver(ByteArrayOutputStream typed) {
    line = typed.toByteArray();
    position = 0;
    return true;
  }

  private static void erase(ByteArrayOutputStream typed, ByteArrayOutputStream echoed) {
    if (typed.size() > 0) {
      byte[] kept = typed.toByteArray();
      typed.reset();
      typed.write(kept, 0, kept.length - 1);
      echoed.writeBytes(ERASE);
    }
  }

  private void flush(ByteArrayOutputStream echoed) throws IOException {
    if (echoed.size() > 0) {
      echo.write(echoed.toByteArray());
      echo.flush();
      echoed.reset();
    }
  }
}
