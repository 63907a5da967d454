package io.camelvk.providers.mock.program;

import io.camelvk.providers.mock.pod.InstanceRun;
import io.camelvk.providers.mock.pod.LogLine;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;

/**
 * What a container's program writes, stdout and stderr together as in a container's log: lines
 * stamped with the program's time when they end; a last line without newline ends when the program
 * does. The last {@link InstanceRun#MAX_LINES} are kept.
 */
final class ProgramOutput extends OutputStream {

  private final Supplier<Instant> time;
  private final Deque<LogLine> lines = new ArrayDeque<>();
  private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
  private long written;

  ProgramOutput(Supplier<Instant> time) {
    this.time = time;
  }

  @Override
  public synchronized void write(int b) {
    if (b == '\n') {
      endLine();
    } else {
      partial.write(b);
    }
  }

  @Override
  public synchronized void write(byte[] bytes, int offset, int length) {
    for (int i = offset; i < offset + length; i++) {
      write(bytes[i]);
    }
  }

  /** The program ended: a line it did not end is a line too. */
  synchronized void end() {
    if (partial.size() > 0) {
      endLine();
    }
  }

  synchronized List<LogLine> lines(long first, Instant until) {
    return lines.stream().filter(l -> l.number() >= first && !l.at().isAfter(until)).toList();
  }

  private void endLine() {
    lines.addLast(new LogLine(written++, time.get(), partial.toString(StandardCharsets.UTF_8)));
    partial.reset();
    if (lines.size() > InstanceRun.MAX_LINES) {
      lines.removeFirst();
    }
  }
}
