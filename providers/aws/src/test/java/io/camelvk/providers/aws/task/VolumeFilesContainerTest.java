package io.camelvk.providers.aws.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelvk.provider.volume.ResolvedVolume;
import io.camelvk.provider.volume.VolumeFile;
import io.camelvk.provider.volume.VolumeKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The writer's command, run by this machine's {@code sh} as the container would run it. */
class VolumeFilesContainerTest {

  @Test
  void theScriptWritesEveryFileWithItsBytesAndModeAndMakesItsDirectories(@TempDir Path root)
      throws Exception {
    byte[] binary = new byte[256];
    for (int i = 0; i < binary.length; i++) {
      binary[i] = (byte) i;
    }
    List<ResolvedVolume> volumes =
        List.of(
            new ResolvedVolume(
                "settings",
                VolumeKind.CONFIG_MAP,
                List.of(
                    new VolumeFile("app.conf", utf8("port=8080\nname='web' $HOME `x`\n"), 0644),
                    new VolumeFile("nested/deeper/run.sh", utf8("#!/bin/sh\necho hi\n"), 0755),
                    new VolumeFile("it's here", utf8("quoted"), 0600),
                    new VolumeFile("empty", new byte[0], 0440),
                    new VolumeFile("blob.bin", binary, 0644))),
            new ResolvedVolume(
                "info",
                VolumeKind.DOWNWARD_API,
                List.of(new VolumeFile("labels", utf8("app=\"web\"\n"), 0644))),
            new ResolvedVolume("optional", VolumeKind.CONFIG_MAP, List.of()));

    assertThat(run(volumes, root)).isZero();

    assertThat(files(root))
        .containsOnlyKeys(
            "settings/app.conf",
            "settings/nested/deeper/run.sh",
            "settings/it's here",
            "settings/empty",
            "settings/blob.bin",
            "info/labels");
    assertThat(Files.readString(root.resolve("settings/app.conf")))
        .isEqualTo("port=8080\nname='web' $HOME `x`\n");
    assertThat(Files.readAllBytes(root.resolve("settings/blob.bin"))).isEqualTo(binary);
    assertThat(Files.size(root.resolve("settings/empty"))).isZero();
    assertThat(Files.readString(root.resolve("info/labels"))).isEqualTo("app=\"web\"\n");
    assertThat(files(root))
        .containsEntry("settings/app.conf", "rw-r--r--")
        .containsEntry("settings/nested/deeper/run.sh", "rwxr-xr-x")
        .containsEntry("settings/it's here", "rw-------")
        .containsEntry("settings/empty", "r--r-----");
    assertThat(Files.isDirectory(root.resolve("optional"))).isTrue();
  }

  @Test
  void theScriptStopsAtTheFirstFailure(@TempDir Path root) throws Exception {
    Files.writeString(root.resolve("settings"), "a file where the volume's directory goes");
    List<ResolvedVolume> volumes =
        List.of(
            new ResolvedVolume(
                "settings",
                VolumeKind.CONFIG_MAP,
                List.of(new VolumeFile("app.conf", utf8("x"), 0644))));
    assertThat(run(volumes, root)).isNotZero();
  }

  @Test
  void eachFileIsItsBase64InTheScriptNotItsText() {
    String script =
        VolumeFilesContainer.script(
            List.of(
                new ResolvedVolume(
                    "settings",
                    VolumeKind.CONFIG_MAP,
                    List.of(new VolumeFile("nested/app.conf", utf8("port=8080"), 0640)))));
    assertThat(script)
        .isEqualTo(
            """
            set -e
            mkdir -p 'settings'
            mkdir -p 'settings/nested'
            printf %s 'cG9ydD04MDgw' | base64 -d > 'settings/nested/app.conf'
            chmod 640 'settings/nested/app.conf'
            """);
  }

  /** Runs the writer of those volumes in that directory: its exit code. */
  private static int run(List<ResolvedVolume> volumes, Path directory) {
    return WriterRuns.run(VolumeFilesContainer.of(volumes, "busybox").build(), directory);
  }

  private static Map<String, String> files(Path root) throws IOException {
    return WriterRuns.files(root);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
