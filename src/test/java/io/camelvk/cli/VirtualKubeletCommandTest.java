package io.camelvk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelvk.BuildInfo;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class VirtualKubeletCommandTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void versionPrintsOurVersionAndTheKubeletVersion() {
    assertThat(execute("version")).isZero();
    assertThat(out.toString())
        .contains("camel-virtual-kubelet " + BuildInfo.version())
        .contains("v1.37.2-vk-" + BuildInfo.version());
    assertThat(BuildInfo.version()).doesNotContain("${");
  }

  @Test
  void anUnknownFlagExitsWithCodeTwoAndNamesIt() {
    assertThat(execute("--no-such-flag")).isEqualTo(2);
    assertThat(err.toString()).contains("--no-such-flag");
  }

  @Test
  void helpListsTheKubeconfigFlag() {
    assertThat(execute("--help")).isZero();
    assertThat(out.toString()).contains("--kubeconfig");
  }

  private int execute(String... args) {
    return new CommandLine(new VirtualKubeletCommand())
        .setOut(new PrintWriter(out))
        .setErr(new PrintWriter(err))
        .execute(args);
  }
}
