package io.camelvk.providers.aws.task;

import java.util.List;
import java.util.Objects;

/**
 * What a pod's RunTask takes from the provider's configuration ({@code vk.provider.aws.*}).
 *
 * @param cluster the ECS cluster's name or ARN
 * @param platformVersion the Fargate platform version; null for AWS's {@code LATEST}
 * @param subnets the subnets a task's network interface may be in
 * @param securityGroups the security groups of a task's network interface; empty for the VPC's
 *     default
 * @param assignPublicIp whether a task gets a public IP address
 * @param nodeName the virtual node's name
 */
public record RunTaskSettings(
    String cluster,
    String platformVersion,
    List<String> subnets,
    List<String> securityGroups,
    boolean assignPublicIp,
    String nodeName) {

  public RunTaskSettings {
    Objects.requireNonNull(cluster, "cluster");
    Objects.requireNonNull(nodeName, "nodeName");
    subnets = List.copyOf(subnets);
    securityGroups = List.copyOf(securityGroups);
  }
}
