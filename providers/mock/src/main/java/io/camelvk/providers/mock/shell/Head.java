package io.camelvk.providers.mock.shell;

import io.camelvk.providers.mock.files.ContainerFiles;
import io.camelvk.providers.mock.process.Stdio;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/** {@code head [-n N | -N | -c N] [FILE...]}: the first lines (10 unless told) or bytes. */
final class Head {

  private final TextInputs inputs;

  Head(ContainerFiles files, String cwd) {
    this.inputs = new TextInputs(files, cwd);
  }

  int run(List<String> args, Stdio io) throws IOException {
    CountOption option;
    try {
      option = CountOption.parse(args);
    } catch (IllegalArgumentException e) {
      io.error("head: " + e.getMessage());
      return 1;
    }
    List<TextInputs.Input> read = inputs.read("head", option.files(), io);
    for (TextInputs.Input input : read) {
      if (read.size() > 1 || option.files().size() > 1) {
        io.print((input == read.getFirst() ? "" : "\n") + "==> " + input.name() + " <==\n");
      }
      if (option.bytes()) {
        byte[] content = input.content();
        io.out().write(Arrays.copyOf(content, (int) Math.min(content.length, option.count())));
        io.out().flush();
      } else {
        List<String> lines = input.lines();
        io.print(String.join("", lines.subList(0, (int) Math.min(lines.size(), option.count()))));
      }
    }
    return inputs.failed() ? 1 : 0;
  }
}
