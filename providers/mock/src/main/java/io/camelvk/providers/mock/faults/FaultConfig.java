package io.camelvk.providers.mock.faults;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelvk.config.GoDuration;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * Faults the mock injects into a fraction of its createPod, updatePod and deletePod calls, from the
 * optional {@code faults} object of a node's section in {@code --provider-config}: an error is a
 * transient {@code ProviderException} before the call has any effect; a timeout is a call that
 * takes effect and then hangs for {@code timeout} before it returns.
 *
 * @param errorFraction share of calls that fail, in [0, 1]
 * @param timeoutFraction share of calls that hang, in [0, 1]; the two add up to at most 1
 * @param timeout how long a hanging call hangs
 * @param seed seed of the random draws, so that a run can be repeated
 */
public record FaultConfig(
    double errorFraction, double timeoutFraction, Duration timeout, long seed) {

  public static final String KEY = "faults";

  /** Longer than the core's default provider-call timeout, so that a hang is a timeout. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

  public static final FaultConfig NONE = new FaultConfig(0, 0, DEFAULT_TIMEOUT, 0);

  private static final Set<String> FIELDS =
      Set.of("errorFraction", "timeoutFraction", "timeout", "seed");

  public boolean any() {
    return errorFraction > 0 || timeoutFraction > 0;
  }

  /**
   * @param faults the {@code faults} object of a node's section, or null
   * @throws IllegalArgumentException with a one-line message naming the file and the field
   */
  public static FaultConfig parse(Path path, JsonNode faults) {
    if (faults == null || faults.isNull()) {
      return NONE;
    }
    String where = path + ": " + KEY;
    if (!faults.isObject()) {
      throw new IllegalArgumentException(where + ": expected an object with " + FIELDS);
    }
    for (Map.Entry<String, JsonNode> field : faults.properties()) {
      if (!FIELDS.contains(field.getKey())) {
        throw new IllegalArgumentException(
            where + ": unknown field '" + field.getKey() + "' (known: " + FIELDS + ")");
      }
    }
    double errors = fraction(where, faults, "errorFraction");
    double timeouts = fraction(where, faults, "timeoutFraction");
    if (errors + timeouts > 1) {
      throw new IllegalArgumentException(
          where + ": errorFraction + timeoutFraction is " + (errors + timeouts) + ", more than 1");
    }
    return new FaultConfig(errors, timeouts, timeout(where, faults), seed(where, faults));
  }

  private static double fraction(String where, JsonNode faults, String name) {
    JsonNode value = faults.get(name);
    if (value == null) {
      return 0;
    }
    if (!value.isNumber() || !(value.asDouble() >= 0 && value.asDouble() <= 1)) {
      throw new IllegalArgumentException(
          where + "." + name + ": '" + value.asText() + "' is not a number in [0, 1]");
    }
    return value.asDouble();
  }

  private static Duration timeout(String where, JsonNode faults) {
    JsonNode value = faults.get("timeout");
    if (value == null) {
      return DEFAULT_TIMEOUT;
    }
    try {
      Duration timeout = GoDuration.parse(value.asText());
      if (!value.isTextual() || timeout.isZero()) {
        throw new IllegalArgumentException("'" + value.asText() + "' is not a positive duration");
      }
      return timeout;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + ".timeout: " + e.getMessage());
    }
  }

  private static long seed(String where, JsonNode faults) {
    JsonNode value = faults.get("seed");
    if (value == null) {
      return 0;
    }
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      throw new IllegalArgumentException(
          where + ".seed: '" + value.asText() + "' is not a whole number");
    }
    return value.asLong();
  }
}
