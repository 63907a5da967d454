package io.camelvk.cli;

import io.camelvk.config.GoDuration;
import io.camelvk.config.ProviderSettings;
import io.camelvk.config.VkSettings;
import io.camelvk.node.NodeSettings;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.TaintBuilder;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** Turns the raw flag values into {@link VkSettings}, failing with the name of a bad flag. */
final class SettingsValidator {

  static final Set<String> OPERATING_SYSTEMS = Set.of("linux", "windows");
  static final Set<String> TAINT_EFFECTS = Set.of("NoSchedule", "NoExecute", "PreferNoSchedule");
  static final Set<String> LOG_LEVELS = Set.of("trace", "debug", "info", "warn", "error");
  private static final int MAX_WORKERS = 1000;

  /** A DNS-1123 subdomain; a node name is also its kubernetes.io/hostname label, so at most 63. */
  private static final String NODE_NAME =
      "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*";

  private static final int MAX_LABEL_VALUE = 63;
  private static final int MAX_PREFIX = 254;
  private static final String LABEL_VALUE = "(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?";
  private static final String IPV4 =
      "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";

  private final CommandLine commandLine;

  SettingsValidator(CommandLine commandLine) {
    this.commandLine = commandLine;
  }

  VkSettings validate(VirtualKubeletCommand flags) {
    String os = flags.operatingSystem.toLowerCase(Locale.ROOT);
    require(
        OPERATING_SYSTEMS.contains(os),
        "--os",
        "unknown operating system '" + flags.operatingSystem + "' (Linux or Windows)");
    ProviderSettings providers =
        new ProviderFlagsValidator(this, commandLine.getDefaultValueProvider()).validate(flags);
    require(
        flags.nodeName.matches(NODE_NAME) && flags.nodeName.length() <= MAX_LABEL_VALUE,
        "--nodename",
        "'"
            + flags.nodeName
            + "' is not a valid node name (lower-case DNS subdomain of at most 63 characters)");
    NodeSettings node =
        new NodeSettings(
            flags.nodeName,
            os,
            flags.provider,
            taint(flags),
            port(flags.kubeletPort),
            ipAddress(flags.podIp));
    return new VkSettings(
        node,
        providers,
        intInRange("--pod-sync-workers", flags.podSyncWorkers, 1, MAX_WORKERS),
        duration("--full-resync-period", flags.fullResyncPeriod),
        duration("--startup-timeout", flags.startupTimeout),
        logLevel(flags.logLevel),
        intInRange("--metrics-port", flags.metricsPort, 1, 65535),
        intInRange("--kube-api-concurrency", flags.kubeApiConcurrency, 1, MAX_WORKERS),
        duration("--shutdown-timeout", flags.shutdownTimeout),
        flags.leaderElection.validate(commandLine, flags.nodeName),
        flags.kubeletApi.validate(commandLine),
        !flags.noNormalEvents);
  }

  Path path(String flag, String text) {
    try {
      return Path.of(text);
    } catch (InvalidPathException e) {
      throw new ParameterException(
          commandLine,
          flag
              + ": '"
              + text
              + "' is not a path this system can open ("
              + e.getReason()
              + "; the JVM's file name encoding is "
              + System.getProperty("sun.jnu.encoding")
              + ", set LANG to a UTF-8 locale for other characters)");
    }
  }

  private Optional<Taint> taint(VirtualKubeletCommand flags) {
    if (flags.disableTaint) {
      return Optional.empty();
    }
    require(
        TAINT_EFFECTS.contains(flags.taintEffect),
        "--taint-effect",
        "unknown taint effect '"
            + flags.taintEffect
            + "' (NoSchedule, NoExecute or PreferNoSchedule; env VKUBELET_TAINT_EFFECT)");
    String keyName = flags.taintKey.substring(flags.taintKey.indexOf('/') + 1);
    require(
        flags.taintKey.matches("(" + NODE_NAME + "/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?")
            && keyName.length() <= MAX_LABEL_VALUE
            && flags.taintKey.length() - keyName.length() <= MAX_PREFIX,
        "--taint",
        "'" + flags.taintKey + "' is not a valid taint key");
    String value = flags.taintValue == null ? flags.provider : flags.taintValue;
    require(
        value.matches(LABEL_VALUE) && value.length() <= MAX_LABEL_VALUE,
        "--taint-value",
        "'"
            + value
            + "' is not a valid taint value (at most 63 letters, digits, '-', '_' or '.',"
            + " beginning and ending with a letter or digit; env VKUBELET_TAINT_VALUE)");
    return Optional.of(
        new TaintBuilder()
            .withKey(flags.taintKey)
            .withValue(value)
            .withEffect(flags.taintEffect)
            .build());
  }

  /** An IPv4 or IPv6 literal; never a host name, which would need a DNS lookup. */
  private String ipAddress(String text) {
    boolean valid = text.matches(IPV4);
    if (!valid && text.matches("[0-9A-Fa-f:.]+") && text.contains(":")) {
      try {
        valid = InetAddress.getByName(text) instanceof Inet6Address;
      } catch (UnknownHostException e) {
        valid = false;
      }
    }
    require(valid, "--pod-ip", "'" + text + "' is not an IP address (env VKUBELET_POD_IP)");
    return text;
  }

  private int port(String text) {
    return intInRange("--kubelet-port", text, 1, 65535);
  }

  private int intInRange(String flag, String text, int min, int max) {
    try {
      int value = Integer.parseInt(text.strip());
      require(value >= min && value <= max, flag, value + " is out of range " + min + ".." + max);
      return value;
    } catch (NumberFormatException e) {
      throw new ParameterException(commandLine, flag + ": '" + text + "' is not a number");
    }
  }

  private Duration duration(String flag, String text) {
    try {
      return GoDuration.parse(text);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(commandLine, flag + ": " + e.getMessage());
    }
  }

  Duration positiveDuration(String flag, String text) {
    Duration value = duration(flag, text);
    require(!value.isZero(), flag, "must be longer than 0");
    return value;
  }

  private String logLevel(String text) {
    String level = text.toLowerCase(Locale.ROOT);
    require(
        LOG_LEVELS.contains(level),
        "--log-level",
        "unknown level '" + text + "' (trace, debug, info, warn, error)");
    return level;
  }

  void require(boolean condition, String flag, String message) {
    if (!condition) {
      throw new ParameterException(commandLine, flag + ": " + message);
    }
  }
}
