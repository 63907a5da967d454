package io.camelvk.api.stream;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * How an exec or attach ended, and how the kubelet reports it on the error stream: a JSON status
 * for protocol v4 and later (always, success too), plain text on failure only for v1 to v3.
 *
 * @param exitCode the exit code (0..255) when the command ran to its end
 * @param error the reason it could not run, when it could not
 */
public record RemoteCommandOutcome(int exitCode, String error) {

  public static RemoteCommandOutcome exited(int code) {
    return new RemoteCommandOutcome(code & 0xff, null);
  }

  public static RemoteCommandOutcome failed(String message) {
    return new RemoteCommandOutcome(0, message == null ? "unknown error" : message);
  }

  public boolean succeeded() {
    return error == null && exitCode == 0;
  }

  /** The v4/v5 status JSON, field order as the kubelet writes it. */
  public byte[] statusJson(String verb) {
    String json;
    if (error != null) {
      json =
          "{\"status\":\"Failure\",\"message\":"
              + quote("Internal error occurred: error " + verb + ": " + error)
              + ",\"reason\":\"InternalError\",\"code\":500}";
    } else if (exitCode == 0) {
      json = "{\"status\":\"Success\"}";
    } else {
      json =
          "{\"status\":\"Failure\",\"message\":"
              + quote("command terminated with non-zero exit code: command exited with " + exitCode)
              + ",\"reason\":\"NonZeroExitCode\",\"details\":{\"causes\":[{\"reason\":\"ExitCode\","
              + "\"message\":\""
              + exitCode
              + "\"}]}}";
    }
    return json.getBytes(StandardCharsets.UTF_8);
  }

  /** The v1-v3 error stream content: nothing on success, the error text otherwise. */
  public Optional<byte[]> legacyText(String verb) {
    if (succeeded()) {
      return Optional.empty();
    }
    String text =
        error != null
            ? "error " + verb + ": " + error
            : "command terminated with non-zero exit code: command exited with " + exitCode;
    return Optional.of(text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * What the error stream carries at the end of a {@code kind} session: the status JSON when the
   * protocol has it (v4 and later), else the legacy text, which is nothing on success.
   */
  public Optional<byte[]> report(StreamRequest.Kind kind, boolean statusJson) {
    String verb = StreamBackend.verb(kind);
    return statusJson ? Optional.of(statusJson(verb)) : legacyText(verb);
  }

  private static String quote(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
