package io.camelvk.providers.mock.shell;

import io.camelvk.providers.mock.files.ContainerFiles;
import io.camelvk.providers.mock.process.Stdio;
import java.io.IOException;
import java.util.List;

/**
 * The commands that change the shell itself: {@code exit}, {@code cd}, {@code pwd}, {@code exec},
 * {@code eval}, {@code read}, {@code export}, {@code local}, {@code readonly}, {@code unset}, and
 * those accepted without effect ({@code :}, {@code set}, {@code trap}, {@code umask}, {@code
 * wait}), so that scripts using them run.
 */
final class SpecialBuiltins {

  static final List<String> NAMES =
      List.of(
          "exit",
          "cd",
          "pwd",
          "exec",
          "eval",
          "read",
          "export",
          "local",
          "readonly",
          "unset",
          ":",
          "set",
          "trap",
          "umask",
          "wait");

  private final Shell shell;

  SpecialBuiltins(Shell shell) {
    this.shell = shell;
  }

  int run(String name, List<String> args, Stdio io) throws IOException {
    return switch (name) {
      case "exit" -> exit(args, io);
      case "cd" -> cd(args, io);
      case "pwd" -> Builtins.print(io, shell.cwd() + "\n");
      case "exec" -> exec(args, io);
      case "eval" -> shell.script(String.join(" ", args), io);
      case "read" -> read(args, io);
      case "export" -> exportEach(args);
      case "local", "readonly" -> assignEach(args);
      case "unset" -> unset(args);
      default -> 0;
    };
  }

  /** Sets a variable from {@code NAME=value}; a word without {@code =} changes nothing. */
  void assign(String word) {
    int equals = word.indexOf('=');
    if (equals > 0) {
      shell.variables().put(word.substring(0, equals), word.substring(equals + 1));
    }
  }

  private int exit(List<String> args, Stdio io) throws IOException {
    try {
      shell.exit(args.isEmpty() ? shell.status() : Integer.parseInt(args.get(0)) & 0xff);
    } catch (NumberFormatException e) {
      io.error("sh: exit: illegal number: " + args.get(0));
      shell.exit(Shell.USAGE);
    }
    return shell.status();
  }

  private int cd(List<String> args, Stdio io) throws IOException {
    String target = ContainerFiles.resolve(shell.cwd(), args.isEmpty() ? Shell.HOME : args.get(0));
    if (!shell.files().isDirectory(target)) {
      io.error("sh: cd: can't cd to " + args.get(0) + ": No such file or directory");
      return Shell.USAGE;
    }
    shell.cwd(target);
    return 0;
  }

  /** {@code exec COMMAND}: the command replaces the shell, which ends with its status. */
  private int exec(List<String> args, Stdio io) throws IOException {
    if (args.isEmpty()) {
      return 0;
    }
    int code = shell.runProgram(args, io);
    shell.exit(code);
    return code;
  }

  /** {@code read [-r] NAME...}: one line of stdin, split at blanks; the last name gets the rest. */
  private int read(List<String> args, Stdio io) throws IOException {
    String line = InteractiveShell.readLine(io.in());
    List<String> names = args.stream().filter(a -> !a.startsWith("-")).toList();
    names = names.isEmpty() ? List.of("REPLY") : names;
    String rest = line == null ? "" : line.strip();
    for (int i = 0; i < names.size(); i++) {
      String[] split = i == names.size() - 1 ? new String[] {rest} : rest.split("\\s+", 2);
      shell.variables().put(names.get(i), split[0]);
      rest = split.length > 1 ? split[1] : "";
    }
    return line == null ? 1 : 0;
  }

  /** Sets and exports a variable from {@code NAME=value}, or exports {@code NAME} as it is. */
  void export(String word) {
    int equals = word.indexOf('=');
    String name = equals > 0 ? word.substring(0, equals) : word;
    String value = equals > 0 ? word.substring(equals + 1) : shell.variable(name);
    shell.variables().put(name, value);
    shell.exported().put(name, value);
  }

  private int exportEach(List<String> args) {
    args.forEach(this::export);
    return 0;
  }

  private int assignEach(List<String> args) {
    args.forEach(this::assign);
    return 0;
  }

  private int unset(List<String> args) {
    args.forEach(shell.variables()::remove);
    args.forEach(shell.exported()::remove);
    return 0;
  }
}
