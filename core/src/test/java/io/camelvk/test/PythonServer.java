package io.camelvk.test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A test backend written in Python (the web backend, the webhook service, the fake interLink
 * plugin), run with python3 from the repository: started once it prints {@code listening on
 * <address>} as its first line, stopped on close.
 */
public final class PythonServer implements AutoCloseable {

  private static final String LISTENING = "listening on ";
  private static final long STOP_SECONDS = 10;

  private final Process process;
  private final String address;

  private PythonServer(Process process, String address) {
    this.process = process;
    this.address = address;
  }

  /**
   * @param script the script's path from the repository's top folder
   * @throws IllegalStateException when the script ends or says something else first
   */
  public static PythonServer start(String script, List<String> args) {
    String name = Path.of(script).getFileName().toString();
    List<String> command =
        new ArrayList<>(List.of("python3", ProjectRoot.resolve(script).toString()));
    command.addAll(args);
    Process process;
    try {
      process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name + " (python3 needed)", e);
    }
    try {
      String line =
          new BufferedReader(
                  new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))
              .readLine();
      if (line != null && line.startsWith(LISTENING)) {
        return new PythonServer(process, line.substring(LISTENING.length()).strip());
      }
      process.destroyForcibly();
      throw new IllegalStateException(name + " did not start: " + line);
    } catch (IOException e) {
      process.destroyForcibly();
      throw new UncheckedIOException("cannot read what " + name + " printed", e);
    }
  }

  /** What the script said it listens on: a port or a socket's path. */
  public String address() {
    return address;
  }

  /** The loopback port it listens on. */
  public int port() {
    return Integer.parseInt(address);
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(STOP_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
