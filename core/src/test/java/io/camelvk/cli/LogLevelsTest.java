package io.camelvk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LogLevelsTest {

  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  private final Level before = root.getLevel();

  @AfterEach
  void restore() {
    root.setLevel(before);
  }

  @Test
  void theFlagSetsTheRootLevel() {
    LogLevels.apply("debug");
    assertThat(root.getLevel()).isEqualTo(Level.DEBUG);
    LogLevels.apply("error");
    assertThat(root.getLevel()).isEqualTo(Level.ERROR);
  }
}
