package io.camelvk.providers.mock.shell;

import io.camelvk.providers.mock.shell.ShellSyntax.Branch;
import io.camelvk.providers.mock.shell.ShellSyntax.Command;
import io.camelvk.providers.mock.shell.ShellSyntax.ForLoop;
import io.camelvk.providers.mock.shell.ShellSyntax.IfClause;
import io.camelvk.providers.mock.shell.ShellSyntax.Pipeline;
import io.camelvk.providers.mock.shell.ShellSyntax.Redirect;
import io.camelvk.providers.mock.shell.ShellSyntax.Script;
import io.camelvk.providers.mock.shell.ShellSyntax.Simple;
import io.camelvk.providers.mock.shell.ShellSyntax.Step;
import io.camelvk.providers.mock.shell.ShellSyntax.WhileLoop;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A shell script as the mock's {@code sh} understands it: words (see {@link ShellToken}), pipelines
 * ({@code |}, {@code !}), lists ({@code ;}, newlines, {@code &&}, {@code ||}), redirections ({@code
 * >}, {@code >>}, {@code <}, {@code 2>}, {@code 2>&1}, {@code >&2}), {@code for}, {@code while},
 * {@code until} and {@code if}.
 */
final class CommandLine {

  private static final Set<String> REDIRECTS = Set.of(">", ">>", "<", "2>");
  private static final Set<String> DUPLICATIONS = Set.of("2>&1", ">&2");
  private static final Set<String> CLOSERS = Set.of("do", "done", "then", "elif", "else", "fi");

  private final List<ShellToken> tokens;
  private int next;

  private CommandLine(List<ShellToken> tokens) {
    this.tokens = tokens;
  }

  /**
   * @throws IllegalArgumentException with the shell's message for a script it cannot parse
   */
  static Script parse(String script) {
    CommandLine parser = new CommandLine(ShellToken.split(script));
    Script parsed = parser.list();
    if (parser.more()) {
      throw parser.unexpected();
    }
    return parsed;
  }

  /** Commands separated by {@code ;} or newlines, up to a word that closes a compound command. */
  private Script list() {
    List<Step> steps = new ArrayList<>();
    skipNewlines();
    while (more() && !atCloser()) {
      andOr(steps);
      if (!more() || atCloser()) {
        break;
      }
      if (!peek().is(";") && !peek().is(ShellToken.NEWLINE)) {
        throw unexpected();
      }
      next++;
      skipNewlines();
    }
    return new Script(List.copyOf(steps));
  }

  private void andOr(List<Step> steps) {
    steps.add(new Step(";", pipeline()));
    while (more() && (peek().is("&&") || peek().is("||"))) {
      String connector = tokens.get(next++).operator();
      skipNewlines();
      steps.add(new Step(connector, pipeline()));
    }
  }

  private Pipeline pipeline() {
    boolean negated = more() && peek().is("!");
    next += negated ? 1 : 0;
    List<Command> commands = new ArrayList<>(List.of(command()));
    while (more() && peek().is("|")) {
      next++;
      skipNewlines();
      commands.add(command());
    }
    return new Pipeline(negated, List.copyOf(commands));
  }

  private Command command() {
    if (!more()) {
      throw unexpected();
    }
    ShellToken first = peek();
    if (first.is("for")) {
      return forLoop();
    }
    if (first.is("while") || first.is("until")) {
      return whileLoop();
    }
    return first.is("if") ? ifClause() : simple();
  }

  private Simple simple() {
    List<ShellWord> words = new ArrayList<>();
    List<Redirect> redirects = new ArrayList<>();
    while (more() && (!peek().isOperator() || isRedirect(peek()))) {
      if (peek().isOperator()) {
        redirects.add(redirect());
      } else {
        words.add(tokens.get(next++).word());
      }
    }
    if (words.isEmpty()) {
      throw unexpected();
    }
    return new Simple(List.copyOf(words), List.copyOf(redirects));
  }

  private ForLoop forLoop() {
    next++;
    String name =
        more() && !peek().isOperator() ? tokens.get(next++).word().plainText().orElse("") : "";
    if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new IllegalArgumentException("sh: syntax error: bad for loop variable");
    }
    skipNewlines();
    List<ShellWord> items = new ArrayList<>();
    if (more() && peek().is("in")) {
      next++;
      while (more() && !peek().isOperator()) {
        items.add(tokens.get(next++).word());
      }
    }
    if (more() && (peek().is(";") || peek().is(ShellToken.NEWLINE))) {
      next++;
    }
    skipNewlines();
    expect("do");
    Script body = list();
    expect("done");
    return new ForLoop(name, List.copyOf(items), body, redirects());
  }

  private WhileLoop whileLoop() {
    boolean until = tokens.get(next++).is("until");
    Script condition = list();
    expect("do");
    Script body = list();
    expect("done");
    return new WhileLoop(until, condition, body, redirects());
  }

  private IfClause ifClause() {
    List<Branch> branches = new ArrayList<>();
    next++;
    branches.add(branch());
    while (more() && peek().is("elif")) {
      next++;
      branches.add(branch());
    }
    Script otherwise = new Script(List.of());
    if (more() && peek().is("else")) {
      next++;
      otherwise = list();
    }
    expect("fi");
    return new IfClause(List.copyOf(branches), otherwise, redirects());
  }

  private Branch branch() {
    Script condition = list();
    expect("then");
    return new Branch(condition, list());
  }

  /** The redirections after a compound command. */
  private List<Redirect> redirects() {
    List<Redirect> redirects = new ArrayList<>();
    while (more() && isRedirect(peek())) {
      redirects.add(redirect());
    }
    return List.copyOf(redirects);
  }

  private Redirect redirect() {
    String operator = tokens.get(next++).operator();
    if (DUPLICATIONS.contains(operator)) {
      return new Redirect(operator, null);
    }
    if (!more() || peek().isOperator()) {
      throw unexpected();
    }
    return new Redirect(operator, tokens.get(next++).word());
  }

  private static boolean isRedirect(ShellToken token) {
    return token.isOperator()
        && (REDIRECTS.contains(token.operator()) || DUPLICATIONS.contains(token.operator()));
  }

  private void expect(String word) {
    if (!more() || !peek().is(word)) {
      throw unexpected();
    }
    next++;
  }

  private boolean atCloser() {
    return !peek().isOperator() && CLOSERS.stream().anyMatch(peek()::is);
  }

  private void skipNewlines() {
    while (more() && peek().is(ShellToken.NEWLINE)) {
      next++;
    }
  }

  private boolean more() {
    return next < tokens.size();
  }

  private ShellToken peek() {
    return tokens.get(next);
  }

  private IllegalArgumentException unexpected() {
    String near = more() ? peek().text() : "end of file";
    return new IllegalArgumentException("sh: syntax error: unexpected \"" + near + "\"");
  }
}
