package io.camelvk.providers.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camelvk.test.RunningKubelet;
import io.camelvk.test.TestCluster;
import io.camelvk.test.TestPods;
import io.camelvk.test.WithVirtualKubelet;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Containers that run their command, on the real control plane: a Job made by {@code kubectl create
 * job} completes with its output as its log, a failing command fails its pod, and one that keeps
 * failing goes into the kubelet's CrashLoopBackOff.
 */
@WithVirtualKubelet
class MockCommandsIT {

  private static final Duration LOADED_MACHINE = Duration.ofSeconds(90);

  private static RunningKubelet kubelet;

  @BeforeAll
  static void kubelet(RunningKubelet started) {
    kubelet = started;
  }

  @Test
  void aJobThatKubectlCreatesCompletesAndItsLogIsWhatItsCommandPrinted(TestCluster cluster) {
    String manifest =
        cluster.kubectl(
            "create",
            "job",
            "hi",
            "--image=busybox",
            "-n",
            cluster.namespace(),
            "--dry-run=client",
            "-o",
            "json",
            "--",
            "echo",
            "hi");
    Job job = cluster.client().getKubernetesSerialization().unmarshal(manifest, Job.class);
    // kubectl create job has no flag for placement: only this puts it on our tainted node
    PodSpec template = job.getSpec().getTemplate().getSpec();
    template.setNodeSelector(Map.of("kubernetes.io/hostname", kubelet.nodeName()));
    template.setTolerations(List.of(TestPods.mockToleration()));
    cluster.client().batch().v1().jobs().inNamespace(cluster.namespace()).resource(job).create();

    await().atMost(LOADED_MACHINE).until(() -> cluster.jobSucceeded("hi"));
    assertThat(cluster.kubectl("logs", "-n", cluster.namespace(), "job/hi")).isEqualTo("hi\n");
  }

  @Test
  void aCommandThatExitsNonZeroFailsAPodThatNeverRestartsWithItsCodeAndOutput(TestCluster cluster) {
    cluster.create(pod("three", "Never", "echo out; exit 3"));

    await()
        .atMost(LOADED_MACHINE)
        .until(() -> "Failed".equals(cluster.pod("three").getStatus().getPhase()));
    var terminated = app(cluster.pod("three")).getState().getTerminated();
    assertThat(terminated.getExitCode()).isEqualTo(3);
    assertThat(terminated.getReason()).isEqualTo("Error");
    assertThat(cluster.kubectl("logs", "-n", cluster.namespace(), "three")).isEqualTo("out\n");
  }

  @Test
  void aCommandThatKeepsFailingGoesIntoCrashLoopBackOff(TestCluster cluster) {
    cluster.create(pod("crash", "Always", "echo trying; exit 1"));

    await()
        .atMost(LOADED_MACHINE)
        .untilAsserted(
            () -> {
              ContainerStatus status = app(cluster.pod("crash"));
              assertThat(status.getState().getWaiting().getReason()).isEqualTo("CrashLoopBackOff");
              assertThat(status.getRestartCount()).isGreaterThanOrEqualTo(1);
            });
    ContainerStatus status = app(cluster.pod("crash"));
    assertThat(status.getState().getWaiting().getMessage())
        .startsWith(
            "back-off 10s restarting failed container=app pod=crash_" + cluster.namespace());
    assertThat(status.getLastState().getTerminated().getExitCode()).isEqualTo(1);
    assertThat(cluster.pod("crash").getStatus().getPhase()).isEqualTo("Running");
    assertThat(cluster.kubectl("logs", "-p", "-n", cluster.namespace(), "crash"))
        .isEqualTo("trying\n");
  }

  private static Pod pod(String name, String restartPolicy, String script) {
    return new PodBuilder(TestPods.boundTo(kubelet.nodeName(), name).build())
        .editSpec()
        .withRestartPolicy(restartPolicy)
        .editFirstContainer()
        .withCommand("sh", "-c", script)
        .endContainer()
        .endSpec()
        .build();
  }

  private static ContainerStatus app(Pod pod) {
    assertThat(pod.getStatus().getContainerStatuses()).isNotEmpty();
    return pod.getStatus().getContainerStatuses().getFirst();
  }
}
