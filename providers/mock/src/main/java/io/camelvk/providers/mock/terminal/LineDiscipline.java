package io.camelvk.providers.mock.terminal;

import java.io.ByteArrayOutputStream;

/**
 * The line editing of a terminal in canonical mode: what each key does to the line being typed and
 * what the terminal echoes. Enter ({@code \r}, handed over as {@code \n}) or {@code \n} ends a
 * line, backspace and DEL erase, Ctrl-D hands over the line without a newline (on an empty line:
 * end of input for the reader), Ctrl-C drops the line and interrupts the foreground process.
 */
final class LineDiscipline {

  static final int CTRL_C = 0x03;
  static final int CTRL_D = 0x04;
  static final int BACKSPACE = 0x08;
  static final int DELETE = 0x7f;
  private static final byte[] CRLF = {'\r', '\n'};
  private static final byte[] ERASE = {'\b', ' ', '\b'};
  private static final byte[] INTERRUPT_ECHO = {'^', 'C', '\r', '\n'};

  /** What the keys mean to the processes reading the terminal. */
  interface Events {
    /** Bytes for the client's screen, before the event they belong to. */
    void echo(byte[] bytes);

    /** A line was handed over; an empty one is end of input for the reader. */
    void line(byte[] line);

    /** Ctrl-C: interrupt the foreground process. */
    void interrupt();
  }

  private final ByteArrayOutputStream typed = new ByteArrayOutputStream();

  private final ByteArrayOutputStream echoed = new ByteArrayOutputStream();

  /** Handles a chunk of keys from the client: echoes, hands over lines, interrupts, in order. */
  void keys(byte[] chunk, int length, Events events) {
    for (int i = 0; i < length; i++) {
      int key = chunk[i] & 0xff;
      if (key == '\r' || key == '\n') {
        echoed.writeBytes(CRLF);
        typed.write('\n');
        handOver(events);
      } else if (key == CTRL_D) {
        handOver(events);
      } else if (key == CTRL_C) {
        echoed.writeBytes(INTERRUPT_ECHO);
        typed.reset();
        flushEcho(events);
        events.interrupt();
      } else if (key == DELETE || key == BACKSPACE) {
        erase();
      } else {
        echoed.write(key);
        typed.write(key);
      }
    }
    flushEcho(events);
  }

  private void handOver(Events events) {
    flushEcho(events);
    events.line(typed.toByteArray());
    typed.reset();
  }

  private void flushEcho(Events events) {
    if (echoed.size() > 0) {
      events.echo(echoed.toByteArray());
      echoed.reset();
    }
  }

  private void erase() {
    if (typed.size() > 0) {
      byte[] kept = typed.toByteArray();
      typed.reset();
      typed.write(kept, 0, kept.length - 1);
      echoed.writeBytes(ERASE);
    }
  }
}
