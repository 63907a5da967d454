package io.camelvk.resilience;

import static io.camelvk.resilience.HostileCase.Expectation.blocked;
import static io.camelvk.resilience.HostileCase.Expectation.creating;
import static io.camelvk.resilience.HostileCase.Expectation.failed;
import static io.camelvk.resilience.HostileCase.Expectation.invalidImage;
import static io.camelvk.resilience.HostileCase.Expectation.running;
import static io.camelvk.resilience.HostileCase.Expectation.runningWithEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camelvk.pod.PodSyncFailures;
import io.camelvk.pod.env.EnvReasons;
import io.camelvk.providers.mock.pod.PodBehaviour;
import io.camelvk.test.LoopbackHttp;
import io.camelvk.test.RunningKubelet;
import io.camelvk.test.TestCluster;
import io.camelvk.test.TestPods;
import io.camelvk.test.WithVirtualKubelet;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile pods, all at once on one kubelet: absurd resources, bad environment references, bad mock
 * annotations, huge annotations, long names, odd images, unicode. Each gets a clear status and
 * event (or runs, when it is only odd), and afterwards the kubelet still serves. Flags and provider
 * configs are in HostileFlagsTest, where they never reach a running process.
 */
@WithVirtualKubelet
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileInputsIT {

  private static final String LONG_NAME = "x" + "-0123456789".repeat(22) + "-hostile";
  private static RunningKubelet kubelet;

  @BeforeAll
  static void createEveryHostilePod(RunningKubelet started, TestCluster cluster) {
    kubelet = started;
    var client = cluster.client();
    String namespace = cluster.namespace();
    client
        .configMaps()
        .inNamespace(namespace)
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("present")
                .endMetadata()
                .withData(Map.of("key", "value", "1-not-a-c-name", "x"))
                .build())
        .create();
    client
        .secrets()
        .inNamespace(namespace)
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName("present")
                .endMetadata()
                .withStringData(Map.of("key", "value"))
                .build())
        .create();
    for (HostileCase hostile : cases()) {
      PodBuilder plain = TestPods.boundTo(kubelet.nodeName(), hostile.podName());
      client.pods().inNamespace(namespace).resource(hostile.shape().apply(plain).build()).create();
    }
  }

  static List<HostileCase> cases() {
    List<HostileCase> cases = new ArrayList<>();
    cases.addAll(badMockAnnotations());
    cases.addAll(absurdResources());
    cases.addAll(badEnvironmentReferences());
    cases.addAll(oddButHarmless());
    return cases;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  @Order(1)
  void eachHostilePodGetsAClearStatusAndEvent(HostileCase hostile, TestCluster cluster) {
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () -> hostile.expected().check().accept(cluster.pod(hostile.podName()), cluster));
  }

  @Test
  @Order(2)
  void afterwardsTheKubeletStillServes(TestCluster cluster) {
    HttpResponse<String> health = LoopbackHttp.get(kubelet.settings().metricsPort(), "/healthz");
    assertThat(health.statusCode()).isEqualTo(200);
    cluster.create(TestPods.boundTo(kubelet.nodeName(), "normal-after-hostile").build());
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> TestPods.isRunningAndReady(cluster.pod("normal-after-hostile")));
  }

  private static List<HostileCase> badMockAnnotations() {
    String failed = PodSyncFailures.PROVIDER_FAILED;
    return List.of(
        annotated("start-delay banana", PodBehaviour.START_DELAY, "banana", failed),
        annotated("start-delay negative", PodBehaviour.START_DELAY, "-5s", failed),
        annotated("start-delay overflow", PodBehaviour.START_DELAY, "99999999999h", failed),
        annotated("start-delay empty", PodBehaviour.START_DELAY, "", failed),
        annotated("exit-after two dots", PodBehaviour.EXIT_AFTER, "1.5.5s", failed),
        annotated("exit-after with space", PodBehaviour.EXIT_AFTER, "1h 30m", failed),
        annotated("restart-delay infinity", PodBehaviour.RESTART_DELAY, "∞", failed),
        annotated("exit-code negative", PodBehaviour.EXIT_CODE, "-1", failed),
        annotated("exit-code 256", PodBehaviour.EXIT_CODE, "256", failed),
        annotated("exit-code exponent", PodBehaviour.EXIT_CODE, "1e3", failed),
        annotated("exit-code empty", PodBehaviour.EXIT_CODE, "", failed),
        annotated("exit-code too big", PodBehaviour.EXIT_CODE, "99999999999", failed),
        annotated("fail-create negative", PodBehaviour.FAIL_CREATE, "transient:-3", failed),
        annotated("fail-create too big", PodBehaviour.FAIL_CREATE, "transient:99999999999", failed),
        annotated("fail-create upper case", PodBehaviour.FAIL_CREATE, "TRUE", failed),
        annotated("fail-create no count", PodBehaviour.FAIL_CREATE, "transient:", failed),
        new HostileCase(
            "253-character name refused by the provider",
            LONG_NAME,
            pod ->
                pod.editMetadata()
                    .withLabels(Map.of())
                    .withAnnotations(Map.of(PodBehaviour.FAIL_CREATE, "true"))
                    .endMetadata(),
            failed(failed, "fail its creation")),
        new HostileCase(
            "start-delay of 290 years",
            "centuries",
            annotations(Map.of(PodBehaviour.START_DELAY, "2540000h")),
            creating()),
        new HostileCase(
            "start-delay of 290 years past a 2 s deadline",
            "deadline",
            pod ->
                annotations(Map.of(PodBehaviour.START_DELAY, "2540000h"))
                    .apply(pod)
                    .editSpec()
                    .withActiveDeadlineSeconds(2L)
                    .endSpec(),
            failed("DeadlineExceeded", "deadline")));
  }

  private static List<HostileCase> absurdResources() {
    return List.of(
        requesting("a million cpus", "cpu", "1000000", "OutOfcpu"),
        requesting("a quadrillion cpus", "cpu", "1000000000000000", "OutOfcpu"),
        requesting("an exabyte of memory", "memory", "1Ei", "OutOfmemory"),
        requesting("a petabyte of disk", "ephemeral-storage", "1Pi", "OutOfephemeral-storage"),
        requesting("a resource the node lacks", "example.com/fpga", "1", "OutOfexample.com/fpga"),
        new HostileCase(
            "an init container asking for 100 cpus",
            "greedy-init",
            pod ->
                pod.editSpec()
                    .addNewInitContainer()
                    .withName("init")
                    .withImage("busybox")
                    .withNewResources()
                    .withRequests(Map.of("cpu", new Quantity("100")))
                    .endResources()
                    .endInitContainer()
                    .endSpec(),
            failed("OutOfcpu", "Pod was rejected")));
  }

  private static List<HostileCase> badEnvironmentReferences() {
    return List.of(
        withEnv("missing configmap", configMapKey("absent", "key", null), "absent"),
        withEnv("missing secret", secretKey("absent", "key", null), "absent"),
        withEnv("missing configmap key", configMapKey("present", "nokey", null), "nokey"),
        withEnv("missing secret key", secretKey("present", "nokey", null), "nokey"),
        new HostileCase(
            "envFrom a missing configmap",
            "envfrom-configmap",
            pod ->
                pod.editSpec()
                    .editFirstContainer()
                    .addNewEnvFrom()
                    .withNewConfigMapRef("absent", false)
                    .endEnvFrom()
                    .endContainer()
                    .endSpec(),
            blocked(EnvReasons.MANDATORY_CONFIG_MAP_NOT_FOUND, "absent")),
        new HostileCase(
            "envFrom a missing secret",
            "envfrom-secret",
            pod ->
                pod.editSpec()
                    .editFirstContainer()
                    .addNewEnvFrom()
                    .withNewSecretRef("absent", false)
                    .endEnvFrom()
                    .endContainer()
                    .endSpec(),
            blocked(EnvReasons.MANDATORY_SECRET_NOT_FOUND, "absent")),
        new HostileCase(
            "optional missing configmap key",
            "optional-key",
            env(configMapKey("absent", "key", true)),
            runningWithEvent(EnvReasons.OPTIONAL_CONFIG_MAP_NOT_FOUND)),
        new HostileCase(
            "fieldRef to an annotation that is not there",
            "field-missing",
            env(
                new EnvVarBuilder()
                    .withName("X")
                    .withNewValueFrom()
                    .withNewFieldRef()
                    .withFieldPath("metadata.annotations['absent']")
                    .endFieldRef()
                    .endValueFrom()
                    .build()),
            running()),
        new HostileCase(
            "resourceFieldRef to a limit that is not set",
            "resource-missing",
            env(
                new EnvVarBuilder()
                    .withName("X")
                    .withNewValueFrom()
                    .withNewResourceFieldRef()
                    .withResource("limits.memory")
                    .withDivisor(new Quantity("1"))
                    .endResourceFieldRef()
                    .endValueFrom()
                    .build()),
            running()),
        new HostileCase(
            "undefined and self references",
            "expansions",
            env(
                new EnvVar("A", "$(A)$(UNDEFINED)$$(ESCAPED)$(", null),
                new EnvVar("B", "$(A)".repeat(1000), null)),
            running()));
  }

  private static List<HostileCase> oddButHarmless() {
    return List.of(
        new HostileCase(
            "a 250 KiB annotation",
            "huge-annotation",
            annotations(Map.of("example.com/huge", "x".repeat(250 * 1024))),
            running()),
        new HostileCase(
            "a thousand annotations",
            "many-annotations",
            annotations(thousandAnnotations()),
            running()),
        new HostileCase(
            "63-character label values and a 253-character label prefix",
            "long-labels",
            pod ->
                pod.editMetadata()
                    .withLabels(
                        Map.of(
                            "a".repeat(63)
                                + "."
                                + "b".repeat(63)
                                + "."
                                + "c".repeat(63)
                                + "."
                                + "d".repeat(61)
                                + "/"
                                + "k".repeat(63),
                            "v".repeat(63)))
                    .endMetadata(),
            running()),
        new HostileCase(
            "unicode and bidi controls in annotations and env",
            "unicode",
            pod ->
                env(new EnvVar("GREETING", "日本語 🚀 \u202eevil\u202c ñ", null))
                    .apply(annotations(Map.of("example.com/note", "Ünïcødé 🚀 \u202e")).apply(pod)),
            running()),
        new HostileCase(
            "a 100 KB env value",
            "big-env",
            env(new EnvVar("BIG", "y".repeat(100_000), null)),
            running()),
        image("an image with unicode", "unicode-image", "ÜNÏCØDÉ/☃:🚀", "invalid reference format"),
        image(
            "a 4000-character image",
            "long-image",
            "registry.example/" + "i".repeat(4000),
            "repository name must not be more than 255 characters"),
        image(
            "an image digest that is not one",
            "bad-digest",
            "busybox@sha256:nope",
            "invalid reference format"),
        new HostileCase("fifty containers", "fifty", fiftyContainers(), running()));
  }

  private static HostileCase annotated(String what, String key, String value, String reason) {
    String name = "mock-" + what.replaceAll("[^a-z0-9]+", "-");
    return new HostileCase(
        "annotation " + what, name, annotations(Map.of(key, value)), failed(reason, key));
  }

  private static HostileCase requesting(
      String what, String resource, String amount, String reason) {
    Map<String, Quantity> requests = Map.of(resource, new Quantity(amount));
    return new HostileCase(
        what,
        "absurd-" + what.replaceAll("[^a-z0-9]+", "-"),
        pod ->
            pod.editSpec()
                .editFirstContainer()
                .withNewResources()
                .withRequests(requests)
                .withLimits(requests)
                .endResources()
                .endContainer()
                .endSpec(),
        failed(reason, "Pod was rejected"));
  }

  private static HostileCase withEnv(String what, EnvVar reference, String messagePart) {
    String reason =
        reference.getValueFrom().getConfigMapKeyRef() != null
            ? (messagePart.equals("absent")
                ? EnvReasons.MANDATORY_CONFIG_MAP_NOT_FOUND
                : EnvReasons.MANDATORY_CONFIG_MAP_KEY_NOT_FOUND)
            : (messagePart.equals("absent")
                ? EnvReasons.MANDATORY_SECRET_NOT_FOUND
                : EnvReasons.MANDATORY_SECRET_KEY_NOT_FOUND);
    return new HostileCase(
        what,
        "env-" + what.replaceAll("[^a-z0-9]+", "-"),
        env(reference),
        blocked(reason, messagePart));
  }

  /** An image the kubelet cannot parse waits in InvalidImageName, saying why, as on a kubelet. */
  private static HostileCase image(String what, String name, String image, String why) {
    return new HostileCase(
        what,
        name,
        pod -> pod.editSpec().editFirstContainer().withImage(image).endContainer().endSpec(),
        invalidImage(why));
  }

  private static UnaryOperator<PodBuilder> annotations(Map<String, String> annotations) {
    return pod -> pod.editMetadata().addToAnnotations(annotations).endMetadata();
  }

  private static UnaryOperator<PodBuilder> env(EnvVar... env) {
    return pod -> pod.editSpec().editFirstContainer().addToEnv(env).endContainer().endSpec();
  }

  private static EnvVar configMapKey(String map, String key, Boolean optional) {
    return new EnvVarBuilder()
        .withName("FROM_MAP")
        .withNewValueFrom()
        .withNewConfigMapKeyRef(key, map, optional)
        .endValueFrom()
        .build();
  }

  private static EnvVar secretKey(String secret, String key, Boolean optional) {
    return new EnvVarBuilder()
        .withName("FROM_SECRET")
        .withNewValueFrom()
        .withNewSecretKeyRef(key, secret, optional)
        .endValueFrom()
        .build();
  }

  private static Map<String, String> thousandAnnotations() {
    Map<String, String> many = new java.util.HashMap<>();
    IntStream.range(0, 1000).forEach(i -> many.put("example.com/a" + i, "v" + i));
    return many;
  }

  private static UnaryOperator<PodBuilder> fiftyContainers() {
    return pod -> {
      var spec = pod.editSpec();
      IntStream.range(1, 50)
          .forEach(
              i -> spec.addNewContainer().withName("c" + i).withImage("busybox").endContainer());
      return spec.endSpec();
    };
  }
}
