package io.camelvk.providers.mock.shell;

import io.camelvk.providers.mock.files.ContainerFiles;
import io.camelvk.providers.mock.process.Stdio;
import java.io.IOException;
import java.util.List;

/**
 * {@code test EXPRESSION} and {@code [ EXPRESSION ]}: files ({@code -d -f -e -s}), strings ({@code
 * -z -n = !=}, a lone string is true when not empty), integers ({@code -eq -ne -lt -le -gt -ge})
 * and {@code !} in front. 0 when true, 1 when false, 2 for an expression it cannot read.
 */
final class TestCommand {

  private final ContainerFiles files;
  private final String cwd;

  TestCommand(ContainerFiles files, String cwd) {
    this.files = files;
    this.cwd = cwd;
  }

  int run(String name, List<String> args, Stdio io) throws IOException {
    List<String> expression = args;
    if (name.equals("[")) {
      if (args.isEmpty() || !args.getLast().equals("]")) {
        io.error("[: missing ]");
        return Shell.USAGE;
      }
      expression = args.subList(0, args.size() - 1);
    }
    try {
      return holds(expression) ? 0 : 1;
    } catch (IllegalArgumentException e) {
      io.error(name + ": " + e.getMessage());
      return Shell.USAGE;
    }
  }

  private boolean holds(List<String> args) {
    if (!args.isEmpty() && args.get(0).equals("!")) {
      return !holds(args.subList(1, args.size()));
    }
    return switch (args.size()) {
      case 0 -> false;
      case 1 -> !args.get(0).isEmpty();
      case 2 -> unary(args.get(0), args.get(1));
      case 3 -> binary(args.get(0), args.get(1), args.get(2));
      default -> throw new IllegalArgumentException("too many arguments");
    };
  }

  private boolean unary(String operator, String operand) {
    String path = ContainerFiles.resolve(cwd, operand);
    return switch (operator) {
      case "-d" -> files.isDirectory(path);
      case "-f" -> files.isFile(path);
      case "-e" -> files.exists(path);
      case "-s" -> files.read(path).map(b -> b.length > 0).orElse(false);
      case "-z" -> operand.isEmpty();
      case "-n" -> !operand.isEmpty();
      default -> throw new IllegalArgumentException(operator + ": unary operator expected");
    };
  }

  private static boolean binary(String left, String operator, String right) {
    return switch (operator) {
      case "=", "==" -> left.equals(right);
      case "!=" -> !left.equals(right);
      case "-eq" -> integer(left) == integer(right);
      case "-ne" -> integer(left) != integer(right);
      case "-lt" -> integer(left) < integer(right);
      case "-le" -> integer(left) <= integer(right);
      case "-gt" -> integer(left) > integer(right);
      case "-ge" -> integer(left) >= integer(right);
      default -> throw new IllegalArgumentException(operator + ": binary operator expected");
    };
  }

  private static long integer(String value) {
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(value + ": integer expression expected");
    }
  }
}
