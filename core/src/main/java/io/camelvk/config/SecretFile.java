package io.camelvk.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A file that holds one secret (a token, a password), read without the line end an editor or a
 * Secret volume adds. The secret is never kept or shown; the messages name only the file.
 */
public final class SecretFile {

  private SecretFile() {}

  /**
   * @throws IllegalStateException when the file holds nothing but blanks
   * @throws UncheckedIOException when it cannot be read
   */
  public static String read(Path file) {
    String secret = readAllowingEmpty(file);
    if (secret.isEmpty()) {
      throw new IllegalStateException(file + " is empty");
    }
    return secret;
  }

  /**
   * The secret, which may be empty (a broker user without a password, say).
   *
   * @throws UncheckedIOException when the file cannot be read
   */
  public static String readAllowingEmpty(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the secret file " + file, e);
    }
  }
}
