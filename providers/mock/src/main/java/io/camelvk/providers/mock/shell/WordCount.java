package io.camelvk.providers.mock.shell;

import io.camelvk.providers.mock.files.ContainerFiles;
import io.camelvk.providers.mock.process.Stdio;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code wc [-c] [-l] [-w] [FILE...]}: bytes, lines, words of files or stdin, as GNU wc prints
 * them. fabric8's upload checks a file's size with {@code wc -c < file}.
 */
final class WordCount {

  private static final int COLUMN_WIDTH = 7;

  private final ContainerFiles files;
  private final String cwd;

  WordCount(ContainerFiles files, String cwd) {
    this.files = files;
    this.cwd = cwd;
  }

  int run(List<String> args, Stdio io) throws IOException {
    String flags = String.join("", args.stream().filter(a -> a.startsWith("-")).toList());
    List<String> names = args.stream().filter(a -> !a.startsWith("-")).toList();
    boolean all = flags.isEmpty();
    List<Character> counts = new ArrayList<>();
    for (char count : new char[] {'l', 'w', 'c'}) {
      if (all || flags.indexOf(count) >= 0) {
        counts.add(count);
      }
    }
    TextInputs inputs = new TextInputs(files, cwd);
    for (TextInputs.Input input : inputs.read("wc", names, io)) {
      io.print(line(counts, input.content(), names.isEmpty() ? null : input.name()));
    }
    return inputs.failed() ? 1 : 0;
  }

  private static String line(List<Character> counts, byte[] content, String name) {
    List<String> columns = new ArrayList<>();
    for (char count : counts) {
      long value =
          switch (count) {
            case 'l' -> countOf(content, (byte) '\n');
            case 'w' -> words(content);
            default -> content.length;
          };
      String column = String.valueOf(value);
      boolean padded = counts.size() > 1 && name == null;
      columns.add(
          padded ? " ".repeat(Math.max(0, COLUMN_WIDTH - column.length())) + column : column);
    }
    return String.join(" ", columns) + (name == null ? "" : " " + name) + "\n";
  }

  private static long countOf(byte[] content, byte wanted) {
    long n = 0;
    for (byte b : content) {
      n += b == wanted ? 1 : 0;
    }
    return n;
  }

  private static long words(byte[] content) {
    long n = 0;
    boolean inWord = false;
    for (byte b : content) {
      boolean space = Character.isWhitespace(b & 0xff);
      n += !space && !inWord ? 1 : 0;
      inWord = !space;
    }
    return n;
  }
}
