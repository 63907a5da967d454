package io.camelvk.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/** Applies {@code --log-level} to the root logger. */
final class LogLevels {

  private LogLevels() {}

  static void apply(String level) {
    if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof Logger root) {
      root.setLevel(Level.toLevel(level, Level.INFO));
    }
  }
}
