package io.camelvk.pod.env;

import io.camelvk.pod.PodEnvironment.Event;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarSource;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One container's environment, in the kubelet's order: envFrom, then env (with {@code $(VAR)}
 * expansion and valueFrom), then the service links not already defined. A later definition of a
 * name replaces the value and keeps the position.
 */
final class ContainerEnvironment {

  private static final Pattern VALID_NAME = Pattern.compile("[-._a-zA-Z][-._a-zA-Z0-9]*");

  private final ConfigLookup lookup;
  private final Pod pod;
  private final NodeFacts node;
  private final List<Event> events;
  private final Map<String, String> values = new LinkedHashMap<>();
  private String blockingError;

  ContainerEnvironment(ConfigLookup lookup, Pod pod, NodeFacts node, List<Event> events) {
    this.lookup = lookup;
    this.pod = pod;
    this.node = node;
    this.events = events;
  }

  /** The resolved variables, or empty when a mandatory reference is missing. */
  Optional<List<EnvVar>> resolve(Container container, Map<String, String> serviceLinks) {
    container.getEnvFrom().forEach(this::addFrom);
    for (EnvVar var : container.getEnv()) {
      String value =
          var.getValueFrom() != null
              ? valueFrom(container, var)
              : expand(var.getValue(), serviceLinks);
      if (value != null) {
        values.put(var.getName(), value);
      }
    }
    serviceLinks.forEach(values::putIfAbsent);
    if (blockingError != null) {
      return Optional.empty();
    }
    List<EnvVar> result = new ArrayList<>();
    values.forEach((k, v) -> result.add(new EnvVar(k, v, null)));
    return Optional.of(result);
  }

  String blockingError() {
    return blockingError;
  }

  private String expand(String value, Map<String, String> serviceLinks) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    return EnvExpansion.expand(
        value, name -> values.containsKey(name) ? values.get(name) : serviceLinks.get(name));
  }

  private void addFrom(EnvFromSource from) {
    boolean isConfigMap = from.getConfigMapRef() != null;
    String name = isConfigMap ? from.getConfigMapRef().getName() : from.getSecretRef().getName();
    boolean optional =
        Boolean.TRUE.equals(
            isConfigMap ? from.getConfigMapRef().getOptional() : from.getSecretRef().getOptional());
    String kind = isConfigMap ? "configmap" : "secret";
    Optional<ConfigSource> source =
        isConfigMap
            ? ConfigSource.configMap(lookup, namespace(), name)
            : ConfigSource.secret(lookup, namespace(), name);
    if (source.isEmpty()) {
      missing(
          ConfigSource.notFoundReason(kind, optional),
          kind + " \"" + name + "\" not found",
          optional);
      return;
    }
    String prefix = from.getPrefix() == null ? "" : from.getPrefix();
    List<String> invalid = new ArrayList<>();
    source
        .get()
        .data()
        .forEach(
            (key, value) -> {
              if (VALID_NAME.matcher(prefix + key).matches()) {
                values.put(prefix + key, value);
              } else {
                invalid.add(prefix + key);
              }
            });
    if (!invalid.isEmpty()) {
      events.add(
          new Event(
              "Warning",
              EnvReasons.INVALID_ENVIRONMENT_VARIABLE_NAMES,
              "Keys ["
                  + String.join(", ", invalid.stream().sorted().toList())
                  + "] from the EnvFrom "
                  + kind
                  + " "
                  + namespace()
                  + "/"
                  + name
                  + " were skipped since they are considered invalid environment variable names."));
    }
  }

  private String valueFrom(Container container, EnvVar var) {
    EnvVarSource from = var.getValueFrom();
    try {
      if (from.getFieldRef() != null) {
        return DownwardApi.field(pod, from.getFieldRef(), node);
      }
      if (from.getResourceFieldRef() != null) {
        return DownwardApi.resource(pod, container, from.getResourceFieldRef(), node);
      }
    } catch (IllegalArgumentException e) {
      missing(
          EnvReasons.INVALID_FIELD_REFERENCE,
          "env " + var.getName() + ": " + e.getMessage(),
          false);
      return null;
    }
    if (from.getConfigMapKeyRef() != null) {
      var ref = from.getConfigMapKeyRef();
      return keyValue(
          "configmap",
          ConfigSource.configMap(lookup, namespace(), ref.getName()),
          ref.getName(),
          ref.getKey(),
          Boolean.TRUE.equals(ref.getOptional()));
    }
    if (from.getSecretKeyRef() != null) {
      var ref = from.getSecretKeyRef();
      return keyValue(
          "secret",
          ConfigSource.secret(lookup, namespace(), ref.getName()),
          ref.getName(),
          ref.getKey(),
          Boolean.TRUE.equals(ref.getOptional()));
    }
    return "";
  }

  private String keyValue(
      String kind, Optional<ConfigSource> source, String name, String key, boolean optional) {
    if (source.isEmpty()) {
      missing(
          ConfigSource.notFoundReason(kind, optional),
          kind + " \"" + name + "\" not found",
          optional);
      return null;
    }
    String value = source.get().data().get(key);
    if (value == null) {
      missing(
          ConfigSource.keyNotFoundReason(kind, optional),
          "key \"" + key + "\" not found in " + kind + " \"" + name + "\"",
          optional);
    }
    return value;
  }

  private void missing(String reason, String message, boolean optional) {
    events.add(new Event("Warning", reason, message));
    if (!optional && blockingError == null) {
      blockingError = message;
    }
  }

  private String namespace() {
    return pod.getMetadata().getNamespace();
  }
}
