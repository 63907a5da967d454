package io.camelvk.providers.mock.shell;

import io.camelvk.providers.mock.files.ContainerFiles;
import io.camelvk.providers.mock.process.Stdio;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What a text command (head, tail, grep, wc) reads: the files it names, or stdin when it names none
 * (and for {@code -}), each read whole; {@code /dev/null} is empty. A file that cannot be read is
 * reported the way coreutils does and left out.
 */
final class TextInputs {

  /** One input: its name as given ({@code -} for stdin) and its bytes. */
  record Input(String name, byte[] content) {

    /** Its lines as text, each with its newline (a last line without one stays without). */
    List<String> lines() {
      String text = new String(content, StandardCharsets.UTF_8);
      List<String> lines = new ArrayList<>();
      for (int start = 0; start < text.length(); ) {
        int end = text.indexOf('\n', start);
        int next = end < 0 ? text.length() : end + 1;
        lines.add(text.substring(start, next));
        start = next;
      }
      return lines;
    }
  }

  private final ContainerFiles files;
  private final String cwd;
  private boolean failed;

  TextInputs(ContainerFiles files, String cwd) {
    this.files = files;
    this.cwd = cwd;
  }

  List<Input> read(String command, List<String> names, Stdio io) throws IOException {
    List<Input> inputs = new ArrayList<>();
    for (String name : names.isEmpty() ? List.of("-") : names) {
      String path = ContainerFiles.resolve(cwd, name);
      if (name.equals("-")) {
        inputs.add(new Input(name, io.in().readAllBytes()));
      } else if (path.equals(Redirects.DEV_NULL)) {
        inputs.add(new Input(name, new byte[0]));
      } else if (files.isDirectory(path)) {
        io.error(command + ": " + name + ": Is a directory");
        failed = true;
      } else if (files.read(path).isEmpty()) {
        io.error(command + ": " + name + ": No such file or directory");
        failed = true;
      } else {
        inputs.add(new Input(name, files.read(path).get()));
      }
    }
    return inputs;
  }

  /** True when an input named could not be read. */
  boolean failed() {
    return failed;
  }
}
