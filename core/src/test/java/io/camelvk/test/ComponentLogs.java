package io.camelvk.test;

import io.camelvk.controlplane.LocalControlPlane;
import io.camelvk.controlplane.ManagedProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Copies the control-plane components' logs, so that a failed test leaves its evidence. */
public final class ComponentLogs {

  private ComponentLogs() {}

  public static void copy(LocalControlPlane plane, Path targetDir) {
    try {
      Files.createDirectories(targetDir);
      for (ManagedProcess process : plane.processes()) {
        Files.copy(
            process.log(),
            targetDir.resolve(process.log().getFileName()),
            StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy control-plane logs to " + targetDir, e);
    }
  }

  static String safeName(String name) {
    return name.replaceAll("[^A-Za-z0-9._/-]", "_");
  }
}
