package io.camelvk.providers.mock.shell;

import io.camelvk.providers.mock.files.ContainerFiles;
import io.camelvk.providers.mock.process.Stdio;
import io.camelvk.providers.mock.tar.Tar;
import io.camelvk.providers.mock.terminal.TerminalInterrupt;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One shell process of a mock container: runs a command given as words (an exec) or as a line
 * ({@code sh -c}, an interactive {@code sh}), with pipelines, lists and redirections (see {@link
 * CommandLine}) and variable assignments ({@code NAME=value}). The commands are {@link Builtins},
 * {@link FileCommands}, {@link Tar} and the shell's own: sh, bash, exit, cd, pwd. Anything else
 * exits 127.
 */
public final class Shell {

  static final int NOT_FOUND = 127;
  static final int USAGE = 2;
  static final String PROMPT = "# ";
  static final String HOME = "/root";
  private static final Pattern ASSIGNMENT =
      Pattern.compile("[A-Za-z_][A-Za-z0-9_]*=.*", Pattern.DOTALL);

  private final Container container;
  private final String hostname;
  private final ContainerFiles files;
  private final Clock clock;
  private final Map<String, String> variables = new HashMap<>();
  private String cwd = "/";
  private boolean exited;
  private int status;

  public Shell(Container container, String hostname, ContainerFiles files, Clock clock) {
    this.container = container;
    this.hostname = hostname;
    this.files = files;
    this.clock = clock;
  }

  /** Runs one command given as words and returns its exit code. */
  int run(List<String> words, Stdio io) throws IOException {
    if (words.isEmpty() || words.get(0).isBlank()) {
      io.error("sh: no command");
      return NOT_FOUND;
    }
    int assignments = 0;
    while (assignments < words.size() && ASSIGNMENT.matcher(words.get(assignments)).matches()) {
      assignments++;
    }
    if (assignments == words.size()) {
      for (String assignment : words) {
        int equals = assignment.indexOf('=');
        variables.put(assignment.substring(0, equals), assignment.substring(equals + 1));
      }
      return 0;
    }
    String name = words.get(assignments);
    List<String> args = words.subList(assignments + 1, words.size());
    return switch (name) {
      case "sh", "/bin/sh", "bash", "/bin/bash" -> shell(args, io);
      case "exit" -> exit(args, io);
      case "cd" -> cd(args, io);
      case "pwd" -> Builtins.print(io, cwd + "\n");
      case "tar" -> new Tar(files, cwd, clock).run(args, io);
      default -> {
        if (FileCommands.NAMES.contains(name)) {
          yield new FileCommands(files, cwd).run(name, args, io);
        }
        if (Builtins.NAMES.contains(name)) {
          yield new Builtins(container, hostname).run(name, args, io);
        }
        io.error(name + ": command not found");
        yield NOT_FOUND;
      }
    };
  }

  /** Runs a command line; returns the exit code of the last pipeline it ran. */
  int script(String line, Stdio io) throws IOException {
    List<CommandLine.Step> steps;
    try {
      steps = CommandLine.parse(line);
    } catch (IllegalArgumentException e) {
      io.error(e.getMessage());
      return status = USAGE;
    }
    for (CommandLine.Step step : steps) {
      if (exited) {
        break;
      }
      boolean skip =
          step.connector().equals("&&") && status != 0
              || step.connector().equals("||") && status == 0;
      if (!skip) {
        int code = pipeline(step.pipeline(), io);
        status = exited ? status : code;
      }
    }
    return status;
  }

  /** A shell variable: {@code ?}, one set here, PWD, HOME, HOSTNAME or the container's env. */
  private String variable(String name) {
    if (variables.containsKey(name)) {
      return variables.get(name);
    }
    return switch (name) {
      case "?" -> String.valueOf(status);
      case "PWD" -> cwd;
      case "HOME" -> HOME;
      case "HOSTNAME" -> hostname;
      default ->
          container.getEnv().stream()
              .filter(v -> v.getName().equals(name) && v.getValue() != null)
              .map(EnvVar::getValue)
              .findFirst()
              .orElse("");
    };
  }

  private int shell(List<String> args, Stdio io) throws IOException {
    if (args.isEmpty() || args.get(0).matches("-[il]+")) {
      return new InteractiveShell(this).run(io);
    }
    Shell child = new Shell(container, hostname, files, clock);
    child.cwd = cwd;
    if (args.get(0).equals("-c")) {
      if (args.size() < 2) {
        io.error("sh: -c requires an argument");
        return USAGE;
      }
      return child.script(args.get(1), io);
    }
    String path = ContainerFiles.resolve(cwd, args.get(0));
    byte[] script = files.read(path).orElse(null);
    if (script == null) {
      io.error("sh: can't open '" + args.get(0) + "': No such file or directory");
      return NOT_FOUND;
    }
    for (String line : new String(script, StandardCharsets.UTF_8).split("\n")) {
      child.script(line, io);
      if (child.exited) {
        break;
      }
    }
    return child.status;
  }

  /** Ctrl-C at the prompt: the status becomes 130, as after an interrupted command. */
  int interrupted() {
    return status = Builtins.INTERRUPTED;
  }

  boolean exited() {
    return exited;
  }

  int status() {
    return status;
  }

  private int exit(List<String> args, Stdio io) throws IOException {
    exited = true;
    try {
      status = args.isEmpty() ? status : Integer.parseInt(args.get(0)) & 0xff;
    } catch (NumberFormatException e) {
      io.error("sh: exit: illegal number: " + args.get(0));
      status = USAGE;
    }
    return status;
  }

  private int cd(List<String> args, Stdio io) throws IOException {
    String target = ContainerFiles.resolve(cwd, args.isEmpty() ? HOME : args.get(0));
    if (!files.isDirectory(target)) {
      io.error("sh: cd: can't cd to " + args.get(0) + ": No such file or directory");
      return USAGE;
    }
    cwd = target;
    return 0;
  }

  /** Runs the commands of a pipeline one after the other, each reading what the last wrote. */
  private int pipeline(List<CommandLine.Command> commands, Stdio io) throws IOException {
    InputStream in = io.in();
    int code = 0;
    for (int i = 0; i < commands.size(); i++) {
      boolean last = i == commands.size() - 1;
      ByteArrayOutputStream piped = new ByteArrayOutputStream();
      code = command(commands.get(i), io.withIn(in).withOut(last ? io.out() : piped));
      in = new ByteArrayInputStream(piped.toByteArray());
    }
    return code;
  }

  private int command(CommandLine.Command command, Stdio io) throws IOException {
    Stdio redirected = io;
    Redirects redirects = new Redirects(files, cwd);
    for (CommandLine.Redirect redirect : command.redirects()) {
      String target = ShellToken.expand(redirect.target(), this::variable);
      redirected =
          redirects.apply(new CommandLine.Redirect(redirect.operator(), target), redirected);
      if (redirected == null) {
        return 1;
      }
    }
    try {
      return run(
          command.words().stream().map(w -> ShellToken.expand(w, this::variable)).toList(),
          redirected);
    } catch (TerminalInterrupt e) {
      return Builtins.INTERRUPTED;
    } finally {
      redirects.close();
    }
  }
}
