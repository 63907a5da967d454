package io.camelvk.provider.mock;

import io.camelvk.provider.RemoteStreams;
import io.camelvk.provider.TerminalResizes;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The standard streams of a process in a mock container. A stream the client did not ask for is
 * empty (stdin) or discards what is written; with a tty, stderr is the terminal too.
 */
record MockStdio(
    InputStream in, OutputStream out, OutputStream err, boolean tty, TerminalResizes resizes) {

  /** The streams of a session as a process sees them, through a terminal when it has a tty. */
  static MockStdio of(RemoteStreams streams) {
    InputStream in = streams.stdin().orElse(InputStream.nullInputStream());
    OutputStream out = streams.stdout().orElse(OutputStream.nullOutputStream());
    if (!streams.tty()) {
      OutputStream err = streams.stderr().orElse(OutputStream.nullOutputStream());
      return new MockStdio(in, out, err, false, streams.resizes());
    }
    OutputStream terminal = new MockTtyOutput(out);
    return new MockStdio(new MockTtyInput(in, out), terminal, terminal, true, streams.resizes());
  }

  MockStdio withIn(InputStream replacement) {
    return new MockStdio(replacement, out, err, tty, resizes);
  }

  MockStdio withOut(OutputStream replacement) {
    return new MockStdio(in, replacement, err, tty, resizes);
  }

  MockStdio withErr(OutputStream replacement) {
    return new MockStdio(in, out, replacement, tty, resizes);
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
}
