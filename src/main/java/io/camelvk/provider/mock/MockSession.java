package io.camelvk.provider.mock;

import io.camelvk.provider.ProviderException;
import io.camelvk.provider.RemoteStreams;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** How a mock container behaves on a stream: exec runs the small shell, attach and ports echo. */
final class MockSession {

  private MockSession() {}

  static int exec(MockShell shell, List<String> command, RemoteStreams streams) {
    try {
      byte[] input =
          streams.stdin().isPresent() ? streams.stdin().get().readAllBytes() : new byte[0];
      MockShell.ExecResult result = shell.run(command, input);
      if (streams.stdout().isPresent()) {
        streams.stdout().get().write(result.stdout());
      }
      OutputStream errors = streams.stderr().or(streams::stdout).orElse(null);
      if (errors != null) {
        errors.write(result.stderr());
      }
      return result.exitCode();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The main process of a mock container echoes its input to its output until the input ends. */
  static int attach(RemoteStreams streams) {
    if (streams.stdin().isEmpty() || streams.stdout().isEmpty()) {
      return 0;
    }
    try {
      streams.stdin().get().transferTo(streams.stdout().get());
      return 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every port of a mock pod answers with what it is sent. */
  static void echo(int port, InputStream fromClient, OutputStream toClient) {
    if (port < 1 || port > 65535) {
      throw ProviderException.invalid("port " + port + " is out of range");
    }
    try {
      byte[] buffer = new byte[8192];
      for (int n; (n = fromClient.read(buffer)) >= 0; ) {
        toClient.write(buffer, 0, n);
        toClient.flush();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
