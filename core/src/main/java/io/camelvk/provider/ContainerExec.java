package io.camelvk.provider;

import java.util.List;

/** A provider that can run a command in a container (kubectl exec and cp). */
public interface ContainerExec {

  /**
   * Runs {@code command} in the container, streaming its input and output, and blocks until it
   * ends. Runs on a virtual thread of its own.
   *
   * @return the exit code; the transport reports it modulo 256
   * @throws ProviderException NOT_FOUND when the pod or container is unknown, another kind when the
   *     backend cannot run the command (reported to the client as an internal error)
   */
  int exec(
      String namespace, String pod, String container, List<String> command, RemoteStreams streams);
}
