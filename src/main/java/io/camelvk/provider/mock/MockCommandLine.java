package io.camelvk.provider.mock;

import java.util.ArrayList;
import java.util.List;

/**
 * A shell command line as the mock's {@code sh} understands it: words with single and double quotes
 * and backslashes, pipelines ({@code |}), lists ({@code ;}, {@code &&}, {@code ||}), redirections
 * ({@code >}, {@code >>}, {@code <}, {@code 2>}) and {@code #} comments.
 */
final class MockCommandLine {

  /** A redirection of one command: the operator and the file it names. */
  record Redirect(String operator, String target) {}

  /** One command: its words and redirections. */
  record Command(List<String> words, List<Redirect> redirects) {}

  /** A pipeline, run when {@code connector} (";", "&&" or "||") says so after the one before. */
  record Step(String connector, List<Command> pipeline) {}

  private record Token(String text, boolean operator) {}

  private static final List<String> REDIRECTS = List.of(">", ">>", "<", "2>");

  private MockCommandLine() {}

  /**
   * @throws IllegalArgumentException with the shell's message for a line it cannot parse
   */
  static List<Step> parse(String line) {
    List<Step> steps = new ArrayList<>();
    List<Command> pipeline = new ArrayList<>();
    List<String> words = new ArrayList<>();
    List<Redirect> redirects = new ArrayList<>();
    String connector = ";";
    List<Token> tokens = tokens(line);
    for (int i = 0; i < tokens.size(); i++) {
      Token token = tokens.get(i);
      if (!token.operator()) {
        words.add(token.text());
      } else if (REDIRECTS.contains(token.text())) {
        if (i + 1 >= tokens.size() || tokens.get(i + 1).operator()) {
          throw syntaxError(i + 1 < tokens.size() ? tokens.get(i + 1).text() : "newline");
        }
        redirects.add(new Redirect(token.text(), tokens.get(++i).text()));
      } else {
        if (words.isEmpty()) {
          throw syntaxError(token.text());
        }
        pipeline.add(new Command(List.copyOf(words), List.copyOf(redirects)));
        words.clear();
        redirects.clear();
        if (!token.text().equals("|")) {
          steps.add(new Step(connector, List.copyOf(pipeline)));
          pipeline.clear();
          connector = token.text();
        }
      }
    }
    if (!words.isEmpty()) {
      pipeline.add(new Command(List.copyOf(words), List.copyOf(redirects)));
      steps.add(new Step(connector, List.copyOf(pipeline)));
    } else if (!pipeline.isEmpty() || !connector.equals(";")) {
      throw syntaxError("end of file");
    }
    return steps;
  }

  private static List<Token> tokens(String line) {
    List<Token> tokens = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\'' || c == '"') {
        int end = line.indexOf(c, i + 1);
        while (c == '"' && end > 0 && line.charAt(end - 1) == '\\') {
          end = line.indexOf(c, end + 1);
        }
        if (end < 0) {
          throw new IllegalArgumentException("sh: syntax error: unterminated quoted string");
        }
        String quoted = line.substring(i + 1, end);
        word.append(c == '"' ? quoted.replaceAll("\\\\([\"\\\\$`])", "$1") : quoted);
        inWord = true;
        i = end;
      } else if (c == '\\' && i + 1 < line.length()) {
        word.append(line.charAt(++i));
        inWord = true;
      } else if (Character.isWhitespace(c) || "|;&<>#".indexOf(c) >= 0) {
        if (c == '#' && inWord) {
          word.append(c);
          continue;
        }
        if (c == '>' && inWord && word.toString().equals("2")) {
          word.setLength(0);
          inWord = false;
          tokens.add(new Token("2>", true));
          continue;
        }
        if (inWord) {
          tokens.add(new Token(word.toString(), false));
          word.setLength(0);
          inWord = false;
        }
        if (c == '#') {
          break;
        }
        i = operator(line, i, tokens);
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (inWord) {
      tokens.add(new Token(word.toString(), false));
    }
    return tokens;
  }

  /** Adds the operator at {@code i} (if any) and returns the index of its last character. */
  private static int operator(String line, int i, List<Token> tokens) {
    char c = line.charAt(i);
    if (Character.isWhitespace(c)) {
      return i;
    }
    boolean doubled = i + 1 < line.length() && line.charAt(i + 1) == c && c != ';' && c != '<';
    if (c == '&' && !doubled) {
      throw new IllegalArgumentException("sh: background jobs (&) are not supported");
    }
    tokens.add(new Token(doubled ? "" + c + c : "" + c, true));
    return doubled ? i + 1 : i;
  }

  private static IllegalArgumentException syntaxError(String near) {
    return new IllegalArgumentException("sh: syntax error: unexpected \"" + near + "\"");
  }
}
