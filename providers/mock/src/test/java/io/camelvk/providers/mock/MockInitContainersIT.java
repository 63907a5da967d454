package io.camelvk.providers.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.camelvk.test.RunningKubelet;
import io.camelvk.test.TestCluster;
import io.camelvk.test.TestPods;
import io.camelvk.test.WithVirtualKubelet;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Init containers and sidecars on the real control plane, as {@code kubectl get pod} shows them:
 * init containers run in order ({@code Init:1/2}, then Running), a failing one fails a pod that
 * never restarts ({@code Init:Error}) or loops ({@code Init:CrashLoopBackOff}), and a Job with a
 * sidecar completes; on deletion the sidecars stop after the main container, in reverse order, each
 * with the kubelet's Killing event.
 */
@WithVirtualKubelet
class MockInitContainersIT {

  private static final Duration LOADED_MACHINE = Duration.ofSeconds(90);

  private static RunningKubelet kubelet;

  @BeforeAll
  static void kubelet(RunningKubelet started) {
    kubelet = started;
  }

  @Test
  void initContainersRunInOrderBeforeTheMainContainer(TestCluster cluster) {
    cluster.create(
        pod(
            "ordered",
            "Always",
            List.of(init("init-a", "echo one"), init("init-b", "sleep 5; echo two")),
            "sleep infinity"));

    await()
        .atMost(LOADED_MACHINE)
        .until(() -> kubectlStatus(cluster, "ordered").equals("Init:1/2"));
    await().atMost(LOADED_MACHINE).until(() -> kubectlStatus(cluster, "ordered").equals("Running"));
    assertThat(logs(cluster, "ordered", "init-a")).isEqualTo("one\n");
    assertThat(logs(cluster, "ordered", "init-b")).isEqualTo("two\n");
    var initB = cluster.pod("ordered").getStatus().getInitContainerStatuses().get(1);
    var app = cluster.pod("ordered").getStatus().getContainerStatuses().getFirst();
    assertThat(app.getState().getRunning().getStartedAt())
        .isGreaterThanOrEqualTo(initB.getState().getTerminated().getFinishedAt());
  }

  @Test
  void aFailingInitContainerFailsAPodThatNeverRestartsAndLoopsInOneThatDoes(TestCluster cluster) {
    cluster.create(pod("broken", "Never", List.of(init("init-a", "exit 1")), "echo never"));
    cluster.create(pod("looping", "Always", List.of(init("init-a", "exit 1")), "echo never"));

    await()
        .atMost(LOADED_MACHINE)
        .until(() -> kubectlStatus(cluster, "broken").equals("Init:Error"));
    assertThat(cluster.pod("broken").getStatus().getPhase()).isEqualTo("Failed");
    await()
        .atMost(LOADED_MACHINE)
        .until(() -> kubectlStatus(cluster, "looping").equals("Init:CrashLoopBackOff"));
    assertThat(cluster.pod("looping").getStatus().getPhase()).isEqualTo("Pending");
  }

  @Test
  void aJobWithASidecarCompletes(TestCluster cluster) {
    Pod template = pod("unused", "Never", List.of(sidecar("proxy", "sleep 3600")), "echo done");
    Job job =
        new JobBuilder()
            .withNewMetadata()
            .withName("with-sidecar")
            .endMetadata()
            .withNewSpec()
            .withBackoffLimit(0)
            .withNewTemplate()
            .withSpec(template.getSpec())
            .endTemplate()
            .endSpec()
            .build();
    cluster.client().batch().v1().jobs().inNamespace(cluster.namespace()).resource(job).create();

    await().atMost(LOADED_MACHINE).until(() -> cluster.jobSucceeded("with-sidecar"));
    assertThat(cluster.kubectl("logs", "-n", cluster.namespace(), "job/with-sidecar", "-c", "app"))
        .isEqualTo("done\n");
    String pod =
        cluster.kubectl(
            "get",
            "pods",
            "-n",
            cluster.namespace(),
            "-l",
            "job-name=with-sidecar",
            "--no-headers");
    assertThat(pod.trim().split("\\s+")[2]).isEqualTo("Completed");
  }

  @Test
  void onDeletionTheMainContainerStopsFirstThenTheSidecarsInReverseOrder(TestCluster cluster) {
    Pod pod =
        new PodBuilder(
                pod(
                    "stopping",
                    "Always",
                    List.of(
                        sidecar("first", "sleep infinity"), sidecar("second", "sleep infinity")),
                    "sleep infinity"))
            .editMetadata()
            .addToAnnotations("mock.camelvk.io/stop-duration", "2s")
            .endMetadata()
            .build();
    cluster.create(pod);
    await().atMost(LOADED_MACHINE).until(() -> TestPods.isRunningAndReady(cluster.pod("stopping")));

    List<Pod> seen = cluster.deleteWatching("stopping", 30, LOADED_MACHINE);

    Pod terminal =
        seen.stream()
            .filter(
                p ->
                    p.getStatus().getContainerStatuses().getFirst().getState().getTerminated()
                        != null)
            .findFirst()
            .orElseThrow();
    var app = terminal.getStatus().getContainerStatuses().getFirst().getState().getTerminated();
    var first = terminal.getStatus().getInitContainerStatuses().get(0).getState().getTerminated();
    var second = terminal.getStatus().getInitContainerStatuses().get(1).getState().getTerminated();
    assertThat(List.of(app, second, first)).allSatisfy(t -> assertThat(t.getExitCode()).isZero());
    assertThat(Instant.parse(second.getFinishedAt()))
        .isEqualTo(Instant.parse(app.getFinishedAt()).plusSeconds(2));
    assertThat(Instant.parse(first.getFinishedAt()))
        .isEqualTo(Instant.parse(second.getFinishedAt()).plusSeconds(2));
    await()
        .atMost(LOADED_MACHINE)
        .untilAsserted(
            () ->
                assertThat(cluster.eventsAbout("stopping"))
                    .filteredOn(e -> e.getReason().equals("Killing"))
                    .extracting(
                        e -> e.getInvolvedObject().getFieldPath(),
                        Event::getMessage,
                        Event::getCount)
                    .containsExactlyInAnyOrder(
                        tuple("spec.containers{app}", "Stopping container app", 1),
                        tuple("spec.initContainers{first}", "Stopping container first", 1),
                        tuple("spec.initContainers{second}", "Stopping container second", 1)));
  }

  private static Pod pod(String name, String restartPolicy, List<Container> init, String script) {
    return new PodBuilder(TestPods.boundTo(kubelet.nodeName(), name).build())
        .editSpec()
        .withRestartPolicy(restartPolicy)
        .withInitContainers(init)
        .editFirstContainer()
        .withCommand("sh", "-c", script)
        .endContainer()
        .endSpec()
        .build();
  }

  private static Container init(String name, String script) {
    return new ContainerBuilder()
        .withName(name)
        .withImage("busybox")
        .withCommand("sh", "-c", script)
        .build();
  }

  private static Container sidecar(String name, String script) {
    return new ContainerBuilder(init(name, script)).withRestartPolicy("Always").build();
  }

  /** The STATUS column of {@code kubectl get pod}, which kubectl computes from the statuses. */
  private static String kubectlStatus(TestCluster cluster, String pod) {
    String line = cluster.kubectl("get", "pod", pod, "-n", cluster.namespace(), "--no-headers");
    return line.trim().split("\\s+")[2];
  }

  private static String logs(TestCluster cluster, String pod, String container) {
    return cluster.kubectl("logs", "-n", cluster.namespace(), pod, "-c", container);
  }
}
