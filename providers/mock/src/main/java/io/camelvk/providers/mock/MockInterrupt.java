package io.camelvk.providers.mock;

import java.io.InterruptedIOException;

/**
 * Ctrl-C on a mock terminal: thrown to the foreground process reading the terminal, as SIGINT would
 * end it; the shell ends the command with exit code 130 and goes on.
 */
final class MockInterrupt extends InterruptedIOException {

  MockInterrupt() {
    super("interrupted (Ctrl-C)");
  }
}
