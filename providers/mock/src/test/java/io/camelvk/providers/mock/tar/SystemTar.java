package io.camelvk.providers.mock.tar;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelvk.providers.mock.RunningSession;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The system's GNU tar, which the mock's tar must understand and be understood by. */
final class SystemTar {

  private SystemTar() {}

  /** Runs {@code tar ARGS} in {@code directory}, expects it to succeed and returns its stdout. */
  static byte[] run(Path directory, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("tar"));
    command.addAll(List.of(args));
    Process process =
        new ProcessBuilder(command)
            .directory(directory.toFile())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    process.getOutputStream().close();
    byte[] out = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(RunningSession.WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as("tar %s", command).isZero();
    return out;
  }

  static String text(Path directory, String... args) throws Exception {
    return new String(run(directory, args), StandardCharsets.UTF_8);
  }
}
