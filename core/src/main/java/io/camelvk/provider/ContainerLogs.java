package io.camelvk.provider;

import java.io.InputStream;

/** A provider that can show a container's log. */
public interface ContainerLogs {

  /**
   * The log of one container as UTF-8 lines, honouring the options where the backend can.
   *
   * @throws ProviderException NOT_FOUND when the pod or container is unknown
   */
  InputStream logs(String namespace, String pod, String container, LogOptions options);
}
