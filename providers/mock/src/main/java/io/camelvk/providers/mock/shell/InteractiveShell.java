package io.camelvk.providers.mock.shell;

import io.camelvk.providers.mock.process.Stdio;
import io.camelvk.providers.mock.terminal.TerminalInterrupt;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * {@code sh} with no command: reads lines from stdin and runs each, until {@code exit [N]} or the
 * end of stdin. With a tty it prompts ({@code # }); the terminal echoes what is typed, and Ctrl-C
 * brings a new prompt.
 */
final class InteractiveShell {

  private final Shell shell;

  InteractiveShell(Shell shell) {
    this.shell = shell;
  }

  int run(Stdio io) throws IOException {
    int last = 0;
    while (!shell.exited()) {
      if (io.tty()) {
        io.print(Shell.PROMPT);
      }
      String line;
      try {
        line = readLine(io.in());
      } catch (TerminalInterrupt e) {
        last = shell.interrupted();
        continue;
      }
      if (line == null) {
        break;
      }
      last = shell.script(line, io);
    }
    return shell.exited() ? shell.status() : last;
  }

  /** One line without its newline, read byte by byte so the rest stays for the commands. */
  static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
      }
      line.write(b);
    }
    return line.toString(StandardCharsets.UTF_8);
  }
}
