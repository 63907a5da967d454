package io.camelvk.providers.mock.shell;

/** Where a parenthesis of a shell line is closed, quotes and escapes inside skipped. */
final class Parentheses {

  private Parentheses() {}

  /**
   * The index of the {@code )} that closes the {@code (} at {@code open}.
   *
   * @throws IllegalArgumentException when it is never closed
   */
  static int closing(String line, int open) {
    int depth = 0;
    for (int j = open; j < line.length(); j++) {
      char c = line.charAt(j);
      if (c == '\\') {
        j++;
      } else if (c == '\'') {
        j = skipTo(line, j, '\'');
      } else if (c == '"') {
        j = skipDoubleQuoted(line, j);
      } else if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0) {
        return j;
      }
    }
    throw new IllegalArgumentException("sh: syntax error: missing ')'");
  }

  private static int skipTo(String line, int from, char end) {
    int found = line.indexOf(end, from + 1);
    return found < 0 ? line.length() : found;
  }

  private static int skipDoubleQuoted(String line, int from) {
    for (int j = from + 1; j < line.length(); j++) {
      if (line.charAt(j) == '\\') {
        j++;
      } else if (line.charAt(j) == '"') {
        return j;
      }
    }
    return line.length();
  }
}
