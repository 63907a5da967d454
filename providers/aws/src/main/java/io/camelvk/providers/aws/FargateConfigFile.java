package io.camelvk.providers.aws;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Go virtual-kubelet aws provider's configuration file ({@code fargate.toml}, given with {@code
 * --provider-config}): its keys become the provider's settings, so that an installation moves over
 * with its file. The subset of TOML that file uses is read: {@code Key = value} lines, values
 * strings, booleans, numbers or arrays of strings, {@code #} comments; a key this provider does not
 * know ({@code OperatingSystem}, say) is ignored.
 */
final class FargateConfigFile {

  private static final Map<String, String> KEYS =
      Map.ofEntries(
          Map.entry("Region", AwsSettings.REGION),
          Map.entry("ClusterName", AwsSettings.CLUSTER),
          Map.entry("Subnets", AwsSettings.SUBNETS),
          Map.entry("SecurityGroups", AwsSettings.SECURITY_GROUPS),
          Map.entry("AssignPublicIPv4Address", AwsSettings.ASSIGN_PUBLIC_IP),
          Map.entry("ExecutionRoleArn", AwsSettings.EXECUTION_ROLE_ARN),
          Map.entry("TaskRoleArn", AwsSettings.TASK_ROLE_ARN),
          Map.entry("CloudWatchLogGroupName", AwsSettings.LOG_GROUP),
          Map.entry("PlatformVersion", AwsSettings.PLATFORM_VERSION),
          Map.entry("CPU", AwsSettings.CPU),
          Map.entry("Memory", AwsSettings.MEMORY),
          Map.entry("Pods", AwsSettings.PODS));

  private static final Pattern LINE = Pattern.compile("^\\s*([A-Za-z0-9_]+)\\s*=\\s*(.*?)\\s*$");
  private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

  private FargateConfigFile() {}

  /**
   * @return the settings the file gives, by their {@code vk.provider.aws.} names
   * @throws IllegalArgumentException naming the file and the line it cannot read
   */
  static Map<String, String> read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "the aws configuration " + file + " cannot be read: " + e.getMessage());
    }
    Map<String, String> settings = new HashMap<>();
    for (int number = 1; number <= lines.size(); number++) {
      String line = withoutComment(lines.get(number - 1)).strip();
      if (line.isEmpty() || line.startsWith("[")) {
        continue;
      }
      Matcher entry = LINE.matcher(line);
      if (!entry.matches()) {
        throw new IllegalArgumentException(
            "the aws configuration " + file + ", line " + number + ": not key = value: " + line);
      }
      String key = KEYS.get(entry.group(1));
      if (key != null) {
        settings.put(key, value(entry.group(2), file, number));
      }
    }
    return settings;
  }

  /** A string's text, an array's strings joined by commas, a boolean or number as written. */
  private static String value(String raw, Path file, int number) {
    if (raw.startsWith("[")) {
      if (!raw.endsWith("]")) {
        throw new IllegalArgumentException(
            "the aws configuration " + file + ", line " + number + ": an array must end on it");
      }
      List<String> items = new ArrayList<>();
      Matcher string = STRING.matcher(raw);
      while (string.find()) {
        items.add(unescaped(string.group(1)));
      }
      return String.join(",", items);
    }
    Matcher string = STRING.matcher(raw);
    if (string.matches()) {
      return unescaped(string.group(1));
    }
    return raw;
  }

  private static String unescaped(String text) {
    return text.replace("\\\"", "\"").replace("\\\\", "\\");
  }

  /** The line up to a {@code #} that is not inside a string. */
  private static String withoutComment(String line) {
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"' && (i == 0 || line.charAt(i - 1) != '\\')) {
        quoted = !quoted;
      } else if (c == '#' && !quoted) {
        return line.substring(0, i);
      }
    }
    return line;
  }
}
