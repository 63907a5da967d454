package io.camelvk.pod.env;

import io.camelvk.pod.PodEnvironment;
import io.camelvk.pod.PodEnvironment.Event;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Resolves every container's environment like the kubelet's makeEnvironmentVariables. The pod given
 * is not changed: the result carries a copy whose containers have plain values only, and which
 * shares every other part with the pod given (so neither may be changed).
 */
public final class PodEnvironmentResolver {

  private final ConfigLookup lookup;

  public PodEnvironmentResolver(ConfigLookup lookup) {
    this.lookup = lookup;
  }

  public PodEnvironment.Resolution resolve(Pod pod, NodeFacts node) {
    boolean serviceLinks = !Boolean.FALSE.equals(pod.getSpec().getEnableServiceLinks());
    Map<String, String> links =
        ServiceLinks.variables(lookup, pod.getMetadata().getNamespace(), serviceLinks);
    List<Event> events = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    Function<Container, Container> resolveOne =
        container -> {
          ContainerEnvironment environment = new ContainerEnvironment(lookup, pod, node, events);
          Optional<List<EnvVar>> env = environment.resolve(container, links);
          if (env.isEmpty()) {
            errors.add(environment.blockingError());
            return container;
          }
          Container copy = ShallowCopy.of(container);
          copy.setEnv(env.get());
          copy.setEnvFrom(List.of());
          return copy;
        };
    PodSpec spec = ShallowCopy.of(pod.getSpec());
    spec.setInitContainers(pod.getSpec().getInitContainers().stream().map(resolveOne).toList());
    spec.setContainers(pod.getSpec().getContainers().stream().map(resolveOne).toList());
    Pod copy = ShallowCopy.of(pod);
    copy.setSpec(spec);
    return new PodEnvironment.Resolution(copy, List.copyOf(events), errors.stream().findFirst());
  }
}
