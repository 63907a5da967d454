package io.camelvk.providers.mock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.camelvk.provider.NodeProfile;
import io.camelvk.providers.mock.faults.FaultConfig;
import io.camelvk.providers.mock.pod.StateStore;
import io.fabric8.kubernetes.api.model.Quantity;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The mock's capacity, from {@code --provider-config}: a JSON or YAML object keyed by node name,
 * each value a map of resource names to quantities; the key {@code default} serves any other node.
 * Resources not given keep {@link NodeProfile#DEFAULT}'s values. A section may also hold a {@code
 * faults} object ({@link FaultConfig}) and name a {@code stateDir} (relative to the file's
 * directory): the mock then keeps its pods there, see {@link StateStore}. Unprefixed resource names
 * belong to kubernetes.io, so neither key can clash with a resource.
 */
public final class MockProviderConfig {

  public static final String DEFAULT_KEY = "default";
  public static final String OS_IMAGE = "camel-virtual-kubelet mock provider";
  public static final String STATE_DIR_KEY = "stateDir";

  /** The API server's quantity format (ASCII digits only, unlike the fabric8 parser). */
  private static final String QUANTITY =
      "[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([KMGTPE]i|[numkMGTPE]|[eE][+-]?[0-9]+)?";

  private final Map<String, Quantity> capacity;
  private final FaultConfig faults;
  private final Optional<Path> stateDir;

  private MockProviderConfig(
      Map<String, Quantity> capacity, FaultConfig faults, Optional<Path> stateDir) {
    this.capacity = capacity;
    this.faults = faults;
    this.stateDir = stateDir;
  }

  public static MockProviderConfig defaults() {
    return new MockProviderConfig(
        NodeProfile.DEFAULT.capacity(), FaultConfig.NONE, Optional.empty());
  }

  /**
   * @throws IllegalArgumentException with a one-line message naming the file and the problem
   */
  public static MockProviderConfig load(Optional<Path> file, String nodeName) {
    if (file.isEmpty()) {
      return defaults();
    }
    Path path = file.get();
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(path));
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException(path + ": not UTF-8 text");
    } catch (IOException e) {
      throw new IllegalArgumentException(
          path + ": not JSON or YAML (" + firstLine(e.getMessage()) + ")");
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException(path + ": expected an object keyed by node name");
    }
    JsonNode section = root.has(nodeName) ? root.get(nodeName) : root.get(DEFAULT_KEY);
    Map<String, Quantity> capacity = new LinkedHashMap<>(NodeProfile.DEFAULT.capacity());
    if (section != null) {
      capacity.putAll(quantities(path, section));
    }
    FaultConfig faults =
        section == null ? FaultConfig.NONE : FaultConfig.parse(path, section.get(FaultConfig.KEY));
    return new MockProviderConfig(capacity, faults, stateDir(path, section));
  }

  private static Optional<Path> stateDir(Path file, JsonNode section) {
    JsonNode value = section == null ? null : section.get(STATE_DIR_KEY);
    if (value == null) {
      return Optional.empty();
    }
    if (!value.isTextual() || value.asText().isBlank()) {
      throw new IllegalArgumentException(file + ": " + STATE_DIR_KEY + " must be a directory path");
    }
    Path base = file.toAbsolutePath().getParent();
    return Optional.of(base.resolve(value.asText()).normalize());
  }

  private static Map<String, Quantity> quantities(Path path, JsonNode section) {
    if (!section.isObject()) {
      throw new IllegalArgumentException(
          path + ": each node's entry must map resource names to quantities");
    }
    Map<String, Quantity> result = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : section.properties()) {
      if (entry.getKey().equals(FaultConfig.KEY) || entry.getKey().equals(STATE_DIR_KEY)) {
        continue;
      }
      String text = entry.getValue().asText();
      try {
        if (!text.matches(QUANTITY)) {
          throw new IllegalArgumentException("not the Kubernetes format");
        }
        Quantity quantity = new Quantity(text);
        if (Quantity.getAmountInBytes(quantity).compareTo(BigDecimal.ZERO) < 0) {
          throw new IllegalArgumentException("negative");
        }
        result.put(entry.getKey(), quantity);
      } catch (IllegalArgumentException | ArithmeticException e) {
        throw new IllegalArgumentException(
            path + ": " + entry.getKey() + ": '" + text + "' is not a valid quantity");
      }
    }
    return result;
  }

  public FaultConfig faults() {
    return faults;
  }

  /** Where the pods outlive the process; empty keeps them in memory only. */
  public Optional<Path> stateDir() {
    return stateDir;
  }

  public NodeProfile nodeProfile() {
    return new NodeProfile(capacity, Map.of(), List.of(), OS_IMAGE);
  }

  private static String firstLine(String message) {
    return message == null ? "unreadable" : message.lines().findFirst().orElse(message);
  }
}
