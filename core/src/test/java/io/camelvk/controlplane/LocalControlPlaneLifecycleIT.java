package io.camelvk.controlplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starts control planes of its own, apart from the shared one, to see them end. */
class LocalControlPlaneLifecycleIT {

  @TempDir Path workRoot;

  @Test
  void closeEndsEveryComponentByItsPid() {
    List<ProcessHandle> components;
    try (LocalControlPlane plane = start()) {
      components = handles(plane);
      assertThat(components).hasSize(4).allMatch(ProcessHandle::isAlive);
    }
    assertThat(components).noneMatch(ProcessHandle::isAlive);
  }

  @Test
  void processesLeftByADeadOwnerAreEndedByTheNextStart() throws Exception {
    LocalControlPlane orphaned = start();
    List<ProcessHandle> components = handles(orphaned);
    Path orphanRun = orphaned.runDir();
    // Pretend its JVM was SIGKILLed: the owner pid now names a process that has exited.
    Process dead = new ProcessBuilder("true").start();
    dead.waitFor();
    Files.writeString(orphanRun.resolve(StaleRuns.OWNER_PID_FILE), Long.toString(dead.pid()));

    try (LocalControlPlane next = start()) {
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> components.stream().noneMatch(ProcessHandle::isAlive));
      assertThat(orphanRun).doesNotExist();
      assertThat(handles(next)).allMatch(ProcessHandle::isAlive);
    } finally {
      orphaned.close();
    }
  }

  @Test
  void aComponentThatCannotStartFailsTheStartWithItsLog() throws IOException {
    var options = ControlPlaneOptions.defaults().withApiServerArgs(List.of("--no-such-flag"));
    try {
      LocalControlPlane.start(ControlPlaneBinaries.resolve(), workRoot, options).close();
      throw new AssertionError("start should have failed");
    } catch (IllegalStateException e) {
      assertThat(e)
          .hasMessageContaining("kube-apiserver exited")
          .hasMessageContaining("no-such-flag");
    }
    try (var runs = Files.list(workRoot)) {
      Path run = runs.findFirst().orElseThrow();
      long etcdPid = Long.parseLong(Files.readString(run.resolve("etcd.pid")).strip());
      assertThat(ProcessHandle.of(etcdPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }
  }

  @Test
  void aRelativeWorkRootWorks() {
    Path relative = Path.of("").toAbsolutePath().relativize(workRoot.resolve("relative"));
    try (LocalControlPlane plane =
        LocalControlPlane.start(
            ControlPlaneBinaries.resolve(), relative, ControlPlaneOptions.defaults())) {
      assertThat(plane.runDir()).isAbsolute();
      assertThat(handles(plane)).hasSize(4).allMatch(ProcessHandle::isAlive);
    }
  }

  private LocalControlPlane start() {
    return LocalControlPlane.start(
        ControlPlaneBinaries.resolve(), workRoot, ControlPlaneOptions.defaults());
  }

  private static List<ProcessHandle> handles(LocalControlPlane plane) {
    return plane.processes().stream().map(p -> ProcessHandle.of(p.pid()).orElseThrow()).toList();
  }
}
