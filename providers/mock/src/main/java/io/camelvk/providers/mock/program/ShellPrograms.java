package io.camelvk.providers.mock.program;

import io.camelvk.providers.mock.files.ContainerFiles;
import io.camelvk.providers.mock.pod.ContainerRef;
import io.camelvk.providers.mock.pod.InstanceRun;
import io.camelvk.providers.mock.pod.ProgramStarter;
import io.camelvk.providers.mock.shell.Shell;
import io.fabric8.kubernetes.api.model.Container;
import java.time.Instant;
import java.util.List;

/**
 * Containers' commands as programs of the mock's shell: each instance a {@link ProgramRun} on the
 * container's files, with its environment and the pod's name as host name.
 */
public final class ShellPrograms implements ProgramStarter {

  @Override
  public InstanceRun start(
      Container container,
      List<String> command,
      ContainerRef ref,
      ContainerFiles files,
      Instant start) {
    ProgramRun run = new ProgramRun(start, Boolean.TRUE.equals(container.getStdin()));
    Shell shell = new Shell(container, ref.pod(), files, new ProgramHost(run.time()));
    run.begin("mock-program-" + ref.podKey() + "/" + ref.container(), io -> shell.run(command, io));
    return run;
  }
}
