package io.camelvk.test;

import io.camelvk.provider.ContainerLogs;
import io.camelvk.provider.LogOptions;
import io.camelvk.provider.NodeProfile;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A bean provider that writes down each call it gets ({@code create ns/web u1}, {@code podStatus
 * ns/web}, ...), answers what the test gave it, and fails its lifecycle calls when told to.
 */
public final class RecordingProvider extends IdleProvider implements ContainerLogs {

  private final List<String> calls = new CopyOnWriteArrayList<>();
  private volatile NodeProfile profile = NodeProfile.DEFAULT;
  private volatile PodStatus status;
  private volatile RuntimeException failure;

  /** What {@code nodeProfile} answers from now on. */
  public RecordingProvider answering(NodeProfile answer) {
    this.profile = answer;
    return this;
  }

  /** What {@code podStatus} answers from now on; null for an unknown pod. */
  public RecordingProvider answering(PodStatus answer) {
    this.status = answer;
    return this;
  }

  /** Create, update and delete throw this from now on, after writing the call down. */
  public RecordingProvider failing(RuntimeException next) {
    this.failure = next;
    return this;
  }

  public List<String> calls() {
    return List.copyOf(calls);
  }

  @Override
  public void createPod(Pod pod) {
    lifecycle("create", pod);
  }

  @Override
  public void updatePod(Pod pod) {
    lifecycle("update", pod);
  }

  @Override
  public void deletePod(Pod pod) {
    lifecycle("delete", pod);
  }

  @Override
  public Optional<PodStatus> podStatus(String namespace, String name) {
    calls.add("podStatus " + namespace + "/" + name);
    return Optional.ofNullable(status);
  }

  @Override
  public List<Pod> pods() {
    calls.add("pods");
    return List.of();
  }

  @Override
  public NodeProfile nodeProfile(String nodeName) {
    calls.add("nodeProfile " + nodeName);
    return profile;
  }

  @Override
  public InputStream logs(String namespace, String pod, String container, LogOptions options) {
    String call = "logs " + namespace + "/" + pod + "/" + container + " " + options;
    calls.add(call);
    return new ByteArrayInputStream(call.getBytes(StandardCharsets.UTF_8));
  }

  private void lifecycle(String operation, Pod pod) {
    calls.add(
        operation
            + " "
            + pod.getMetadata().getNamespace()
            + "/"
            + pod.getMetadata().getName()
            + " "
            + pod.getMetadata().getUid());
    RuntimeException thrown = failure;
    if (thrown != null) {
      throw thrown;
    }
  }
}
