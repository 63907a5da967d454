package io.camelvk.testprovider;

import io.camelvk.provider.ContainerExec;
import io.camelvk.provider.ContainerLogs;
import io.camelvk.provider.LogOptions;
import io.camelvk.provider.PodIdentity;
import io.camelvk.provider.PodNotFoundException;
import io.camelvk.provider.Provider;
import io.camelvk.provider.RemoteStreams;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A provider that exists only in the test sources, to prove that the core names none: its pods run
 * the moment they are created, in memory; its logs and exec answer with its name, so that a test
 * can tell which backend served a request. It does not notify: its pods are polled.
 */
public final class InstantProvider implements Provider, ContainerLogs, ContainerExec {

  public static final String NAME = "instant";

  private record Running(Pod identity, List<String> containers, Instant started) {}

  private final Map<String, Running> pods = new ConcurrentHashMap<>();
  private final Clock clock;

  public InstantProvider(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void createPod(Pod pod) {
    pods.computeIfAbsent(
        key(pod),
        k ->
            new Running(
                PodIdentity.of(pod),
                pod.getSpec().getContainers().stream().map(c -> c.getName()).toList(),
                clock.instant()));
  }

  @Override
  public void updatePod(Pod pod) {
    require(pod.getMetadata().getNamespace(), pod.getMetadata().getName());
  }

  @Override
  public void deletePod(Pod pod) {
    pods.computeIfPresent(
        key(pod),
        (k, running) ->
            running.identity().getMetadata().getUid().equals(pod.getMetadata().getUid())
                ? null
                : running);
  }

  @Override
  public Optional<PodStatus> podStatus(String namespace, String name) {
    return Optional.ofNullable(pods.get(namespace + "/" + name)).map(this::status);
  }

  @Override
  public List<Pod> pods() {
    return pods.values().stream().map(Running::identity).toList();
  }

  @Override
  public InputStream logs(String namespace, String pod, String container, LogOptions options) {
    requireContainer(namespace, pod, container);
    String line = NAME + ": " + namespace + "/" + pod + "/" + container + "\n";
    return new ByteArrayInputStream(line.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public int exec(
      String namespace, String pod, String container, List<String> command, RemoteStreams streams) {
    requireContainer(namespace, pod, container);
    streams
        .stdout()
        .ifPresent(
            out -> {
              try {
                out.write(
                    (NAME + ": " + String.join(" ", command) + "\n")
                        .getBytes(StandardCharsets.UTF_8));
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    return 0;
  }

  private PodStatus status(Running running) {
    String started = running.started().toString();
    List<ContainerStatus> containers =
        running.containers().stream()
            .map(
                name ->
                    new ContainerStatusBuilder()
                        .withName(name)
                        .withReady(true)
                        .withStarted(true)
                        .withRestartCount(0)
                        .withImage("instant")
                        .withImageID("instant://" + name)
                        .withNewState()
                        .withNewRunning(started)
                        .endState()
                        .build())
            .toList();
    return new PodStatusBuilder().withStartTime(started).withContainerStatuses(containers).build();
  }

  private Running require(String namespace, String pod) {
    Running running = pods.get(namespace + "/" + pod);
    if (running == null) {
      throw new PodNotFoundException("instant: no pod " + namespace + "/" + pod);
    }
    return running;
  }

  private void requireContainer(String namespace, String pod, String container) {
    if (!require(namespace, pod).containers().contains(container)) {
      throw new PodNotFoundException(
          "instant: no container " + container + " in pod " + namespace + "/" + pod);
    }
  }

  private static String key(Pod pod) {
    return pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName();
  }
}
