package io.camelvk.providers.mock;

import io.camelvk.provider.RemoteStreams;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * An exec in a mock container: the command runs in a {@link MockShell} on the session's streams.
 */
final class MockSession {

  private MockSession() {}

  static int exec(MockShell shell, List<String> command, RemoteStreams streams) {
    try (MockStdio io = MockStdio.of(streams)) {
      int code = shell.run(command, io);
      io.out().flush();
      return code;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
