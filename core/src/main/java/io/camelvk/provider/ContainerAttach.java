package io.camelvk.provider;

/** A provider that can attach to the main process of a running container (kubectl attach). */
public interface ContainerAttach {

  /**
   * Connects the streams to the container's main process and blocks until the process ends or the
   * client goes away. Runs on a virtual thread of its own.
   *
   * @return the process's exit code when it ended, 0 when the client detached
   * @throws ProviderException NOT_FOUND when the pod or container is unknown
   */
  int attach(String namespace, String pod, String container, RemoteStreams streams);
}
