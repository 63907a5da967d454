package io.camelvk.test;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * The messages one logger writes while this is open, at DEBUG and above, whatever its configured
 * level; they go only here, not to the console. Closing restores the logger. For checking what a
 * library did when it offers no other hook.
 */
public final class CapturedLog implements AutoCloseable {

  private final Logger logger;
  private final Level previousLevel;
  private final boolean previouslyAdditive;
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  private CapturedLog(Logger logger) {
    this.logger = logger;
    this.previousLevel = logger.getLevel();
    this.previouslyAdditive = logger.isAdditive();
    appender.start();
    logger.addAppender(appender);
    logger.setAdditive(false);
    logger.setLevel(Level.DEBUG);
  }

  public static CapturedLog debugOf(Class<?> loggerClass) {
    return new CapturedLog((Logger) LoggerFactory.getLogger(loggerClass));
  }

  /** The formatted messages so far, oldest first. */
  public List<String> messages() {
    synchronized (appender) {
      return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }
  }

  @Override
  public void close() {
    logger.setLevel(previousLevel);
    logger.setAdditive(previouslyAdditive);
    logger.detachAppender(appender);
    appender.stop();
  }
}
