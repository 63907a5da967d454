package io.camelvk.provider.mock;

import java.util.ArrayList;
import java.util.List;

/** A word or an operator of a shell line, as {@link MockCommandLine} splits it. */
record MockShellToken(String text, boolean operator) {

  private static final String OPERATOR_CHARACTERS = "|;&<>";

  /**
   * @throws IllegalArgumentException for an unterminated quote or a background job
   */
  static List<MockShellToken> split(String line) {
    return new Splitter(line).tokens();
  }

  private static final class Splitter {
    private final String line;
    private final List<MockShellToken> tokens = new ArrayList<>();
    private final StringBuilder word = new StringBuilder();
    private boolean inWord;
    private int i;

    Splitter(String line) {
      this.line = line;
    }

    List<MockShellToken> tokens() {
      for (; i < line.length(); i++) {
        char c = line.charAt(i);
        if (c == '\'' || c == '"') {
          quoted(c);
        } else if (c == '\\' && i + 1 < line.length()) {
          append(line.charAt(++i));
        } else if (c == '#' && !inWord) {
          break;
        } else if (c == '>' && inWord && word.toString().equals("2")) {
          word.setLength(0);
          inWord = false;
          tokens.add(new MockShellToken("2>", true));
        } else if (Character.isWhitespace(c) || OPERATOR_CHARACTERS.indexOf(c) >= 0) {
          endWord();
          operator(c);
        } else {
          append(c);
        }
      }
      endWord();
      return tokens;
    }

    private void quoted(char quote) {
      int end = line.indexOf(quote, i + 1);
      while (quote == '"' && end > 0 && line.charAt(end - 1) == '\\') {
        end = line.indexOf(quote, end + 1);
      }
      if (end < 0) {
        throw new IllegalArgumentException("sh: syntax error: unterminated quoted string");
      }
      String text = line.substring(i + 1, end);
      word.append(quote == '"' ? text.replaceAll("\\\\([\"\\\\$`])", "$1") : text);
      inWord = true;
      i = end;
    }

    private void append(char c) {
      word.append(c);
      inWord = true;
    }

    private void endWord() {
      if (inWord) {
        tokens.add(new MockShellToken(word.toString(), false));
        word.setLength(0);
        inWord = false;
      }
    }

    private void operator(char c) {
      if (Character.isWhitespace(c)) {
        return;
      }
      boolean doubled = i + 1 < line.length() && line.charAt(i + 1) == c && c != ';' && c != '<';
      if (c == '&' && !doubled) {
        throw new IllegalArgumentException("sh: background jobs (&) are not supported");
      }
      tokens.add(new MockShellToken(doubled ? "" + c + c : String.valueOf(c), true));
      i += doubled ? 1 : 0;
    }
  }
}
