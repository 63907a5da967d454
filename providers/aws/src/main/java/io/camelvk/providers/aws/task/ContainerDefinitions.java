package io.camelvk.providers.aws.task;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.PortMapping;
import software.amazon.awssdk.services.ecs.model.TransportProtocol;

/**
 * One container of a pod as an ECS container definition: the parts that are the container's own
 * (image, command, environment, ports, resources), where the task puts its order, volumes and logs.
 */
final class ContainerDefinitions {

  private ContainerDefinitions() {}

  /**
   * The container's own parts. {@code command} is the entry point and {@code args} the command, as
   * Docker names them; an empty one is left out, so the image's stands. The environment is taken as
   * the core resolved it; a variable without a value is empty, as the kubelet sets it. Ports keep
   * their container port and protocol; an SCTP port, which ECS cannot declare, is left out (a
   * container's ports are informational in a pod, the container listens all the same).
   */
  static ContainerDefinition.Builder of(Container container, ContainerResources reservation) {
    ContainerDefinition.Builder definition =
        ContainerDefinition.builder()
            .name(container.getName())
            .image(container.getImage())
            .workingDirectory(emptyToNull(container.getWorkingDir()))
            .portMappings(nullIfEmpty(ports(container.getPorts())))
            .environment(nullIfEmpty(environment(container.getEnv())));
    if (!container.getCommand().isEmpty()) {
      definition.entryPoint(container.getCommand());
    }
    if (!container.getArgs().isEmpty()) {
      definition.command(container.getArgs());
    }
    return resources(definition, container, reservation);
  }

  /**
   * CPU units and a memory reservation from what the container reserves ({@link
   * TaskContainers#reservation}), a hard memory limit from its limit; what the container does not
   * state is left out (ECS then shares what the task has).
   */
  private static ContainerDefinition.Builder resources(
      ContainerDefinition.Builder definition, Container container, ContainerResources reservation) {
    long limit = ContainerResources.memoryLimitMiB(container);
    return definition
        .cpu(reservation.cpuMillis() > 0 ? reservation.cpuUnits() : null)
        .memoryReservation(positiveOrNull(reservation.memoryMiB()))
        .memory(positiveOrNull(limit));
  }

  private static List<KeyValuePair> environment(List<EnvVar> env) {
    return env.stream()
        .map(
            variable ->
                KeyValuePair.builder()
                    .name(variable.getName())
                    .value(Objects.requireNonNullElse(variable.getValue(), ""))
                    .build())
        .toList();
  }

  private static List<PortMapping> ports(List<ContainerPort> ports) {
    return ports.stream()
        .filter(port -> !"SCTP".equals(port.getProtocol()))
        .map(
            port ->
                PortMapping.builder()
                    .containerPort(port.getContainerPort())
                    .protocol(
                        "UDP".equals(port.getProtocol())
                            ? TransportProtocol.UDP
                            : TransportProtocol.TCP)
                    .build())
        .toList();
  }

  /** Null for an empty list, so that the request leaves the field out rather than send []. */
  static <T> List<T> nullIfEmpty(List<T> list) {
    return list.isEmpty() ? null : list;
  }

  private static Integer positiveOrNull(long amount) {
    return amount > 0 ? Math.toIntExact(amount) : null;
  }

  private static String emptyToNull(String value) {
    return value == null || value.isEmpty() ? null : value;
  }
}
