package io.camelvk.controlplane;

import java.nio.file.Path;

/**
 * The user's home as kubectl and our shell scripts see it: {@code $HOME}, else the JVM's {@code
 * user.home} (which the JVM reads from the password database and which ignores {@code $HOME}).
 */
public final class HomeDirectory {

  private HomeDirectory() {}

  public static Path resolve() {
    String home = System.getenv("HOME");
    return Path.of(home != null && !home.isBlank() ? home : System.getProperty("user.home"));
  }
}
