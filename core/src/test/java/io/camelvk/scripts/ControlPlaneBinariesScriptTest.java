package io.camelvk.scripts;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelvk.test.BoundedProcess;
import io.camelvk.test.ProjectRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build script's contract, without building: present binaries, missing or old Go. */
class ControlPlaneBinariesScriptTest {

  private static final Path SCRIPT = ProjectRoot.resolve("scripts/control-plane-binaries.sh");
  private static final List<String> BINARIES =
      List.of("etcd", "kube-apiserver", "kube-scheduler", "kube-controller-manager", "kubectl");

  @TempDir Path cache;
  @TempDir Path bin;

  @Test
  void withTheBinariesPresentItPrintsTheirDirectoryAndExitsZero() throws Exception {
    Path dir = Files.createDirectories(cache.resolve("k8s/1.37.2-linux-amd64"));
    for (String name : BINARIES) {
      Files.createFile(
          dir.resolve(name),
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }
    Result result = run(Map.of("PATH", "/usr/bin:/bin"));
    assertThat(result.code()).as(result.err()).isZero();
    assertThat(result.out().strip()).isEqualTo(dir.toString());
  }

  @Test
  void withoutGoItSaysSoAndExitsNonZero() throws Exception {
    Result result = run(Map.of("PATH", bin.toString()));
    assertThat(result.code()).isNotZero();
    assertThat(result.err()).contains("Go >= 1.26 is required").contains("not on PATH");
  }

  @Test
  void withAnOldGoItNamesTheVersionAndExitsNonZero() throws Exception {
    Path fakeGo = bin.resolve("go");
    Files.writeString(fakeGo, "#!/bin/sh\necho go1.22.5\n");
    fakeGo.toFile().setExecutable(true);
    Result result = run(Map.of("PATH", bin + ":/usr/bin:/bin"));
    assertThat(result.code()).isNotZero();
    assertThat(result.err()).contains("found '1.22.5'");
  }

  private record Result(int code, String out, String err) {}

  private Result run(Map<String, String> env) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder("/bin/bash", SCRIPT.toString());
    builder.environment().clear();
    builder.environment().putAll(env);
    builder.environment().put("HOME", cache.toString());
    builder.environment().put("VK_CONTROL_PLANE_CACHE", cache.toString());
    var outcome = BoundedProcess.run(builder, Duration.ofMinutes(10));
    return new Result(outcome.exitCode(), outcome.stdout(), outcome.stderr());
  }
}
