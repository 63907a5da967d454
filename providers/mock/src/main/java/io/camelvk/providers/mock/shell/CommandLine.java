package io.camelvk.providers.mock.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * A shell command line as the mock's {@code sh} understands it: words with single and double quotes
 * and backslashes, pipelines ({@code |}), lists ({@code ;}, {@code &&}, {@code ||}), redirections
 * ({@code >}, {@code >>}, {@code <}, {@code 2>}) and {@code #} comments.
 */
final class CommandLine {

  /** A redirection of one command: the operator and the file it names. */
  record Redirect(String operator, String target) {}

  /** One command: its words and redirections. */
  record Command(List<String> words, List<Redirect> redirects) {}

  /** A pipeline, run when {@code connector} (";", "&&" or "||") says so after the one before. */
  record Step(String connector, List<Command> pipeline) {}

  private static final List<String> REDIRECTS = List.of(">", ">>", "<", "2>");

  private final List<Step> steps = new ArrayList<>();
  private final List<Command> pipeline = new ArrayList<>();
  private final List<String> words = new ArrayList<>();
  private final List<Redirect> redirects = new ArrayList<>();
  private String connector = ";";

  private CommandLine() {}

  /**
   * @throws IllegalArgumentException with the shell's message for a line it cannot parse
   */
  static List<Step> parse(String line) {
    CommandLine parsed = new CommandLine();
    List<ShellToken> tokens = ShellToken.split(line);
    for (int i = 0; i < tokens.size(); i++) {
      ShellToken token = tokens.get(i);
      if (!token.operator()) {
        parsed.words.add(token.text());
      } else if (REDIRECTS.contains(token.text())) {
        if (i + 1 >= tokens.size() || tokens.get(i + 1).operator()) {
          throw syntaxError(i + 1 < tokens.size() ? tokens.get(i + 1).text() : "newline");
        }
        parsed.redirects.add(new Redirect(token.text(), tokens.get(++i).text()));
      } else {
        parsed.endCommand(token.text());
      }
    }
    return parsed.end();
  }

  private void endCommand(String operator) {
    if (words.isEmpty()) {
      throw syntaxError(operator);
    }
    pipeline.add(new Command(List.copyOf(words), List.copyOf(redirects)));
    words.clear();
    redirects.clear();
    if (!operator.equals("|")) {
      steps.add(new Step(connector, List.copyOf(pipeline)));
      pipeline.clear();
      connector = operator;
    }
  }

  private List<Step> end() {
    if (!words.isEmpty()) {
      endCommand(";");
    } else if (!pipeline.isEmpty() || !connector.equals(";")) {
      throw syntaxError("end of file");
    }
    return List.copyOf(steps);
  }

  private static IllegalArgumentException syntaxError(String near) {
    return new IllegalArgumentException("sh: syntax error: unexpected \"" + near + "\"");
  }
}
