package io.camelvk.providers.aws.task;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;

/**
 * The family of a task definition: {@code camelvk-} and 16 hex digits of a SHA-256 of every field
 * of the definition, so that pods with the same spec share one definition, and any change that
 * reaches the definition (an image, a variable, a size, a role) makes another. The fields are read
 * through the SDK's own model ({@link SdkPojo#sdkFields()}), so a field the mapping sets in future
 * counts without a change here.
 */
final class TaskDefinitionFamily {

  static final String PREFIX = "camelvk-";
  private static final int HEX_DIGITS = 16;

  private TaskDefinitionFamily() {}

  /** The family of a definition, whatever family it has now. */
  static String of(RegisterTaskDefinitionRequest definition) {
    StringBuilder fingerprint = new StringBuilder();
    append(fingerprint, definition.toBuilder().family(null).build());
    return PREFIX + HexFormat.of().formatHex(sha256(fingerprint)).substring(0, HEX_DIGITS);
  }

  private static void append(StringBuilder out, Object value) {
    switch (value) {
      case SdkPojo pojo -> {
        out.append('{');
        for (SdkField<?> field : pojo.sdkFields()) {
          Object fieldValue = field.getValueOrDefault(pojo);
          if (fieldValue != null) {
            out.append(field.memberName()).append('=');
            append(out, fieldValue);
            out.append(';');
          }
        }
        out.append('}');
      }
      case List<?> list -> {
        out.append('[');
        list.forEach(item -> append(out, item));
        out.append(']');
      }
      case Map<?, ?> map -> {
        out.append('<');
        new TreeMap<>(map)
            .forEach(
                (key, item) -> {
                  append(out, key);
                  append(out, item);
                });
        out.append('>');
      }
      default -> {
        // Length-prefixed, so that no value can pass for two.
        String text = value.toString();
        out.append(text.length()).append(':').append(text);
      }
    }
  }

  private static byte[] sha256(CharSequence text) {
    try {
      return MessageDigest.getInstance("SHA-256")
          .digest(text.toString().getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
