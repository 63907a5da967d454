package io.camelvk.providers.mock.tar;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * The arguments of GNU tar as kubectl cp and people pass them: a mode ({@code c}, {@code x}, {@code
 * t}), {@code f} (the archive, {@code -} for stdin/stdout), {@code C} (the directory), {@code v},
 * {@code z}, and options that change nothing in memory ({@code m}, {@code o}, {@code p}, {@code
 * --no-same-owner}, {@code --no-same-permissions}). Old style ({@code tar cf - x}), short ({@code
 * -xmf -}) and long ({@code --file=-}) forms.
 */
record TarOptions(
    char mode,
    String archive,
    String directory,
    boolean verbose,
    boolean gzip,
    List<String> operands) {

  private static final Set<String> IGNORED_LONG =
      Set.of(
          "--no-same-permissions",
          "--no-same-owner",
          "--same-owner",
          "--same-permissions",
          "--preserve-permissions",
          "--touch",
          "--numeric-owner",
          "--overwrite");

  /**
   * @throws IllegalArgumentException with tar's message for an option it does not know
   */
  static TarOptions parse(List<String> args) {
    Deque<String> rest = new ArrayDeque<>(args);
    Builder options = new Builder();
    if (!rest.isEmpty() && !rest.peek().startsWith("-")) {
      options.letters(rest.poll(), rest, false);
    }
    while (!rest.isEmpty()) {
      String arg = rest.poll();
      if (arg.equals("--")) {
        options.operands.addAll(rest);
        break;
      } else if (arg.startsWith("--")) {
        options.longOption(arg, rest);
      } else if (arg.startsWith("-") && arg.length() > 1) {
        options.letters(arg.substring(1), rest, true);
      } else {
        options.operands.add(arg);
      }
    }
    if (options.mode == 0) {
      throw new IllegalArgumentException(
          "You must specify one of the '-Acdtrux', '--delete' or '--test-label' options");
    }
    return new TarOptions(
        options.mode,
        options.archive,
        options.directory,
        options.verbose,
        options.gzip,
        List.copyOf(options.operands));
  }

  private static final class Builder {
    private char mode;
    private String archive = "-";
    private String directory;
    private boolean verbose;
    private boolean gzip;
    private final List<String> operands = new ArrayList<>();

    /** Letters of one bundle; in a dash bundle an argument may follow its letter directly. */
    void letters(String bundle, Deque<String> rest, boolean dashed) {
      for (int i = 0; i < bundle.length(); i++) {
        char letter = bundle.charAt(i);
        if (letter == 'f' || letter == 'C') {
          String value =
              dashed && i + 1 < bundle.length() ? bundle.substring(i + 1) : argument(letter, rest);
          set(letter, value);
          if (dashed) {
            return;
          }
        } else {
          flag(letter);
        }
      }
    }

    private void flag(char letter) {
      switch (letter) {
        case 'c', 'x', 't' -> mode = letter;
        case 'v' -> verbose = true;
        case 'z' -> gzip = true;
        case 'm', 'o', 'p' -> {}
        default -> throw new IllegalArgumentException("invalid option -- '" + letter + "'");
      }
    }

    void longOption(String arg, Deque<String> rest) {
      int equals = arg.indexOf('=');
      String name = equals < 0 ? arg : arg.substring(0, equals);
      switch (name) {
        case "--extract", "--get" -> mode = 'x';
        case "--create" -> mode = 'c';
        case "--list" -> mode = 't';
        case "--verbose" -> verbose = true;
        case "--gzip", "--gunzip" -> gzip = true;
        case "--file", "--directory" -> {
          String value = equals < 0 ? argument(name.charAt(2), rest) : arg.substring(equals + 1);
          set(name.equals("--file") ? 'f' : 'C', value);
        }
        default -> {
          if (!IGNORED_LONG.contains(name) && !name.startsWith("--warning")) {
            throw new IllegalArgumentException("unrecognized option '" + arg + "'");
          }
        }
      }
    }

    private void set(char letter, String value) {
      if (letter == 'f') {
        archive = value;
      } else {
        directory = value;
      }
    }

    private static String argument(char letter, Deque<String> rest) {
      if (rest.isEmpty()) {
        throw new IllegalArgumentException("option requires an argument -- '" + letter + "'");
      }
      return rest.poll();
    }
  }
}
