package io.camelvk.providers.aws;

import io.camelvk.provider.NodeProfile;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.NodeConditionBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.DescribeClustersResponse;

/**
 * The node as the aws provider sees it: the configured capacity, and Ready=False with the reason
 * when the cluster cannot be used (no subnets configured, the cluster missing or not ACTIVE, ECS
 * not reachable), so that the node says why its pods do not start instead of the process failing.
 */
final class ClusterHealth {

  static final String OS_IMAGE = "Amazon ECS on AWS Fargate (camel-virtual-kubelet aws provider)";

  private final AwsSettings settings;

  ClusterHealth(AwsSettings settings) {
    this.settings = settings;
  }

  /** From DescribeClusters' answer about the configured cluster. */
  NodeProfile profile(DescribeClustersResponse answer) {
    return profile(problem(answer));
  }

  /** ECS could not be asked at all. */
  NodeProfile unreachable(Throwable failure) {
    return profile(
        Optional.of(
            notReady(
                "EcsUnreachable",
                "ECS in "
                    + settings.region()
                    + " cannot be reached: "
                    + (failure.getMessage() == null
                        ? failure.getClass().getSimpleName()
                        : failure.getMessage()))));
  }

  private Optional<NodeCondition> problem(DescribeClustersResponse answer) {
    if (settings.subnets().isEmpty()) {
      return Optional.of(
          notReady(
              "SubnetsNotConfigured",
              "vk.provider.aws.subnets is not set: Fargate tasks need at least one subnet"));
    }
    Optional<Cluster> cluster =
        answer.clusters().stream()
            .filter(
                c ->
                    settings.cluster().equals(c.clusterName())
                        || settings.cluster().equals(c.clusterArn()))
            .findFirst();
    if (cluster.isEmpty()) {
      return Optional.of(
          notReady(
              "ClusterNotFound",
              "ECS cluster " + settings.cluster() + " does not exist in " + settings.region()));
    }
    if (!"ACTIVE".equals(cluster.get().status())) {
      return Optional.of(
          notReady(
              "ClusterNotActive",
              "ECS cluster " + settings.cluster() + " is " + cluster.get().status()));
    }
    return Optional.empty();
  }

  private NodeProfile profile(Optional<NodeCondition> problem) {
    return new NodeProfile(
        Map.of(
            "cpu", new Quantity(settings.cpu()),
            "memory", new Quantity(settings.memory()),
            "pods", new Quantity(settings.pods())),
        Map.of(),
        problem.map(List::of).orElse(List.of()),
        OS_IMAGE,
        Set.of(),
        List.of());
  }

  private static NodeCondition notReady(String reason, String message) {
    return new NodeConditionBuilder()
        .withType("Ready")
        .withStatus("False")
        .withReason(reason)
        .withMessage(message)
        .build();
  }
}
