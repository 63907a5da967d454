package io.camelvk.provider;

import java.io.InputStream;
import java.io.OutputStream;

/** A provider that can open a TCP connection to a port of a pod (kubectl port-forward). */
public interface PortForward {

  /**
   * Connects to {@code port} in the pod and copies bytes both ways: from {@code fromClient} to the
   * port until it ends (then half-closes towards the port), and from the port to {@code toClient}
   * until the port closes. Blocks until both directions are done. Runs on a virtual thread of its
   * own; when the client goes away, writes throw and the thread is interrupted.
   *
   * @throws ProviderException NOT_FOUND when the pod is unknown, another kind when nothing accepts
   *     connections on the port
   */
  void portForward(
      String namespace, String pod, int port, InputStream fromClient, OutputStream toClient);
}
