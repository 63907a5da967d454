package io.camelvk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelvk.test.BoundedProcess;
import io.camelvk.test.ProjectRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/virtual-kubelet's class-data archive: written by the first run after a build, mapped by the
 * next ones, and written again once a build has made it stale (the JVM alone would neither map a
 * stale archive nor replace it). A run that stops on a bad kubeconfig is enough to write one.
 */
class LauncherClassDataArchiveIT {

  private static final Path JAR = ProjectRoot.resolve("dist/target/camel-virtual-kubelet.jar");

  @TempDir Path dir;

  @Test
  void theFirstRunWritesTheArchiveAndTheNextMapsIt() throws Exception {
    Path archive = dir.resolve("vk.jsa");

    run(archive, "");
    assertThat(archive).exists();

    String mapped = run(archive, "-Xlog:cds=info");
    assertThat(mapped).contains("Opened shared archive file " + archive);
    assertThat(mapped).doesNotContain("Unable to use shared archive");
  }

  @Test
  void anArchiveOlderThanTheBuildIsWrittenAgain() throws Exception {
    Path archive = dir.resolve("vk.jsa");
    run(archive, "");
    FileTime built = Files.getLastModifiedTime(JAR);
    Files.setLastModifiedTime(archive, FileTime.fromMillis(built.toMillis() - 3_600_000));

    run(archive, "");

    assertThat(Files.getLastModifiedTime(archive)).isGreaterThan(built);
    assertThat(run(archive, "-Xlog:cds=info")).doesNotContain("Unable to use shared archive");
  }

  @Test
  void aShortCommandWritesNoArchiveOfItsFewClasses() throws Exception {
    Path archive = dir.resolve("vk.jsa");

    String output = launch(archive, "", "version");

    assertThat(output).contains("camel-virtual-kubelet ");
    assertThat(archive).doesNotExist();
  }

  private String run(Path archive, String javaOptions) throws Exception {
    Path badKubeconfig = dir.resolve("kubeconfig");
    Files.writeString(badKubeconfig, "garbage: [\n");
    String output = launch(archive, javaOptions, "--kubeconfig", badKubeconfig.toString());
    assertThat(output).contains("virtual-kubelet: ");
    return output;
  }

  private String launch(Path archive, String javaOptions, String... args)
      throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(List.of(ProjectRoot.resolve("bin/virtual-kubelet").toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("VK_SKIP_BUILD", "1");
    builder.environment().put("VK_CDS_ARCHIVE", archive.toString());
    builder.environment().put("VK_JAVA_OPTS", javaOptions);
    builder.environment().remove("VK_CLASSPATH");
    return BoundedProcess.run(builder, Duration.ofSeconds(60)).stdout();
  }
}
