package io.camelvk.provider;

import java.util.List;

/** A provider that can run a command in a container and collect its output. */
public interface ContainerExec {

  /**
   * Runs {@code command} in the container with {@code stdin} as its input.
   *
   * @throws ProviderException NOT_FOUND when the pod or container is unknown
   */
  ExecResult exec(
      String namespace, String pod, String container, List<String> command, byte[] stdin);

  /** What a command wrote and how it ended. */
  record ExecResult(byte[] stdout, byte[] stderr, int exitCode) {}
}
