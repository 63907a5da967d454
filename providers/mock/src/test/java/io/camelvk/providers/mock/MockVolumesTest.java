package io.camelvk.providers.mock;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelvk.provider.volume.PodVolumes;
import io.camelvk.provider.volume.ResolvedVolume;
import io.camelvk.provider.volume.VolumeFile;
import io.camelvk.provider.volume.VolumeKind;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The volumes the core gives the mock, as its containers' exec shell sees them: at each mount's
 * path, read-only, a change at once for a whole-volume mount, the start's files for a subPath one,
 * an emptyDir shared by the containers.
 */
class MockVolumesTest {

  @RegisterExtension final MockFixture fixture = MockFixture.standingStill();

  @Test
  void aConfigMapVolumeIsAtItsMountPathAndItsChangeShowsAtOnce() {
    Pod pod = podWithVolumes();
    fixture.provider().mountVolumes(pod, volumes("blue"));
    fixture.provider().createPod(pod);

    assertThat(run("app", "cat", "/etc/config/colour").out()).isEqualTo("blue");
    assertThat(run("app", "ls", "/etc/config").out()).isEqualTo("colour\n");

    fixture.provider().mountVolumes(pod, volumes("green"));
    fixture.provider().updatePod(pod);

    assertThat(run("app", "cat", "/etc/config/colour").out()).isEqualTo("green");
    assertThat(run("app", "cat", "/etc/colour").out())
        .as("a subPath mount keeps the file of when its container started")
        .isEqualTo("blue");
  }

  @Test
  void volumeFilesAreReadOnlyAndAnEmptyDirIsSharedByTheContainers() {
    Pod pod = podWithVolumes();
    fixture.provider().mountVolumes(pod, volumes("blue"));
    fixture.provider().createPod(pod);

    RunningSession refused = run("app", "sh", "-c", "echo red > /etc/config/colour");
    assertThat(refused.awaitExit()).isNotZero();
    assertThat(refused.err()).contains("Read-only file system");
    assertThat(run("app", "sh", "-c", "echo shared > /scratch/note").awaitExit()).isZero();
    assertThat(run("sidecar", "cat", "/cache/note").out()).isEqualTo("shared\n");
  }

  @Test
  void filesWrittenInAContainerOutliveAnUpdate() {
    Pod pod = podWithVolumes();
    fixture.provider().createPod(pod);
    run("app", "sh", "-c", "echo kept > /tmp/mine");

    fixture.provider().mountVolumes(pod, volumes("green"));
    fixture.provider().updatePod(pod);

    assertThat(run("app", "cat", "/tmp/mine").out()).isEqualTo("kept\n");
    assertThat(run("app", "cat", "/etc/config/colour").out()).isEqualTo("green");
  }

  private RunningSession run(String container, String... command) {
    RunningSession session =
        RunningSession.exec(fixture.provider(), "vols", container, false, command);
    session.endInput();
    session.awaitExit();
    return session;
  }

  private static PodVolumes volumes(String colour) {
    return new PodVolumes(
        List.of(
            new ResolvedVolume(
                "config",
                VolumeKind.CONFIG_MAP,
                List.of(
                    new VolumeFile(
                        "colour",
                        colour.getBytes(StandardCharsets.UTF_8),
                        VolumeFile.DEFAULT_MODE))),
            new ResolvedVolume("scratch", VolumeKind.EMPTY_DIR, List.of())));
  }

  private static Pod podWithVolumes() {
    return new PodBuilder(MockFixture.pod("vols", Map.of(), "Always"))
        .editSpec()
        .addNewVolume()
        .withName("config")
        .withNewConfigMap()
        .withName("settings")
        .endConfigMap()
        .endVolume()
        .addNewVolume()
        .withName("scratch")
        .withNewEmptyDir()
        .endEmptyDir()
        .endVolume()
        .editFirstContainer()
        .addNewVolumeMount()
        .withName("config")
        .withMountPath("/etc/config")
        .endVolumeMount()
        .addNewVolumeMount()
        .withName("config")
        .withMountPath("/etc/colour")
        .withSubPath("colour")
        .endVolumeMount()
        .addNewVolumeMount()
        .withName("scratch")
        .withMountPath("/scratch")
        .endVolumeMount()
        .endContainer()
        .addNewContainer()
        .withName("sidecar")
        .withImage("busybox")
        .addNewVolumeMount()
        .withName("scratch")
        .withMountPath("/cache")
        .endVolumeMount()
        .endContainer()
        .endSpec()
        .build();
  }
}
