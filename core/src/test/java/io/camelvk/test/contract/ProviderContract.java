package io.camelvk.test.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;

import io.camelvk.pod.PodKey;
import io.camelvk.provider.GracePeriod;
import io.camelvk.provider.LogOptions;
import io.camelvk.provider.PodNotFoundException;
import io.camelvk.provider.ProviderCapability;
import io.camelvk.provider.ProviderException;
import io.camelvk.provider.RemoteStreams;
import io.camelvk.provider.TerminalResizes;
import io.camelvk.provider.runtime.ProviderSet;
import io.camelvk.provider.volume.PodVolumes;
import io.camelvk.provider.volume.ResolvedVolume;
import io.camelvk.provider.volume.VolumeFile;
import io.camelvk.provider.volume.VolumeKind;
import io.camelvk.test.TestPods;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.Quantity;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;

/**
 * What every provider must do, run against its own backend through the core's own wiring (the
 * provider's route, the documented headers, the core's reading of the answers), like the Go
 * virtual-kubelet's lifecycle tests: create, Running, update, delete, gone; an idempotent create;
 * the delete of an unknown pod; its pods listed by a new process; and each capability it declares.
 * A provider module extends it and says how to start a process over its backend.
 */
public abstract class ProviderContract {

  /** How long a provider may take to run a pod, or to forget one. */
  protected static final Duration PATIENCE = Duration.ofSeconds(20);

  protected static final String NAMESPACE = "contract";

  private ProviderHarness harness;

  /**
   * A new process's view of the provider, over the same backend every time: what a restart of the
   * virtual kubelet would make.
   */
  protected abstract ProviderSet newProcess();

  /** Properties its routes need ({@code vk.provider.<name>.*}). */
  protected Map<String, String> properties() {
    return Map.of();
  }

  /** A pod this provider can run, named {@code name}; override to add what it needs. */
  protected Pod pod(String name) {
    return TestPods.named(NAMESPACE, name, UUID.randomUUID().toString())
        .editSpec()
        .withRestartPolicy("Always")
        .endSpec()
        .build();
  }

  /**
   * A pod whose status changes by itself soon after it starts (a container that exits, say), for a
   * provider that declares it notifies.
   */
  protected Pod changingPod(String name) {
    throw new UnsupportedOperationException(
        "a provider that notifies must say how to make a pod that changes by itself");
  }

  /** A command of {@code exec} and what it prints, when the provider declares exec. */
  protected List<String> execCommand() {
    return List.of("echo", "contract");
  }

  protected String execOutput() {
    return "contract";
  }

  @BeforeEach
  void startProcess() throws Exception {
    harness = ProviderHarness.start(newProcess(), properties());
  }

  @AfterEach
  void stopProcess() throws Exception {
    harness.close();
  }

  @Test
  void aCreatedPodRunsAndIsListed() {
    Pod pod = pod(unique("run"));
    harness.provider().client().create(pod);

    awaitRunning(pod);
    assertThat(uids()).contains(uid(pod));
  }

  @Test
  void creatingAPodThatRunsAgainChangesNothing() {
    Pod pod = pod(unique("twice"));
    harness.provider().client().create(pod);
    awaitRunning(pod);
    harness.provider().client().create(pod);

    assertThat(uids().stream().filter(uid(pod)::equals)).hasSize(1);
    awaitRunning(pod);
  }

  @Test
  void anUpdateOfARunningPodIsAccepted() {
    Pod pod = pod(unique("update"));
    harness.provider().client().create(pod);
    awaitRunning(pod);
    Pod changed =
        new PodBuilder(pod)
            .editSpec()
            .editFirstContainer()
            .withImage("busybox:2")
            .endContainer()
            .endSpec()
            .build();

    assertThatCode(() -> harness.provider().client().update(changed)).doesNotThrowAnyException();
    awaitRunning(changed);
  }

  @Test
  void aDeletedPodIsGone() {
    Pod pod = pod(unique("delete"));
    harness.provider().client().create(pod);
    awaitRunning(pod);

    harness.provider().delete(pod, GracePeriod.of(pod));
    harness.forget(pod);

    await().atMost(PATIENCE).until(() -> !uids().contains(uid(pod)));
    if (harness.provider().answersStatus()) {
      await().atMost(PATIENCE).until(() -> harness.status(pod).isEmpty());
    }
  }

  @Test
  void deletingAPodTheProviderDoesNotKnowIsNotAnError() {
    assertThatCode(
            () -> harness.provider().client().delete(pod(unique("unknown")), GracePeriod.MINIMUM))
        .doesNotThrowAnyException();
  }

  @Test
  void aNewProcessListsThePodsThatRunAndTheirStatus() throws Exception {
    Pod pod = pod(unique("restart"));
    harness.provider().client().create(pod);
    awaitRunning(pod);

    harness.close();
    harness = ProviderHarness.start(newProcess(), properties());

    assertThat(uids()).contains(uid(pod));
    if (harness.provider().answersStatus()) {
      awaitRunning(pod);
    }
  }

  /** A test for each capability the provider declares, and none for what it does not. */
  @TestFactory
  Stream<DynamicTest> eachDeclaredCapabilityWorks() {
    Map<ProviderCapability, Executable> checks = new EnumMap<>(ProviderCapability.class);
    checks.put(ProviderCapability.LOGS, this::logsOfARunningContainerCanBeRead);
    checks.put(ProviderCapability.EXEC, this::aCommandRunsInARunningContainer);
    checks.put(ProviderCapability.STATS, this::theUsageOfARunningPodIsReported);
    checks.put(ProviderCapability.NOTIFIES, this::aProviderThatNotifiesTellsWhenAPodChanges);
    checks.put(ProviderCapability.ATTACH, this::attachToARunningContainerReturns);
    checks.put(ProviderCapability.PORT_FORWARD, this::aPortOfARunningPodCanBeForwarded);
    checks.put(ProviderCapability.VOLUMES, this::volumesAreTakenOnCreateAndUpdate);
    checks.put(ProviderCapability.RESIZE, this::aResizeIsAppliedWithoutARestart);
    checks.put(
        ProviderCapability.EPHEMERAL_CONTAINERS, this::anEphemeralContainerAddedByAnUpdateRuns);
    return harness.provider().capabilities().declared().stream()
        .sorted()
        .map(c -> DynamicTest.dynamicTest(c.value(), checks.get(c)));
  }

  private void logsOfARunningContainerCanBeRead() throws Exception {
    Pod pod = pod(unique("logs"));
    harness.provider().client().create(pod);
    awaitRunning(pod);

    try (InputStream log =
        harness
            .provider()
            .capabilities()
            .logs()
            .orElseThrow()
            .logs(NAMESPACE, pod.getMetadata().getName(), "app", LogOptions.ALL)) {
      assertThat(log).isNotNull();
    }
    assertNotFound(
        () ->
            harness
                .provider()
                .capabilities()
                .logs()
                .orElseThrow()
                .logs(NAMESPACE, pod.getMetadata().getName(), "no-such-container", LogOptions.ALL));
  }

  private void aCommandRunsInARunningContainer() {
    Pod pod = pod(unique("exec"));
    harness.provider().client().create(pod);
    awaitRunning(pod);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RemoteStreams streams =
        new RemoteStreams(
            Optional.empty(), Optional.of(out), Optional.empty(), false, new TerminalResizes());

    int code =
        harness
            .provider()
            .capabilities()
            .exec()
            .orElseThrow()
            .exec(NAMESPACE, pod.getMetadata().getName(), "app", execCommand(), streams);

    assertThat(code).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains(execOutput());
  }

  private void theUsageOfARunningPodIsReported() {
    Pod pod = pod(unique("stats"));
    harness.provider().client().create(pod);
    awaitRunning(pod);

    assertThat(
            harness
                .provider()
                .capabilities()
                .stats()
                .orElseThrow()
                .podUsage(NAMESPACE, pod.getMetadata().getName()))
        .hasValueSatisfying(usage -> assertThat(usage).isNotEmpty());
  }

  private void aProviderThatNotifiesTellsWhenAPodChanges() {
    Pod pod = changingPod(unique("notify"));
    harness.provider().client().create(pod);
    awaitRunning(pod);
    harness.notified().clear();

    await().atMost(PATIENCE).until(() -> harness.notified().contains(PodKey.of(pod)));
  }

  /** An attach whose client closes its input at once comes back. */
  private void attachToARunningContainerReturns() throws Exception {
    Pod pod = pod(unique("attach"));
    harness.provider().client().create(pod);
    awaitRunning(pod);
    RemoteStreams streams =
        new RemoteStreams(
            Optional.of(InputStream.nullInputStream()),
            Optional.of(new ByteArrayOutputStream()),
            Optional.empty(),
            false,
            new TerminalResizes());

    CompletableFuture<Integer> attached =
        CompletableFuture.supplyAsync(
            () ->
                harness
                    .provider()
                    .capabilities()
                    .attach()
                    .orElseThrow()
                    .attach(NAMESPACE, pod.getMetadata().getName(), "app", streams),
            Executors.newVirtualThreadPerTaskExecutor());

    assertThat(attached.get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isNotNull();
  }

  /** A connection to a port of a running pod is carried, both ways, until the client ends it. */
  private void aPortOfARunningPodCanBeForwarded() throws Exception {
    Pod pod = pod(unique("forward"));
    harness.provider().client().create(pod);
    awaitRunning(pod);
    byte[] sent = "ping\n".getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream received = new ByteArrayOutputStream();

    CompletableFuture<Void> forwarded =
        CompletableFuture.runAsync(
            () ->
                harness
                    .provider()
                    .capabilities()
                    .portForward()
                    .orElseThrow()
                    .portForward(
                        NAMESPACE,
                        pod.getMetadata().getName(),
                        forwardedPort(),
                        new java.io.ByteArrayInputStream(sent),
                        received),
            Executors.newVirtualThreadPerTaskExecutor());

    forwarded.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
    checkForwarded(sent, received.toByteArray());
  }

  /**
   * A pod with a ConfigMap volume runs with the files given, and takes new ones on an update whose
   * spec did not change (a ConfigMap edited).
   */
  private void volumesAreTakenOnCreateAndUpdate() {
    Pod pod =
        new PodBuilder(pod(unique("volumes")))
            .editSpec()
            .addNewVolume()
            .withName("config")
            .withNewConfigMap()
            .withName("settings")
            .endConfigMap()
            .endVolume()
            .editFirstContainer()
            .addNewVolumeMount()
            .withName("config")
            .withMountPath("/etc/config")
            .endVolumeMount()
            .endContainer()
            .endSpec()
            .build();

    harness.provider().client().create(pod, configVolume("blue"));
    awaitRunning(pod);
    assertThatCode(() -> harness.provider().client().update(pod, configVolume("green")))
        .doesNotThrowAnyException();
    awaitRunning(pod);
  }

  private void aResizeIsAppliedWithoutARestart() {
    Pod pod = withCpu(pod(unique("resize")), "100m");
    harness.provider().client().create(pod);
    awaitRunning(pod);

    harness.provider().client().update(withCpu(pod, "200m"));

    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () ->
                assertThat(harness.status(pod).orElseThrow().getContainerStatuses())
                    .singleElement()
                    .satisfies(
                        c -> {
                          assertThat(c.getResources().getRequests())
                              .containsEntry("cpu", new Quantity("200m"));
                          assertThat(c.getRestartCount()).isZero();
                          assertThat(c.getState().getRunning()).isNotNull();
                        }));
  }

  private void anEphemeralContainerAddedByAnUpdateRuns() {
    Pod pod = pod(unique("debug"));
    harness.provider().client().create(pod);
    awaitRunning(pod);

    harness
        .provider()
        .client()
        .update(
            new PodBuilder(pod)
                .editSpec()
                .addNewEphemeralContainer()
                .withName("debugger")
                .withImage("busybox")
                .endEphemeralContainer()
                .endSpec()
                .build());

    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () ->
                assertThat(harness.status(pod).orElseThrow().getEphemeralContainerStatuses())
                    .singleElement()
                    .satisfies(c -> assertThat(c.getName()).isEqualTo("debugger")));
  }

  private static Pod withCpu(Pod pod, String cpu) {
    return new PodBuilder(pod)
        .editSpec()
        .editFirstContainer()
        .withNewResources()
        .withRequests(Map.of("cpu", new Quantity(cpu)))
        .endResources()
        .endContainer()
        .endSpec()
        .build();
  }

  private static PodVolumes configVolume(String colour) {
    return new PodVolumes(
        List.of(
            new ResolvedVolume(
                "config",
                VolumeKind.CONFIG_MAP,
                List.of(
                    new VolumeFile(
                        "colour",
                        colour.getBytes(StandardCharsets.UTF_8),
                        VolumeFile.DEFAULT_MODE)))));
  }

  /** The pod port that {@code port-forward} is tried on. */
  protected int forwardedPort() {
    return 8080;
  }

  /** What came back through a forwarded port; a provider that knows what answers checks it. */
  protected void checkForwarded(byte[] sent, byte[] received) {}

  protected final ProviderHarness harness() {
    return harness;
  }

  protected final boolean declares(ProviderCapability capability) {
    return harness.provider().capabilities().declared().contains(capability);
  }

  /** Every container of the pod running, as the provider reports it. */
  protected final void awaitRunning(Pod pod) {
    await()
        .atMost(PATIENCE)
        .until(() -> harness.status(pod).map(ProviderContract::allRunning).orElse(false));
  }

  private static boolean allRunning(PodStatus status) {
    List<ContainerStatus> containers = status.getContainerStatuses();
    return !containers.isEmpty()
        && containers.stream()
            .allMatch(c -> c.getState() != null && c.getState().getRunning() != null);
  }

  private List<String> uids() {
    return harness.provider().client().pods().stream().map(p -> p.getMetadata().getUid()).toList();
  }

  private static void assertNotFound(Runnable call) {
    try {
      call.run();
    } catch (ProviderException e) {
      assertThat(e).isInstanceOf(PodNotFoundException.class);
      return;
    }
    throw new AssertionError("expected the provider to say the container is not found");
  }

  private static String uid(Pod pod) {
    return pod.getMetadata().getUid();
  }

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
