package io.camelvk.providers.mock.shell;

import io.camelvk.providers.mock.files.ContainerFiles;
import io.camelvk.providers.mock.process.Stdio;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * {@code tail [-n N | -N | -n +N | -c N | -c +N] [-f] [FILE...]}: the last lines (10 unless told)
 * or bytes, or everything from the N-th on ({@code -c +N} is kubectl cp's resumed copy). {@code -f}
 * then waits until the process is stopped, like following a file nobody writes ({@code tail -f
 * /dev/null} keeps a container running).
 */
final class Tail {

  private final TextInputs inputs;
  private final ShellHost host;

  Tail(ContainerFiles files, String cwd, ShellHost host) {
    this.inputs = new TextInputs(files, cwd);
    this.host = host;
  }

  int run(List<String> args, Stdio io) throws IOException {
    CountOption option;
    try {
      option = CountOption.parse(args);
    } catch (IllegalArgumentException e) {
      io.error("tail: " + e.getMessage());
      return 1;
    }
    List<TextInputs.Input> read = inputs.read("tail", option.files(), io);
    for (TextInputs.Input input : read) {
      if (read.size() > 1) {
        io.print((input == read.getFirst() ? "" : "\n") + "==> " + input.name() + " <==\n");
      }
      write(option, input, io);
    }
    if (option.follow()) {
      return host.sleep(ShellHost.FOREVER, io);
    }
    return inputs.failed() ? 1 : 0;
  }

  private static void write(CountOption option, TextInputs.Input input, Stdio io)
      throws IOException {
    if (option.bytes()) {
      byte[] content = input.content();
      int from = from(option, content.length);
      io.out().write(Arrays.copyOfRange(content, from, content.length));
      io.out().flush();
    } else {
      List<String> lines = input.lines();
      io.print(String.join("", lines.subList(from(option, lines.size()), lines.size())));
    }
  }

  /** Where the output starts in {@code size} bytes or lines. */
  private static int from(CountOption option, int size) {
    long from = option.fromStart() ? option.count() - 1 : size - option.count();
    return (int) Math.max(0, Math.min(size, from));
  }
}
