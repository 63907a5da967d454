package io.camelvk.cli;

import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** The configured command line: a bad flag prints one line naming it and exits with 2. */
public final class CommandLines {

  public static final int USAGE_ERROR = 2;

  private CommandLines() {}

  public static CommandLine create() {
    return configure(new CommandLine(new VirtualKubeletCommand()));
  }

  static CommandLine configure(CommandLine commandLine) {
    commandLine.setParameterExceptionHandler(
        (error, args) -> {
          error
              .getCommandLine()
              .getErr()
              .println("virtual-kubelet: " + oneLine(error.getMessage()) + " (see --help)");
          return USAGE_ERROR;
        });
    commandLine.setExecutionExceptionHandler(
        (error, cmd, parsed) -> {
          cmd.getErr()
              .println(
                  "virtual-kubelet: "
                      + oneLine(
                          error.getMessage() == null ? error.toString() : error.getMessage()));
          LoggerFactory.getLogger(CommandLines.class).debug("stopped by", error);
          return 1;
        });
    return commandLine;
  }

  /**
   * One line: runs of spaces, line breaks and tabs (a parser's multi-line message) become one
   * space, and other control characters of a hostile value are escaped.
   */
  static String oneLine(String message) {
    StringBuilder line = new StringBuilder(message.length());
    message
        .strip()
        .codePoints()
        .forEach(
            c -> {
              if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
                if (!line.isEmpty() && line.charAt(line.length() - 1) != ' ') {
                  line.append(' ');
                }
              } else if (Character.isISOControl(c)) {
                line.append(String.format("\\u%04x", c));
              } else {
                line.appendCodePoint(c);
              }
            });
    return line.toString();
  }
}
