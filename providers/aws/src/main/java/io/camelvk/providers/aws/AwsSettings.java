package io.camelvk.providers.aws;

import io.camelvk.providers.aws.task.RunTaskSettings;
import io.camelvk.providers.aws.task.TaskDefinitionSettings;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The provider's {@code vk.provider.aws.*} settings (bound as {@code awsSettings} by
 * aws-beans.yaml, where the defaults are; docs/providers/aws.md). None is a secret: credentials
 * come from the AWS SDK's default chain.
 */
public final class AwsSettings {

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

  public void setRegion(String region) {
    this.region = required("region", region);
  }

  public void setCluster(String cluster) {
    this.cluster = required("cluster", cluster);
  }

  public void setSubnets(String subnets) {
    this.subnets = list(subnets);
  }

  public void setSecurityGroups(String groups) {
    this.securityGroups = list(groups);
  }

  public void setAssignPublicIp(String assign) {
    this.assignPublicIp = Boolean.parseBoolean(assign.strip());
  }

  public void setExecutionRoleArn(String arn) {
    this.executionRoleArn = blankToNull(arn);
  }

  public void setTaskRoleArn(String arn) {
    this.taskRoleArn = blankToNull(arn);
  }

  public void setLogGroup(String logGroup) {
    this.logGroup = required("log-group", logGroup);
  }

  public void setPlatformVersion(String version) {
    this.platformVersion = blankToNull(version);
  }

  public void setCpu(String cpu) {
    this.cpu = required("cpu", cpu);
  }

  public void setMemory(String memory) {
    this.memory = required("memory", memory);
  }

  public void setPods(String pods) {
    this.pods = required("pods", pods);
  }

  public void setEndpoint(String endpoint) {
    String value = blankToNull(endpoint);
    try {
      this.endpoint = value == null ? null : URI.create(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "vk.provider.aws.endpoint is not a URI: " + e.getMessage(), e);
    }
  }

  public void setVolumeImage(String image) {
    this.volumeImage = required("volume-image", image);
  }

  private static String required(String key, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("vk.provider.aws." + key + " must not be empty");
    }
    return value.strip();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static List<String> list(String value) {
    return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }
}
