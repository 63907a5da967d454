package io.camelvk.providers.mock.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A word or an operator of a shell line, as {@link CommandLine} splits it. */
record ShellToken(String text, boolean operator) {

  private static final String OPERATOR_CHARACTERS = "|;&<>";
  private static final char MARK = '\0';
  private static final Pattern MARKED = Pattern.compile("\0([^\0]*)\0");
  private static final Pattern VARIABLE =
      Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)\\}|([A-Za-z_][A-Za-z0-9_]*|\\?)");

  /**
   * @throws IllegalArgumentException for an unterminated quote or a background job
   */
  static List<ShellToken> split(String line) {
    return new Splitter(line).tokens();
  }

  /** Replaces the variables marked in a word with their values, when the command runs. */
  static String expand(String word, UnaryOperator<String> variables) {
    if (word.indexOf(MARK) < 0) {
      return word;
    }
    return MARKED
        .matcher(word)
        .replaceAll(m -> Matcher.quoteReplacement(variables.apply(m.group(1))));
  }

  private static final class Splitter {
    private final String line;
    private final List<ShellToken> tokens = new ArrayList<>();
    private final StringBuilder word = new StringBuilder();
    private boolean inWord;
    private int i;

    Splitter(String line) {
      this.line = line;
    }

    List<ShellToken> tokens() {
      for (; i < line.length(); i++) {
        char c = line.charAt(i);
        if (c == '\'' || c == '"') {
          quoted(c);
        } else if (c == '\\' && i + 1 < line.length()) {
          append(line.charAt(++i));
        } else if (c == '$') {
          expand();
        } else if (c == '#' && !inWord) {
          break;
        } else if (c == '>' && inWord && word.toString().equals("2")) {
          word.setLength(0);
          inWord = false;
          tokens.add(new ShellToken("2>", true));
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
      inWord = true;
      for (i++; i < line.length(); i++) {
        char c = line.charAt(i);
        if (c == quote) {
          return;
        }
        if (quote == '"'
            && c == '\\'
            && i + 1 < line.length()
            && "\"\\$`".indexOf(line.charAt(i + 1)) >= 0) {
          word.append(line.charAt(++i));
        } else if (quote == '"' && c == '$') {
          expand();
        } else {
          word.append(c);
        }
      }
      throw new IllegalArgumentException("sh: syntax error: unterminated quoted string");
    }

    /** Marks {@code $NAME}, {@code ${NAME}} or {@code $?} at {@code i} for {@link #expand}. */
    private void expand() {
      Matcher name = VARIABLE.matcher(line).region(i + 1, line.length());
      if (!name.lookingAt()) {
        append('$');
        return;
      }
      String key = name.group(1) != null ? name.group(1) : name.group(2);
      word.append(MARK).append(key).append(MARK);
      inWord = true;
      i = name.end() - 1;
    }

    private void append(char c) {
      word.append(c);
      inWord = true;
    }

    private void endWord() {
      if (inWord) {
        tokens.add(new ShellToken(word.toString(), false));
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
      tokens.add(new ShellToken(doubled ? "" + c + c : String.valueOf(c), true));
      i += doubled ? 1 : 0;
    }
  }
}
