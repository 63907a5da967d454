package io.camelvk.pod.env;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelvk.pod.PodEnvironment;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.EnvFromSourceBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PodEnvironmentResolverTest {

  private final List<ConfigMap> configMaps = new ArrayList<>();
  private final List<Secret> secrets = new ArrayList<>();
  private final List<Service> services = new ArrayList<>();
  private final NodeFacts node =
      new NodeFacts(
          Map.of("cpu", new Quantity("4"), "memory", new Quantity("8Gi")),
          List.of("192.0.2.1"),
          List.of("192.0.2.7"));
  private final PodEnvironmentResolver resolver =
      new PodEnvironmentResolver(
          new ConfigLookup() {
            @Override
            public Optional<ConfigMap> configMap(String ns, String name) {
              return configMaps.stream()
                  .filter(c -> c.getMetadata().getName().equals(name))
                  .findFirst();
            }

            @Override
            public Optional<Secret> secret(String ns, String name) {
              return secrets.stream()
                  .filter(s -> s.getMetadata().getName().equals(name))
                  .findFirst();
            }

            @Override
            public List<Service> services(String ns) {
              return services.stream()
                  .filter(s -> s.getMetadata().getNamespace().equals(ns))
                  .toList();
            }
          });

  @Test
  void keysMissingFromExistingSourcesHaveTheirOwnReasons() {
    configMaps.add(
        new ConfigMapBuilder()
            .withNewMetadata()
            .withName("cm")
            .endMetadata()
            .withData(Map.of("a", "1"))
            .build());
    secrets.add(secret("s", Map.of("a", "1")));
    var result =
        resolve(
            List.of(
                ref("X", "cm", "nope", true, true),
                ref("Y", "s", "nope", true, false),
                ref("Z", "cm", "nope", false, true)));

    assertThat(result.events())
        .extracting(PodEnvironment.Event::reason)
        .containsExactly(
            "OptionalConfigMapKeyNotFound",
            "OptionalSecretKeyNotFound",
            "MandatoryConfigMapKeyNotFound");
    assertThat(result.blockingError()).hasValue("key \"nope\" not found in configmap \"cm\"");
  }

  @Test
  void envFromWithPrefixSkipsInvalidNamesWithAnEventAndDecodesSecrets() {
    configMaps.add(
        new ConfigMapBuilder()
            .withNewMetadata()
            .withName("cm")
            .endMetadata()
            .withData(Map.of("good", "1", "1bad", "2", "has space", "3"))
            .build());
    secrets.add(secret("s", Map.of("password", "hunter2")));
    Pod pod = pod(List.of());
    pod.getSpec()
        .getContainers()
        .getFirst()
        .setEnvFrom(
            List.of(
                new EnvFromSourceBuilder()
                    .withNewConfigMapRef()
                    .withName("cm")
                    .endConfigMapRef()
                    .build(),
                new EnvFromSourceBuilder()
                    .withPrefix("S_")
                    .withNewSecretRef()
                    .withName("s")
                    .endSecretRef()
                    .build()));

    var result = resolver.resolve(pod, node);

    assertThat(env(result))
        .containsEntry("good", "1")
        .containsEntry("S_password", "hunter2")
        .doesNotContainKeys("1bad", "has space");
    assertThat(result.events())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.reason()).isEqualTo("InvalidEnvironmentVariableNames");
              assertThat(e.message()).contains("1bad", "has space");
            });
    assertThat(result.pod().getSpec().getContainers().getFirst().getEnvFrom()).isEmpty();
  }

  @Test
  void expansionUsesEarlierVariablesKeepsUnknownOnesAndUnescapesDollars() {
    var result =
        resolve(List.of(var("A", "x"), var("B", "$(A)-$(UNKNOWN)-$$(A)-$$"), var("A", "y")));
    assertThat(env(result)).containsEntry("B", "x-$(UNKNOWN)-$(A)-$");
    assertThat(names(result)).startsWith("A", "B");
    assertThat(env(result)).containsEntry("A", "y");
  }

  @Test
  void commandAndArgsExpandTheResolvedVariablesAsTheKubeletDoes() {
    Pod pod =
        new PodBuilder(pod(List.of(var("GREETING", "hello"))))
            .editSpec()
            .editFirstContainer()
            .withCommand("sh", "-c", "echo $(GREETING) $(date) $$(GREETING)")
            .withArgs("$(GREETING)")
            .endContainer()
            .endSpec()
            .build();

    var container = resolver.resolve(pod, node).pod().getSpec().getContainers().getFirst();

    assertThat(container.getCommand())
        .containsExactly("sh", "-c", "echo hello $(date) $(GREETING)");
    assertThat(container.getArgs()).containsExactly("hello");
    assertThat(pod.getSpec().getContainers().getFirst().getArgs()).containsExactly("$(GREETING)");
  }

  @Test
  void resourceFieldRefsRoundUpByTheDivisorAndLimitsDefaultToAllocatable() {
    Pod pod =
        pod(
            List.of(
                resource("CPU_LIMIT", "limits.cpu", null),
                    resource("MEM_MI", "limits.memory", "1Mi"),
                resource("CPU_REQ_M", "requests.cpu", "1m"),
                    resource("MEM_REQ", "requests.memory", null)));
    pod.getSpec()
        .getContainers()
        .getFirst()
        .setResources(
            new io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder()
                .addToRequests("cpu", new Quantity("250m"))
                .addToRequests("memory", new Quantity("1500k"))
                .build());

    var env = env(resolver.resolve(pod, node));

    assertThat(env)
        .containsEntry("CPU_LIMIT", "4")
        .containsEntry("MEM_MI", "8192")
        .containsEntry("CPU_REQ_M", "250")
        .containsEntry("MEM_REQ", "1500000");
  }

  @Test
  void fieldRefsCoverMetadataSpecAndStatus() {
    Pod pod =
        pod(
            List.of(
                field("N", "metadata.name"),
                field("U", "metadata.uid"),
                field("L", "metadata.labels['app']"),
                field("H", "status.hostIP"),
                field("P", "status.podIPs"),
                field("SA", "spec.serviceAccountName")));
    assertThat(env(resolver.resolve(pod, node)))
        .containsEntry("N", "web")
        .containsEntry("U", "uid-1")
        .containsEntry("L", "shop")
        .containsEntry("H", "192.0.2.1")
        .containsEntry("P", "192.0.2.7")
        .containsEntry("SA", "default");
  }

  @Test
  void serviceLinksFollowTheKubeletWithSeveralPortsAndCanBeTurnedOff() {
    services.add(
        new ServiceBuilder()
            .withNewMetadata()
            .withNamespace("default")
            .withName("kubernetes")
            .endMetadata()
            .withNewSpec()
            .withClusterIP("10.0.0.1")
            .addNewPort()
            .withName("https")
            .withPort(443)
            .withProtocol("TCP")
            .endPort()
            .endSpec()
            .build());
    services.add(
        new ServiceBuilder()
            .withNewMetadata()
            .withNamespace("ns")
            .withName("my-db")
            .endMetadata()
            .withNewSpec()
            .withClusterIP("10.0.0.9")
            .addNewPort()
            .withPort(5432)
            .endPort()
            .addNewPort()
            .withName("metrics")
            .withPort(9187)
            .withProtocol("UDP")
            .endPort()
            .endSpec()
            .build());
    services.add(
        new ServiceBuilder()
            .withNewMetadata()
            .withNamespace("ns")
            .withName("headless")
            .endMetadata()
            .withNewSpec()
            .withClusterIP("None")
            .addNewPort()
            .withPort(80)
            .endPort()
            .endSpec()
            .build());

    var env = env(resolve(List.of()));
    assertThat(env)
        .containsEntry("MY_DB_SERVICE_HOST", "10.0.0.9")
        .containsEntry("MY_DB_SERVICE_PORT", "5432")
        .containsEntry("MY_DB_SERVICE_PORT_METRICS", "9187")
        .containsEntry("MY_DB_PORT", "tcp://10.0.0.9:5432")
        .containsEntry("MY_DB_PORT_9187_UDP", "udp://10.0.0.9:9187")
        .containsEntry("MY_DB_PORT_9187_UDP_PROTO", "udp")
        .containsEntry("MY_DB_PORT_5432_TCP_ADDR", "10.0.0.9")
        .containsEntry("KUBERNETES_SERVICE_HOST", "10.0.0.1")
        .doesNotContainKey("HEADLESS_SERVICE_HOST");

    Pod off = pod(List.of());
    off.getSpec().setEnableServiceLinks(false);
    assertThat(env(resolver.resolve(off, node)))
        .containsKey("KUBERNETES_SERVICE_HOST")
        .doesNotContainKey("MY_DB_SERVICE_HOST");
  }

  @Test
  void theInputPodIsNotChangedAndNoValueReachesToString() {
    secrets.add(secret("s", Map.of("password", "hunter2")));
    Pod pod =
        pod(
            List.of(
                new EnvVarBuilder()
                    .withName("P")
                    .withNewValueFrom()
                    .withNewSecretKeyRef()
                    .withName("s")
                    .withKey("password")
                    .endSecretKeyRef()
                    .endValueFrom()
                    .build()));
    Pod before = new PodBuilder(pod).build();

    var result = resolver.resolve(pod, node);

    assertThat(pod).isEqualTo(before);
    assertThat(result.toString()).doesNotContain("hunter2");
    assertThat(env(result)).containsEntry("P", "hunter2");
  }

  private PodEnvironment.Resolution resolve(List<EnvVar> env) {
    return resolver.resolve(pod(env), node);
  }

  private static Map<String, String> env(PodEnvironment.Resolution result) {
    Map<String, String> map = new java.util.LinkedHashMap<>();
    result
        .pod()
        .getSpec()
        .getContainers()
        .getFirst()
        .getEnv()
        .forEach(v -> map.put(v.getName(), v.getValue()));
    return map;
  }

  private static List<String> names(PodEnvironment.Resolution result) {
    return result.pod().getSpec().getContainers().getFirst().getEnv().stream()
        .map(EnvVar::getName)
        .toList();
  }

  private static Pod pod(List<EnvVar> env) {
    return new PodBuilder()
        .withNewMetadata()
        .withNamespace("ns")
        .withName("web")
        .withUid("uid-1")
        .withLabels(Map.of("app", "shop"))
        .endMetadata()
        .withNewSpec()
        .withNodeName("vk")
        .withServiceAccountName("default")
        .addNewContainer()
        .withName("app")
        .withImage("busybox")
        .withEnv(env)
        .endContainer()
        .endSpec()
        .build();
  }

  private static Secret secret(String name, Map<String, String> values) {
    Map<String, String> data = new java.util.HashMap<>();
    values.forEach(
        (k, v) ->
            data.put(k, Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8))));
    return new SecretBuilder()
        .withNewMetadata()
        .withName(name)
        .endMetadata()
        .withData(data)
        .build();
  }

  private static EnvVar var(String name, String value) {
    return new EnvVar(name, value, null);
  }

  private static EnvVar field(String name, String path) {
    return new EnvVarBuilder()
        .withName(name)
        .withNewValueFrom()
        .withNewFieldRef()
        .withFieldPath(path)
        .endFieldRef()
        .endValueFrom()
        .build();
  }

  private static EnvVar resource(String name, String resource, String divisor) {
    return new EnvVarBuilder()
        .withName(name)
        .withNewValueFrom()
        .withNewResourceFieldRef()
        .withResource(resource)
        .withDivisor(divisor == null ? null : new Quantity(divisor))
        .endResourceFieldRef()
        .endValueFrom()
        .build();
  }

  private static EnvVar ref(
      String name, String source, String key, boolean optional, boolean configMap) {
    var builder = new EnvVarBuilder().withName(name).withNewValueFrom();
    return (configMap
            ? builder
                .withNewConfigMapKeyRef()
                .withName(source)
                .withKey(key)
                .withOptional(optional)
                .endConfigMapKeyRef()
            : builder
                .withNewSecretKeyRef()
                .withName(source)
                .withKey(key)
                .withOptional(optional)
                .endSecretKeyRef())
        .endValueFrom()
        .build();
  }
}
