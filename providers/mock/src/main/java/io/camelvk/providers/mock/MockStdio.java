package io.camelvk.providers.mock;

import io.camelvk.provider.RemoteStreams;
import io.camelvk.provider.TerminalResizes;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The standard streams of a process in a mock container. A stream the client did not ask for is
 * empty (stdin) or discards what is written; with a tty all three are the {@link MockTerminal}.
 */
record MockStdio(
    InputStream in,
    OutputStream out,
    OutputStream err,
    Optional<MockTerminal> terminal,
    TerminalResizes resizes)
    implements AutoCloseable {

  /** The streams of a session as a process sees them, through a terminal when it has a tty. */
  static MockStdio of(RemoteStreams streams) {
    InputStream in = streams.stdin().orElse(InputStream.nullInputStream());
    OutputStream out = streams.stdout().orElse(OutputStream.nullOutputStream());
    if (!streams.tty()) {
      OutputStream err = streams.stderr().orElse(OutputStream.nullOutputStream());
      return new MockStdio(in, out, err, Optional.empty(), streams.resizes());
    }
    MockTerminal terminal = new MockTerminal(in, out);
    OutputStream screen = new MockTtyOutput(terminal);
    return new MockStdio(
        terminal.input(), screen, screen, Optional.of(terminal), streams.resizes());
  }

  boolean tty() {
    return terminal.isPresent();
  }

  MockStdio withIn(InputStream replacement) {
    return new MockStdio(replacement, out, err, terminal, resizes);
  }

  MockStdio withOut(OutputStream replacement) {
    return new MockStdio(in, replacement, err, terminal, resizes);
  }

  MockStdio withErr(OutputStream replacement) {
    return new MockStdio(in, out, replacement, terminal, resizes);
  }

  void print(String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  /** Writes one line to stderr, as the named program would. */
  void error(String line) throws IOException {
    err.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    err.flush();
  }

  /** The session is over: the terminal stops reading the client's keys. */
  @Override
  public void close() {
    terminal.ifPresent(MockTerminal::close);
  }

  private static final int COPY_BUFFER_BYTES = 8192;

  /** Copies {@code in} to {@code out} chunk by chunk as it arrives, flushing each. */
  static void copy(InputStream in, OutputStream out) throws IOException {
    copy(in, out, chunk -> {});
  }

  /** As {@link #copy(InputStream, OutputStream)}, also handing each chunk to {@code alsoTo}. */
  static void copy(InputStream in, OutputStream out, Consumer<byte[]> alsoTo) throws IOException {
    byte[] buffer = new byte[COPY_BUFFER_BYTES];
    for (int n; (n = in.read(buffer)) >= 0; ) {
      out.write(buffer, 0, n);
      out.flush();
      alsoTo.accept(Arrays.copyOf(buffer, n));
    }
  }
}
