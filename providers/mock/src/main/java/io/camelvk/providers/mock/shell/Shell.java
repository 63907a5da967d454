package io.camelvk.providers.mock.shell;

import io.camelvk.providers.mock.files.ContainerFiles;
import io.camelvk.providers.mock.process.Stdio;
import io.camelvk.providers.mock.tar.Tar;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One shell process of a mock container: runs a command given as words (an exec, a container's
 * command) or a script ({@code sh -c}, an interactive {@code sh}; see {@link CommandLine} and
 * {@link ScriptRunner}). The programs are {@link Builtins}, {@link FileCommands}, {@link Printf},
 * {@link Head}, {@link Tail}, {@link Grep}, {@link TestCommand}, {@link Tar}, script files, and the
 * shell's own ({@link SpecialBuiltins}); a program the mock does not have is its host's to run
 * ({@link ShellHost#unknownProgram}).
 */
public final class Shell {

  static final int NOT_FOUND = 127;
  static final int USAGE = 2;
  static final String PROMPT = "# ";
  static final String HOME = "/root";
  private static final Pattern ASSIGNMENT =
      Pattern.compile("[A-Za-z_][A-Za-z0-9_]*=.*", Pattern.DOTALL);
  private static final Set<String> BIN_DIRECTORIES =
      Set.of("/bin", "/usr/bin", "/sbin", "/usr/sbin", "/usr/local/bin");

  private final Container container;
  private final String hostname;
  private final ContainerFiles files;
  private final ShellHost host;
  private final Map<String, String> variables = new HashMap<>();
  private final Map<String, String> exported = new LinkedHashMap<>();
  private final SpecialBuiltins special = new SpecialBuiltins(this);
  private String cwd = "/";
  private boolean exited;
  private int status;

  /** A shell for an exec: real time, and unknown programs are {@code command not found}. */
  public Shell(Container container, String hostname, ContainerFiles files, Clock clock) {
    this(container, hostname, files, new ExecHost(clock));
  }

  public Shell(Container container, String hostname, ContainerFiles files, ShellHost host) {
    this.container = container;
    this.hostname = hostname;
    this.files = files;
    this.host = host;
  }

  /** Runs one command given as words, not parsed nor expanded, and returns its exit code. */
  public int run(List<String> words, Stdio io) throws IOException {
    if (words.isEmpty() || words.get(0).isBlank()) {
      io.error("sh: no command");
      return NOT_FOUND;
    }
    int assignments = leadingAssignments(words);
    if (assignments == words.size()) {
      words.forEach(special::assign);
      return 0;
    }
    return runProgram(words.subList(assignments, words.size()), io);
  }

  private static int leadingAssignments(List<String> words) {
    int assignments = 0;
    while (assignments < words.size() && ASSIGNMENT.matcher(words.get(assignments)).matches()) {
      assignments++;
    }
    return assignments;
  }

  /** Runs a script; returns the exit code of the last command it ran. */
  int script(String script, Stdio io) throws IOException {
    ShellSyntax.Script parsed;
    try {
      parsed = CommandLine.parse(script);
    } catch (IllegalArgumentException e) {
      io.error(e.getMessage());
      return status = USAGE;
    }
    return new ScriptRunner(this).run(parsed, io);
  }

  /** Runs a program with its arguments, all expanded. */
  int runProgram(List<String> fields, Stdio io) throws IOException {
    String name = programName(fields.get(0));
    List<String> args = fields.subList(1, fields.size());
    if (SpecialBuiltins.NAMES.contains(name)) {
      return special.run(name, args, io);
    }
    return switch (name) {
      case "sh", "bash" -> shell(args, io);
      case "env" -> env(args, io);
      case "test", "[" -> new TestCommand(files, cwd).run(name, args, io);
      case "tar" -> new Tar(files, cwd, host.clock()).run(args, io);
      case "printf" -> Printf.run(args, io);
      case "head" -> new Head(files, cwd).run(args, io);
      case "tail" -> new Tail(files, cwd, host).run(args, io);
      case "grep" -> new Grep(files, cwd).run(args, io);
      default -> {
        if (FileCommands.NAMES.contains(name)) {
          yield new FileCommands(files, cwd).run(name, args, io);
        }
        if (Builtins.NAMES.contains(name)) {
          yield new Builtins(this::environment, hostname, host).run(name, args, io);
        }
        if (name.contains("/") && files.isFile(ContainerFiles.resolve(cwd, name))) {
          yield shell(fields, io);
        }
        yield host.unknownProgram(fields.get(0), io);
      }
    };
  }

  /**
   * {@code env [NAME=value]... [COMMAND]}: the command with the variables exported, or them all.
   */
  private int env(List<String> args, Stdio io) throws IOException {
    int assignments = leadingAssignments(args);
    args.subList(0, assignments).forEach(special::export);
    return assignments < args.size()
        ? runProgram(args.subList(assignments, args.size()), io)
        : new Builtins(this::environment, hostname, host).run("env", List.of(), io);
  }

  /** {@code /bin/echo} is {@code echo}: the programs are in every directory of the PATH. */
  private static String programName(String word) {
    int slash = word.lastIndexOf('/');
    return slash > 0 && BIN_DIRECTORIES.contains(word.substring(0, slash))
        ? word.substring(slash + 1)
        : word;
  }

  private int shell(List<String> args, Stdio io) throws IOException {
    if (args.isEmpty() || args.get(0).matches("-[il]+")) {
      return new InteractiveShell(this).run(io);
    }
    Shell child = new Shell(container, hostname, files, host);
    child.cwd = cwd;
    child.exported.putAll(exported);
    if (args.get(0).equals("-c")) {
      if (args.size() < 2) {
        io.error("sh: -c requires an argument");
        return USAGE;
      }
      return child.script(args.get(1), io);
    }
    byte[] script = files.read(ContainerFiles.resolve(cwd, args.get(0))).orElse(null);
    if (script == null) {
      io.error("sh: can't open '" + args.get(0) + "': No such file or directory");
      return NOT_FOUND;
    }
    return child.script(new String(script, StandardCharsets.UTF_8), io);
  }

  /** A copy of this shell for a command substitution: same variables and directory. */
  Shell subshell() {
    Shell copy = new Shell(container, hostname, files, host);
    copy.variables.putAll(variables);
    copy.exported.putAll(exported);
    copy.cwd = cwd;
    copy.status = status;
    return copy;
  }

  /** A shell variable: {@code ?}, one set here, PWD, HOME, or one of the environment. */
  String variable(String name) {
    if (variables.containsKey(name)) {
      return variables.get(name);
    }
    return switch (name) {
      case "?" -> String.valueOf(status);
      case "PWD" -> cwd;
      case "HOME" -> HOME;
      default -> environment().getOrDefault(name, "");
    };
  }

  /** The process's environment: HOSTNAME, the container's resolved env, what was exported. */
  Map<String, String> environment() {
    Map<String, String> environment = new LinkedHashMap<>();
    environment.put("HOSTNAME", hostname);
    for (EnvVar var : container.getEnv()) {
      environment.put(var.getName(), var.getValue() == null ? "" : var.getValue());
    }
    environment.putAll(exported);
    return environment;
  }

  Map<String, String> variables() {
    return variables;
  }

  /** The variables exported to the programs the shell runs (and their shells). */
  Map<String, String> exported() {
    return exported;
  }

  ContainerFiles files() {
    return files;
  }

  ShellHost host() {
    return host;
  }

  String cwd() {
    return cwd;
  }

  void cwd(String directory) {
    cwd = directory;
  }

  /** Ctrl-C at the prompt: the status becomes 130, as after an interrupted command. */
  int interrupted() {
    return status = Builtins.INTERRUPTED;
  }

  boolean exited() {
    return exited;
  }

  /** {@code exit}: the shell runs nothing more and ends with this status. */
  void exit(int code) {
    exited = true;
    status = code;
  }

  int status() {
    return status;
  }

  void status(int code) {
    status = code;
  }
}
