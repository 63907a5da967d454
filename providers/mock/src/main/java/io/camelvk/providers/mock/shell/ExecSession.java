package io.camelvk.providers.mock.shell;

import io.camelvk.provider.RemoteStreams;
import io.camelvk.providers.mock.process.Stdio;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** An exec in a mock container: the command runs in a {@link Shell} on the session's streams. */
public final class ExecSession {

  private ExecSession() {}

  public static int exec(Shell shell, List<String> command, RemoteStreams streams) {
    try (Stdio io = Stdio.of(streams)) {
      int code = shell.run(command, io);
      io.out().flush();
      return code;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
