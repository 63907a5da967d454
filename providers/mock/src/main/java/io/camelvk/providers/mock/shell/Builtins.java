package io.camelvk.providers.mock.shell;

import io.camelvk.provider.TerminalSize;
import io.camelvk.providers.mock.process.Stdio;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Supplier;

/** The commands of a mock container that need no files: echo, env, printenv, sleep, seq, stty... */
final class Builtins {

  static final List<String> NAMES =
      List.of("echo", "env", "printenv", "hostname", "true", "false", "sleep", "seq", "stty");

  /** The exit code of a process ended by SIGINT (128 + 2). */
  static final int INTERRUPTED = 130;

  private final Supplier<Map<String, String>> environment;
  private final String hostname;
  private final ShellHost host;

  Builtins(Supplier<Map<String, String>> environment, String hostname, ShellHost host) {
    this.environment = environment;
    this.hostname = hostname;
    this.host = host;
  }

  int run(String name, List<String> args, Stdio io) throws IOException {
    return switch (name) {
      case "echo" -> echo(args, io);
      case "env" -> print(io, env());
      case "printenv" -> printenv(args, io);
      case "hostname" -> print(io, hostname + "\n");
      case "true" -> 0;
      case "false" -> 1;
      case "sleep" -> sleep(args, io);
      case "seq" -> seq(args, io);
      case "stty" -> stty(args, io);
      default -> throw new IllegalArgumentException("no builtin " + name);
    };
  }

  static int print(Stdio io, String text) throws IOException {
    io.print(text);
    return 0;
  }

  /** {@code echo [-n] [-e] WORDS}: -e decodes backslash escapes as printf's format does. */
  private static int echo(List<String> args, Stdio io) throws IOException {
    int options = 0;
    while (options < args.size() && args.get(options).matches("-[ne]+")) {
      options++;
    }
    String flags = String.join("", args.subList(0, options));
    String text = String.join(" ", args.subList(options, args.size()));
    return print(
        io,
        (flags.contains("e") ? Escapes.decode(text) : text) + (flags.contains("n") ? "" : "\n"));
  }

  private String env() {
    StringBuilder out = new StringBuilder();
    environment
        .get()
        .forEach((name, value) -> out.append(name).append('=').append(value).append('\n'));
    return out.toString();
  }

  private int printenv(List<String> args, Stdio io) throws IOException {
    if (args.isEmpty()) {
      return print(io, env());
    }
    String value = environment.get().get(args.get(0));
    return value != null ? print(io, value + "\n") : 1;
  }

  /**
   * Sleeps like coreutils' sleep (seconds, or a number with s, m, h, d; {@code infinity}) for as
   * long as the host's time says; an interrupt ends it with 130.
   */
  private int sleep(List<String> args, Stdio io) throws IOException {
    Duration total = Duration.ZERO;
    try {
      for (String arg : args) {
        total = arg.startsWith("inf") ? ShellHost.FOREVER : total.plus(duration(arg));
      }
    } catch (NumberFormatException e) {
      io.error("sleep: invalid time interval '" + String.join(" ", args) + "'");
      return 1;
    }
    if (args.isEmpty()) {
      io.error("sleep: missing operand");
      return 1;
    }
    return host.sleep(total, io);
  }

  /** {@code seq [FIRST [STEP]] LAST}: whole numbers, one a line. */
  private static int seq(List<String> args, Stdio io) throws IOException {
    long first = 1;
    long step = 1;
    long last;
    try {
      last = Long.parseLong(args.getLast());
      first = args.size() > 1 ? Long.parseLong(args.get(0)) : first;
      step = args.size() > 2 ? Long.parseLong(args.get(1)) : step;
    } catch (NumberFormatException | NoSuchElementException e) {
      io.error("seq: invalid arguments: " + String.join(" ", args));
      return 1;
    }
    for (long n = first; step > 0 ? n <= last : step < 0 && n >= last; n += step) {
      io.out().write((n + "\n").getBytes(StandardCharsets.UTF_8));
    }
    io.out().flush();
    return 0;
  }

  private static Duration duration(String arg) {
    char unit = arg.isEmpty() ? ' ' : arg.charAt(arg.length() - 1);
    long scale =
        switch (unit) {
          case 'm' -> 60;
          case 'h' -> 3600;
          case 'd' -> 86400;
          default -> 1;
        };
    String number = Character.isLetter(unit) ? arg.substring(0, arg.length() - 1) : arg;
    double seconds = Double.parseDouble(number) * scale;
    if (seconds < 0 || Double.isNaN(seconds) || number.contains("x") || number.contains("X")) {
      throw new NumberFormatException(arg);
    }
    return Duration.ofNanos((long) (seconds * 1e9));
  }

  /** How long {@code stty size} waits for the client's initial terminal size. */
  static final Duration INITIAL_SIZE_PATIENCE = Duration.ofSeconds(2);

  /** {@code stty size}: the rows and columns of the terminal; other settings are accepted. */
  private static int stty(List<String> args, Stdio io) throws IOException {
    if (!io.tty()) {
      io.error("stty: 'standard input': Inappropriate ioctl for device");
      return 1;
    }
    if (args.equals(List.of("size"))) {
      TerminalSize size = io.resizes().latest(INITIAL_SIZE_PATIENCE).orElse(new TerminalSize(0, 0));
      return print(io, size.height() + " " + size.width() + "\n");
    }
    return 0;
  }
}
