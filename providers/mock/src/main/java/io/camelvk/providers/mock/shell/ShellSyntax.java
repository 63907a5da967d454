package io.camelvk.providers.mock.shell;

import java.util.List;

/**
 * A parsed shell script: what {@link CommandLine} makes of a line and {@link ScriptRunner} runs.
 */
final class ShellSyntax {

  private ShellSyntax() {}

  /** Commands run one after the other, each when its connector says so. */
  record Script(List<Step> steps) {}

  /** A pipeline, run when {@code connector} (";", "&&" or "||") says so after the one before. */
  record Step(String connector, Pipeline pipeline) {}

  /** Commands joined by {@code |}; {@code !} in front negates its status. */
  record Pipeline(boolean negated, List<Command> commands) {}

  /** A redirection: the operator and the file it names (none for {@code 2>&1} and {@code >&2}). */
  record Redirect(String operator, ShellWord target) {}

  /** One command of a pipeline, with its redirections. */
  sealed interface Command permits Simple, ForLoop, WhileLoop, IfClause {
    List<Redirect> redirects();
  }

  /** Words: assignments, or a program and its arguments. */
  record Simple(List<ShellWord> words, List<Redirect> redirects) implements Command {}

  /** {@code for NAME in WORDS; do BODY; done}. */
  record ForLoop(String name, List<ShellWord> items, Script body, List<Redirect> redirects)
      implements Command {}

  /** {@code while CONDITION; do BODY; done}, or {@code until}. */
  record WhileLoop(boolean until, Script condition, Script body, List<Redirect> redirects)
      implements Command {}

  /** {@code if CONDITION; then BODY; [elif ...;] [else OTHERWISE;] fi}. */
  record IfClause(List<Branch> branches, Script otherwise, List<Redirect> redirects)
      implements Command {}

  /** A condition of an if and the body it guards. */
  record Branch(Script condition, Script body) {}
}
