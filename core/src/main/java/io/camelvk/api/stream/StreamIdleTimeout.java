package io.camelvk.api.stream;

import io.netty.handler.timeout.IdleStateHandler;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** The kubelet's streaming idle timeout: a session with no traffic either way this long ends. */
public final class StreamIdleTimeout {

  public static final Duration TIMEOUT = Duration.ofHours(4);

  private StreamIdleTimeout() {}

  /** The handler that fires an all-idle event after {@link #TIMEOUT}. */
  public static IdleStateHandler handler() {
    return new IdleStateHandler(0, 0, TIMEOUT.toSeconds(), TimeUnit.SECONDS);
  }
}
