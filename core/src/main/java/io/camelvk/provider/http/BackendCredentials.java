package io.camelvk.provider.http;

import io.camelvk.config.SecretFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;

/**
 * How a backend knows the caller: the value of the {@code Authorization} header. The secrets stay
 * in their files, which are read again on each call (a rotated token is used at once); only the
 * files' paths are kept, so {@code toString} shows no secret.
 */
public sealed interface BackendCredentials {

  /** No credentials: no {@code Authorization} header. */
  BackendCredentials NONE = new None();

  /** The header value for the next call, empty for none. */
  Optional<String> authorization();

  /** {@code Authorization: Bearer <the file's content, trimmed>}. */
  record BearerTokenFile(Path file) implements BackendCredentials {
    @Override
    public Optional<String> authorization() {
      return Optional.of("Bearer " + SecretFile.read(file));
    }
  }

  /** {@code Authorization: Basic base64(user:password)}, the password read from a file. */
  record BasicAuth(String username, Path passwordFile) implements BackendCredentials {
    @Override
    public Optional<String> authorization() {
      String pair = username + ":" + SecretFile.read(passwordFile);
      return Optional.of(
          "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }
  }

  /** No {@code Authorization} header. */
  record None() implements BackendCredentials {
    @Override
    public Optional<String> authorization() {
      return Optional.empty();
    }
  }
}
