package io.camelvk.providers.mock.process;

import io.camelvk.provider.RemoteStreams;
import io.camelvk.provider.TerminalResizes;
import io.camelvk.providers.mock.terminal.Terminal;
import io.camelvk.providers.mock.terminal.TtyOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The standard streams of a process in a mock container. A stream the client did not ask for is
 * empty (stdin) or discards what is written; with a tty all three are the {@link Terminal}.
 */
public record Stdio(
    InputStream in,
    OutputStream out,
    OutputStream err,
    Optional<Terminal> terminal,
    TerminalResizes resizes)
    implements AutoCloseable {

  /** The streams of a session as a process sees them, through a terminal when it has a tty. */
  public static Stdio of(RemoteStreams streams) {
    InputStream in = streams.stdin().orElse(InputStream.nullInputStream());
    OutputStream out = streams.stdout().orElse(OutputStream.nullOutputStream());
    if (!streams.tty()) {
      OutputStream err = streams.stderr().orElse(OutputStream.nullOutputStream());
      return new Stdio(in, out, err, Optional.empty(), streams.resizes());
    }
    Terminal terminal = new Terminal(in, out);
    OutputStream screen = new TtyOutput(terminal);
    return new Stdio(terminal.input(), screen, screen, Optional.of(terminal), streams.resizes());
  }

  public boolean tty() {
    return terminal.isPresent();
  }

  public Stdio withIn(InputStream replacement) {
    return new Stdio(replacement, out, err, terminal, resizes);
  }

  public Stdio withOut(OutputStream replacement) {
    return new Stdio(in, replacement, err, terminal, resizes);
  }

  public Stdio withErr(OutputStream replacement) {
    return new Stdio(in, out, replacement, terminal, resizes);
  }

  public void print(String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  /** Writes one line to stderr, as the named program would. */
  public void error(String line) throws IOException {
    err.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    err.flush();
  }

  /** The session is over: the terminal stops reading the client's keys. */
  @Override
  public void close() {
    terminal.ifPresent(Terminal::close);
  }

  private static final int COPY_BUFFER_BYTES = 8192;

  /** Copies {@code in} to {@code out} chunk by chunk as it arrives, flushing each. */
  public static void copy(InputStream in, OutputStream out) throws IOException {
    copy(in, out, chunk -> {});
  }

  /** As {@link #copy(InputStream, OutputStream)}, also handing each chunk to {@code alsoTo}. */
  public static void copy(InputStream in, OutputStream out, Consumer<byte[]> alsoTo)
      throws IOException {
    byte[] buffer = new byte[COPY_BUFFER_BYTES];
    for (int n; (n = in.read(buffer)) >= 0; ) {
      out.write(buffer, 0, n);
      out.flush();
      alsoTo.accept(Arrays.copyOf(buffer, n));
    }
  }
}
