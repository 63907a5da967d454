package io.camelvk.providers.mock.shell;

import io.camelvk.providers.mock.files.ContainerFiles;
import io.camelvk.providers.mock.process.Stdio;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code grep [-E|-F] [-v] [-i] [-x] [-w] [-c] [-q] [-n] [-h|-H] [-e] PATTERN [FILE...]}: the lines
 * that match, with GNU grep's prefixes ({@code file:} for several files, {@code N:} with -n) and
 * exit codes (0 a line was selected, 1 none, 2 an error). Basic patterns are translated to Java's
 * regular expressions ({@code \+ \? \| \( \)} are the operators, {@code + ? | ( )} plain).
 */
final class Grep {

  private final TextInputs inputs;
  private String pattern;
  private final List<String> names = new ArrayList<>();
  private String flags = "";

  Grep(ContainerFiles files, String cwd) {
    this.inputs = new TextInputs(files, cwd);
  }

  int run(List<String> args, Stdio io) throws IOException {
    Pattern compiled;
    try {
      parse(args);
      compiled = compile();
    } catch (IllegalArgumentException e) {
      io.error("grep: " + e.getMessage());
      return Shell.USAGE;
    }
    boolean selected = false;
    List<TextInputs.Input> read = inputs.read("grep", names, io);
    for (TextInputs.Input input : read) {
      selected |= search(compiled, input, prefix(input, read.size() > 1 || names.size() > 1), io);
      if (selected && has('q')) {
        return 0;
      }
    }
    return inputs.failed() && !has('s') ? Shell.USAGE : selected ? 0 : 1;
  }

  private void parse(List<String> args) {
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("-e") && i + 1 < args.size()) {
        pattern = args.get(++i);
      } else if (arg.startsWith("-") && arg.length() > 1 && !arg.equals("--")) {
        flags += arg.substring(1);
      } else if (pattern == null) {
        pattern = arg;
      } else {
        names.add(arg);
      }
    }
    if (pattern == null) {
      throw new IllegalArgumentException("no pattern (Usage: grep [OPTION]... PATTERNS [FILE]...)");
    }
    String unknown = flags.replaceAll("[EFGvixwcqnhHs]", "");
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("invalid option -- '" + unknown.charAt(0) + "'");
    }
  }

  private Pattern compile() {
    String regex = has('F') ? Pattern.quote(pattern) : has('E') ? pattern : basicToJava(pattern);
    regex = has('x') ? "^(?:" + regex + ")$" : has('w') ? "\\b(?:" + regex + ")\\b" : regex;
    try {
      return Pattern.compile(regex, has('i') ? Pattern.CASE_INSENSITIVE : 0);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException("invalid pattern: " + pattern);
    }
  }

  /** A basic regular expression in Java's syntax: the backslash turns the operators around. */
  private static String basicToJava(String basic) {
    StringBuilder java = new StringBuilder();
    for (int i = 0; i < basic.length(); i++) {
      char c = basic.charAt(i);
      if (c == '\\' && i + 1 < basic.length() && "+?|(){}".indexOf(basic.charAt(i + 1)) >= 0) {
        java.append(basic.charAt(++i));
      } else if ("+?|(){}".indexOf(c) >= 0) {
        java.append('\\').append(c);
      } else {
        java.append(c);
        if (c == '\\' && i + 1 < basic.length()) {
          java.append(basic.charAt(++i));
        }
      }
    }
    return java.toString();
  }

  private boolean search(Pattern compiled, TextInputs.Input input, String prefix, Stdio io)
      throws IOException {
    int count = 0;
    StringBuilder out = new StringBuilder();
    List<String> lines = input.lines();
    for (int n = 0; n < lines.size(); n++) {
      String line = lines.get(n).endsWith("\n") ? lines.get(n).replaceAll("\n$", "") : lines.get(n);
      if (compiled.matcher(line).find() != has('v')) {
        count++;
        out.append(prefix).append(has('n') ? (n + 1) + ":" : "").append(line).append('\n');
      }
    }
    if (!has('q')) {
      io.print(has('c') ? prefix + count + "\n" : out.toString());
    }
    return count > 0;
  }

  private String prefix(TextInputs.Input input, boolean several) {
    boolean named = has('H') || several && !has('h');
    return named ? (input.name().equals("-") ? "(standard input)" : input.name()) + ":" : "";
  }

  private boolean has(char flag) {
    return flags.indexOf(flag) >= 0;
  }
}
