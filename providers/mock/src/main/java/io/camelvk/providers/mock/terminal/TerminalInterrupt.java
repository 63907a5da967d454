package io.camelvk.providers.mock.terminal;

import java.io.InterruptedIOException;

/**
 * Ctrl-C on a mock terminal: thrown to the foreground process reading the terminal, as SIGINT would
 * end it; the shell ends the command with exit code 130 and goes on.
 */
public final class TerminalInterrupt extends InterruptedIOException {

  TerminalInterrupt() {
    super("interrupted (Ctrl-C)");
  }
}
