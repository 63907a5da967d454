package io.camelvk.provider.mock;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The few commands a mock container runs: echo (with {@code > file}), env, printenv, cat, tee,
 * hostname, true, false, exit N, and {@code sh -c "<one of these>"}. Anything else exits 127.
 */
final class MockShell {

  static final int NOT_FOUND = 127;

  private final Container container;
  private final String hostname;
  private final Map<String, String> files;

  MockShell(Container container, String hostname, Map<String, String> files) {
    this.container = container;
    this.hostname = hostname;
    this.files = files;
  }

  /** What a command wrote and how it ended. */
  record ExecResult(byte[] stdout, byte[] stderr, int exitCode) {}

  ExecResult run(List<String> command, byte[] stdin) {
    if (command.size() >= 3
        && List.of("sh", "/bin/sh", "bash").contains(command.get(0))
        && command.get(1).equals("-c")) {
      return run(Arrays.asList(command.get(2).trim().split("\\s+")), stdin);
    }
    if (command.isEmpty() || command.get(0).isBlank()) {
      return fail(NOT_FOUND, "sh: no command");
    }
    List<String> args = command.subList(1, command.size());
    return switch (command.get(0)) {
      case "echo" -> echo(args);
      case "env" -> ok(env());
      case "printenv" -> printenv(args);
      case "cat" -> cat(args);
      case "tee" -> tee(args, stdin);
      case "hostname" -> ok(hostname + "\n");
      case "true" -> ok("");
      case "false" -> fail(1, "");
      case "exit" -> exit(args);
      default -> fail(NOT_FOUND, command.get(0) + ": command not found");
    };
  }

  private ExecResult echo(List<String> args) {
    int redirect = args.indexOf(">");
    if (redirect >= 0 && redirect == args.size() - 2) {
      files.put(args.get(redirect + 1), String.join(" ", args.subList(0, redirect)) + "\n");
      return ok("");
    }
    return ok(String.join(" ", args) + "\n");
  }

  private String env() {
    StringBuilder out = new StringBuilder("HOSTNAME=" + hostname + "\n");
    for (EnvVar var : container.getEnv()) {
      out.append(var.getName())
          .append('=')
          .append(var.getValue() == null ? "" : var.getValue())
          .append('\n');
    }
    return out.toString();
  }

  private ExecResult printenv(List<String> args) {
    if (args.isEmpty()) {
      return ok(env());
    }
    return container.getEnv().stream()
        .filter(v -> v.getName().equals(args.get(0)))
        .findFirst()
        .map(v -> ok((v.getValue() == null ? "" : v.getValue()) + "\n"))
        .orElseGet(() -> fail(1, ""));
  }

  private ExecResult cat(List<String> args) {
    StringBuilder out = new StringBuilder();
    for (String file : args) {
      String content = files.get(file);
      if (content == null) {
        return new ExecResult(
            bytes(out.toString()), bytes("cat: " + file + ": No such file or directory\n"), 1);
      }
      out.append(content);
    }
    return ok(out.toString());
  }

  private ExecResult tee(List<String> args, byte[] stdin) {
    String input = new String(stdin, StandardCharsets.UTF_8);
    args.forEach(file -> files.put(file, input));
    return ok(input);
  }

  private static ExecResult exit(List<String> args) {
    try {
      return fail(args.isEmpty() ? 0 : Integer.parseInt(args.get(0)) & 0xff, "");
    } catch (NumberFormatException e) {
      return fail(2, "exit: " + args.get(0) + ": numeric argument required");
    }
  }

  private static ExecResult ok(String stdout) {
    return new ExecResult(bytes(stdout), new byte[0], 0);
  }

  private static ExecResult fail(int code, String stderr) {
    return new ExecResult(new byte[0], bytes(stderr.isEmpty() ? "" : stderr + "\n"), code);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
