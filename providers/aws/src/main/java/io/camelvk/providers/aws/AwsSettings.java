package io.camelvk.providers.aws;

import io.camelvk.providers.aws.task.RunTaskSettings;
import io.camelvk.providers.aws.task.TaskDefinitionSettings;
import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The provider's {@code vk.provider.aws.*} settings (bound as {@code awsSettings} by
 * aws-beans.yaml; docs/providers/aws.md): each from its property, else from the configuration file
 * ({@code vk.provider.aws.config}, the Go provider's {@code fargate.toml}), else its default. None
 * is a secret: credentials come from the AWS SDK's default chain.
 */
public final class AwsSettings {

  static final String REGION = "region";
  static final String CLUSTER = "cluster";
  static final String SUBNETS = "subnets";
  static final String SECURITY_GROUPS = "security-groups";
  static final String ASSIGN_PUBLIC_IP = "assign-public-ip";
  static final String EXECUTION_ROLE_ARN = "execution-role-arn";
  static final String TASK_ROLE_ARN = "task-role-arn";
  static final String LOG_GROUP = "log-group";
  static final String PLATFORM_VERSION = "platform-version";
  static final String CPU = "cpu";
  static final String MEMORY = "memory";
  static final String PODS = "pods";
  static final String ENDPOINT = "endpoint";
  static final String VOLUME_IMAGE = "volume-image";

  /** The capacity is what the Go provider's example {@code fargate.toml} gives a node. */
  private static final Map<String, String> DEFAULTS =
      Map.of(
          REGION, "us-east-1",
          CLUSTER, "default",
          ASSIGN_PUBLIC_IP, "false",
          LOG_GROUP, "camelvk",
          CPU, "20",
          MEMORY, "40Gi",
          PODS, "20",
          VOLUME_IMAGE, "public.ecr.aws/docker/library/busybox:stable");

  private final Map<String, String> given = new HashMap<>();
  private String config;
  private String node;
  private String region;
  private String cluster;
  private List<String> subnets = List.of();
  private List<String> securityGroups = List.of();
  private boolean assignPublicIp;
  private String executionRoleArn;
  private String taskRoleArn;
  private String logGroup;
  private String platformVersion;
  private String cpu;
  private String memory;
  private String pods;
  private URI endpoint;
  private String volumeImage;

  String node() {
    return node;
  }

  String region() {
    return region;
  }

  String cluster() {
    return cluster;
  }

  /** The cluster, for route aws-node's DescribeClusters. */
  public String clusterName() {
    return cluster;
  }

  List<String> subnets() {
    return subnets;
  }

  List<String> securityGroups() {
    return securityGroups;
  }

  boolean assignPublicIp() {
    return assignPublicIp;
  }

  Optional<String> executionRoleArn() {
    return Optional.ofNullable(executionRoleArn);
  }

  Optional<String> taskRoleArn() {
    return Optional.ofNullable(taskRoleArn);
  }

  String logGroup() {
    return logGroup;
  }

  Optional<String> platformVersion() {
    return Optional.ofNullable(platformVersion);
  }

  String cpu() {
    return cpu;
  }

  String memory() {
    return memory;
  }

  String pods() {
    return pods;
  }

  Optional<URI> endpoint() {
    return Optional.ofNullable(endpoint);
  }

  TaskDefinitionSettings taskDefinitionSettings() {
    return new TaskDefinitionSettings(region, logGroup, executionRoleArn, taskRoleArn, volumeImage);
  }

  RunTaskSettings runTaskSettings() {
    return new RunTaskSettings(
        cluster, platformVersion, subnets, securityGroups, assignPublicIp, node);
  }

  public void setNode(String node) {
    this.node = node;
  }

  /** The provider's configuration file ({@code vk.provider.aws.config}): the Go provider's TOML. */
  public void setConfig(String config) {
    this.config = config;
  }

  public void setRegion(String region) {
    given.put(REGION, region);
  }

  public void setCluster(String cluster) {
    given.put(CLUSTER, cluster);
  }

  public void setSubnets(String subnets) {
    given.put(SUBNETS, subnets);
  }

  public void setSecurityGroups(String groups) {
    given.put(SECURITY_GROUPS, groups);
  }

  public void setAssignPublicIp(String assign) {
    given.put(ASSIGN_PUBLIC_IP, assign);
  }

  public void setExecutionRoleArn(String arn) {
    given.put(EXECUTION_ROLE_ARN, arn);
  }

  public void setTaskRoleArn(String arn) {
    given.put(TASK_ROLE_ARN, arn);
  }

  public void setLogGroup(String logGroup) {
    given.put(LOG_GROUP, logGroup);
  }

  public void setPlatformVersion(String version) {
    given.put(PLATFORM_VERSION, version);
  }

  public void setCpu(String cpu) {
    given.put(CPU, cpu);
  }

  public void setMemory(String memory) {
    given.put(MEMORY, memory);
  }

  public void setPods(String pods) {
    given.put(PODS, pods);
  }

  public void setEndpoint(String endpoint) {
    given.put(ENDPOINT, endpoint);
  }

  /** The image of the container that writes the pod's volume files into the task. */
  public void setVolumeImage(String image) {
    given.put(VOLUME_IMAGE, image);
  }

  /**
   * Each setting from its property when given, else from the configuration file, else its default.
   *
   * @throws IllegalArgumentException naming the setting or the file that is wrong
   */
  public void init() {
    Map<String, String> file =
        config == null || config.isBlank()
            ? Map.of()
            : FargateConfigFile.read(Path.of(config.strip()));
    Map<String, String> settings = new HashMap<>(DEFAULTS);
    settings.putAll(nonBlank(file));
    settings.putAll(nonBlank(given));
    region = required(REGION, settings);
    cluster = required(CLUSTER, settings);
    subnets = list(settings.get(SUBNETS));
    securityGroups = list(settings.get(SECURITY_GROUPS));
    assignPublicIp = Boolean.parseBoolean(settings.get(ASSIGN_PUBLIC_IP).strip());
    executionRoleArn = blankToNull(settings.get(EXECUTION_ROLE_ARN));
    taskRoleArn = blankToNull(settings.get(TASK_ROLE_ARN));
    logGroup = required(LOG_GROUP, settings);
    platformVersion = blankToNull(settings.get(PLATFORM_VERSION));
    cpu = required(CPU, settings);
    memory = required(MEMORY, settings);
    pods = required(PODS, settings);
    endpoint = uri(settings.get(ENDPOINT));
    volumeImage = required(VOLUME_IMAGE, settings);
  }

  private static Map<String, String> nonBlank(Map<String, String> values) {
    Map<String, String> kept = new HashMap<>();
    values.forEach(
        (key, value) -> {
          if (value != null && !value.isBlank()) {
            kept.put(key, value.strip());
          }
        });
    return kept;
  }

  private static URI uri(String value) {
    try {
      return value == null || value.isBlank() ? null : URI.create(value.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "vk.provider.aws.endpoint is not a URI: " + e.getMessage(), e);
    }
  }

  private static String required(String key, Map<String, String> settings) {
    String value = settings.get(key);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("vk.provider.aws." + key + " must not be empty");
    }
    return value;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static List<String> list(String value) {
    if (value == null) {
      return List.of();
    }
    return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }
}
