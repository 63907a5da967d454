package io.camelvk.test;

import static org.awaitility.Awaitility.await;

import io.camelvk.controlplane.LocalControlPlane;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** What a test class gets: the shared control plane, its client and a namespace of its own. */
public record TestCluster(LocalControlPlane plane, KubernetesClient client, String namespace) {

  private static final long KUBECTL_TIMEOUT_SECONDS = 60;

  /** The pod of this name in the test namespace, or null. */
  public Pod pod(String name) {
    return client.pods().inNamespace(namespace).withName(name).get();
  }

  /** The pods of the test namespace with this label. */
  public List<Pod> podsLabelled(String key, String value) {
    return client.pods().inNamespace(namespace).withLabel(key, value).list().getItems();
  }

  /** Creates the pod in the test namespace. */
  public Pod create(Pod pod) {
    return client.pods().inNamespace(namespace).resource(pod).create();
  }

  /**
   * Creates a pod of this name bound to the node (with the mock's toleration) and waits until it is
   * Running and Ready.
   */
  public Pod runPod(String nodeName, String name, Duration atMost) {
    create(TestPods.boundTo(nodeName, name).build());
    await().atMost(atMost).until(() -> TestPods.isRunningAndReady(pod(name)));
    return pod(name);
  }

  /** Deletes the pods (each in its own namespace, else the test's) and waits until none is left. */
  public void deleteAndAwaitGone(Duration atMost, Pod... pods) {
    for (Pod pod : pods) {
      client.resource(pod).inNamespace(namespaceOf(pod)).delete();
    }
    for (Pod pod : pods) {
      var gone = client.pods().inNamespace(namespaceOf(pod)).withName(pod.getMetadata().getName());
      await().atMost(atMost).until(() -> gone.get() == null);
    }
  }

  private String namespaceOf(Pod pod) {
    return Objects.requireNonNullElse(pod.getMetadata().getNamespace(), namespace);
  }

  /**
   * Deletes the pod of this name with this grace period; returns every state of it seen until it
   * was gone.
   */
  public List<Pod> deleteWatching(String name, long graceSeconds, Duration atMost) {
    List<Pod> seen = new CopyOnWriteArrayList<>();
    var pod = client.pods().inNamespace(namespace).withName(name);
    Watch watch =
        pod.watch(
            new Watcher<>() {
              @Override
              public void eventReceived(Action action, Pod resource) {
                seen.add(resource);
              }

              @Override
              public void onClose(WatcherException cause) {}
            });
    try {
      pod.withGracePeriod(graceSeconds).delete();
      await().atMost(atMost).until(() -> pod(name) == null);
    } finally {
      watch.close();
    }
    return seen;
  }

  /** Whether the named Job of the test namespace has a pod that succeeded. */
  public boolean jobSucceeded(String name) {
    Job job = client.batch().v1().jobs().inNamespace(namespace).withName(name).get();
    return job != null
        && job.getStatus() != null
        && Integer.valueOf(1).equals(job.getStatus().getSucceeded());
  }

  /** The events of the test namespace about the named object. */
  public List<Event> eventsAbout(String name) {
    return client.v1().events().inNamespace(namespace).list().getItems().stream()
        .filter(e -> name.equals(e.getInvolvedObject().getName()))
        .toList();
  }

  public Path kubeconfig() {
    return plane.kubeconfig();
  }

  public Path kubectlPath() {
    return plane.kubectl();
  }

  /**
   * Runs kubectl against the control plane; returns stdout, fails with stderr on exit code != 0.
   */
  public String kubectl(String... args) {
    List<String> command = kubectlCommand(args);
    try {
      Process process = new ProcessBuilder(command).start();
      CompletableFuture<String> err =
          CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
      CompletableFuture<String> out =
          CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
      if (!process.waitFor(KUBECTL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("kubectl timed out: " + command);
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException("kubectl " + List.of(args) + " failed: " + err.join());
      }
      return out.join();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Starts kubectl against the control plane and leaves it running ({@code logs -f}). */
  public KubectlStream kubectlStream(String... args) {
    return KubectlStream.start(kubectlCommand(args));
  }

  private List<String> kubectlCommand(String... args) {
    List<String> command =
        new ArrayList<>(List.of(kubectlPath().toString(), "--kubeconfig", kubeconfig().toString()));
    command.addAll(List.of(args));
    return command;
  }

  private static String read(java.io.InputStream in) {
    try {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
