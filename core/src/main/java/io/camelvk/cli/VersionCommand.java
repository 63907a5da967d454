package io.camelvk.cli;

import io.camelvk.BuildInfo;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code virtual-kubelet version}. */
@Command(name = "version", description = "Show the version of the program")
public final class VersionCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine()
        .getOut()
        .printf(
            "camel-virtual-kubelet %s (kubelet %s)%n",
            BuildInfo.version(), BuildInfo.kubeletVersion());
    return 0;
  }
}
