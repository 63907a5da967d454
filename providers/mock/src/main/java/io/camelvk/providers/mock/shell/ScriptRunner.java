package io.camelvk.providers.mock.shell;

import io.camelvk.providers.mock.process.Stdio;
import io.camelvk.providers.mock.shell.ShellSyntax.Command;
import io.camelvk.providers.mock.shell.ShellSyntax.ForLoop;
import io.camelvk.providers.mock.shell.ShellSyntax.IfClause;
import io.camelvk.providers.mock.shell.ShellSyntax.Pipeline;
import io.camelvk.providers.mock.shell.ShellSyntax.Redirect;
import io.camelvk.providers.mock.shell.ShellSyntax.Script;
import io.camelvk.providers.mock.shell.ShellSyntax.Simple;
import io.camelvk.providers.mock.shell.ShellSyntax.Step;
import io.camelvk.providers.mock.shell.ShellSyntax.WhileLoop;
import io.camelvk.providers.mock.terminal.TerminalInterrupt;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Runs a parsed script in its {@link Shell}: lists, pipelines (run one after the other, each
 * reading what the one before wrote), redirections, loops (each turn is the host's, see {@link
 * ShellHost#loopTurn}) with {@code break} and {@code continue}, and if.
 */
final class ScriptRunner {

  private final Shell shell;
  private int loops;
  private Integer substitutionStatus;

  ScriptRunner(Shell shell) {
    this.shell = shell;
  }

  /** Runs the script; returns the status of the last pipeline it ran. */
  int run(Script script, Stdio io) throws IOException {
    for (Step step : script.steps()) {
      if (shell.exited()) {
        break;
      }
      boolean skip =
          step.connector().equals("&&") && shell.status() != 0
              || step.connector().equals("||") && shell.status() == 0;
      if (!skip) {
        int code = pipeline(step.pipeline(), io);
        shell.status(shell.exited() ? shell.status() : code);
      }
    }
    return shell.status();
  }

  private int pipeline(Pipeline pipeline, Stdio io) throws IOException {
    InputStream in = io.in();
    int code = 0;
    List<Command> commands = pipeline.commands();
    for (int i = 0; i < commands.size(); i++) {
      boolean last = i == commands.size() - 1;
      PipeBuffer piped = new PipeBuffer();
      code = redirected(commands.get(i), io.withIn(in).withOut(last ? io.out() : piped));
      in = piped.reader();
    }
    return pipeline.negated() ? (code == 0 ? 1 : 0) : code;
  }

  private int redirected(Command command, Stdio io) throws IOException {
    Redirects redirects = new Redirects(shell.files(), shell.cwd());
    try {
      Stdio redirected = io;
      for (Redirect redirect : command.redirects()) {
        String target = redirect.target() == null ? null : expansion(io).string(redirect.target());
        redirected = redirects.apply(redirect.operator(), target, redirected);
        if (redirected == null) {
          return 1;
        }
      }
      return command(command, redirected);
    } catch (TerminalInterrupt e) {
      return Builtins.INTERRUPTED;
    } catch (PipeBuffer.Full e) {
      return PipeBuffer.BROKEN_PIPE;
    } catch (IllegalArgumentException e) {
      io.error(e.getMessage());
      return Shell.USAGE;
    } finally {
      redirects.close();
    }
  }

  private int command(Command command, Stdio io) throws IOException {
    return switch (command) {
      case Simple simple -> simple(simple, io);
      case ForLoop loop -> forLoop(loop, io);
      case WhileLoop loop -> whileLoop(loop, io);
      case IfClause clause -> ifClause(clause, io);
    };
  }

  private int simple(Simple command, Stdio io) throws IOException {
    List<ShellWord> words = command.words();
    int assignments = 0;
    while (assignments < words.size() && words.get(assignments).assignment().isPresent()) {
      assignments++;
    }
    substitutionStatus = null;
    if (assignments == words.size()) {
      for (ShellWord word : words) {
        ShellWord.Assignment assignment = word.assignment().orElseThrow();
        shell.variables().put(assignment.name(), expansion(io).string(assignment.value()));
      }
      return substitutionStatus == null ? 0 : substitutionStatus;
    }
    List<String> fields = expansion(io).fields(words.subList(assignments, words.size()));
    if (fields.isEmpty()) {
      return substitutionStatus == null ? 0 : substitutionStatus;
    }
    if (LoopControl.NAMES.contains(fields.get(0))) {
      if (loops > 0) {
        throw LoopControl.of(fields, loops);
      }
      return 0;
    }
    return shell.runProgram(fields, io);
  }

  private int forLoop(ForLoop loop, Stdio io) throws IOException {
    int code = 0;
    loops++;
    try {
      for (String item : expansion(io).fields(loop.items())) {
        if (shell.exited() || !shell.host().loopTurn()) {
          break;
        }
        shell.variables().put(loop.name(), item);
        Optional<Integer> turn = turn(loop.body(), io);
        if (turn.isEmpty()) {
          break;
        }
        code = turn.get();
      }
    } finally {
      loops--;
    }
    return code;
  }

  private int whileLoop(WhileLoop loop, Stdio io) throws IOException {
    int code = 0;
    loops++;
    try {
      while (!shell.exited() && shell.host().loopTurn()) {
        boolean holds = run(loop.condition(), io) == 0;
        if (shell.exited() || holds == loop.until()) {
          break;
        }
        Optional<Integer> turn = turn(loop.body(), io);
        if (turn.isEmpty()) {
          break;
        }
        code = turn.get();
      }
    } finally {
      loops--;
    }
    return code;
  }

  /** One turn of a loop's body: its status, or empty when {@code break} ends the loop. */
  private Optional<Integer> turn(Script body, Stdio io) throws IOException {
    try {
      return Optional.of(run(body, io));
    } catch (LoopControl control) {
      if (control.outer().isPresent()) {
        throw control.outer().get();
      }
      return control.breaks() ? Optional.empty() : Optional.of(0);
    }
  }

  private int ifClause(IfClause clause, Stdio io) throws IOException {
    for (ShellSyntax.Branch branch : clause.branches()) {
      if (run(branch.condition(), io) == 0 && !shell.exited()) {
        return run(branch.body(), io);
      }
      if (shell.exited()) {
        return shell.status();
      }
    }
    return clause.otherwise().steps().isEmpty() ? 0 : run(clause.otherwise(), io);
  }

  /**
   * The expansion of words in this shell; a command substitution writes its errors to {@code io}.
   */
  private WordExpansion expansion(Stdio io) {
    return new WordExpansion(new Values(io));
  }

  private final class Values implements WordExpansion.Values {
    private final Stdio io;

    Values(Stdio io) {
      this.io = io;
    }

    @Override
    public String variable(String name) {
      return shell.variable(name);
    }

    @Override
    public String substitution(String script) throws IOException {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      substitutionStatus = shell.subshell().script(script, io.withOut(out));
      return out.toString(StandardCharsets.UTF_8);
    }

    @Override
    public String arithmetic(String expression) {
      return String.valueOf(Arithmetic.evaluate(expression, shell::variable));
    }
  }
}
