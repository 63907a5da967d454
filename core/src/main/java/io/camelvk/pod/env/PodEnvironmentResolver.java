package io.camelvk.pod.env;

import io.camelvk.pod.PodEnvironment;
import io.camelvk.pod.PodEnvironment.Event;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Resolves every container's environment like the kubelet's makeEnvironmentVariables, and expands
 * {@code $(VAR)} in its command and args and its mounts' {@code subPathExpr} with it as the kubelet
 * does. The pod given is not changed: the result carries a copy whose containers have plain values
 * only, and which shares every other part with the pod given (so neither may be changed).
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
          copy.setCommand(expanded(container.getCommand(), env.get()));
          copy.setArgs(expanded(container.getArgs(), env.get()));
          try {
            copy.setVolumeMounts(
                SubPathExpansion.expand(
                    container.getName(), container.getVolumeMounts(), env.get()));
          } catch (IllegalArgumentException e) {
            events.add(new Event("Warning", EnvReasons.FAILED, "Error: " + e.getMessage()));
            errors.add(e.getMessage());
          }
          return copy;
        };
    PodSpec spec = ShallowCopy.of(pod.getSpec());
    spec.setInitContainers(pod.getSpec().getInitContainers().stream().map(resolveOne).toList());
    spec.setContainers(pod.getSpec().getContainers().stream().map(resolveOne).toList());
    Pod copy = ShallowCopy.of(pod);
    copy.setSpec(spec);
    return new PodEnvironment.Resolution(copy, List.copyOf(events), errors.stream().findFirst());
  }

  /**
   * The kubelet's ExpandContainerCommandAndArgs: {@code $(VAR)} in a container's command and args
   * is the value of VAR in its resolved environment (an unknown one stays as written).
   */
  private static List<String> expanded(List<String> words, List<EnvVar> env) {
    if (words == null || words.isEmpty()) {
      return words;
    }
    Map<String, String> values = new HashMap<>();
    env.forEach(v -> values.put(v.getName(), v.getValue()));
    return words.stream().map(w -> EnvExpansion.expand(w, values::get)).toList();
  }
}
