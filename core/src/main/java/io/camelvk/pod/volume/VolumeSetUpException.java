package io.camelvk.pod.volume;

/**
 * A volume whose files cannot be written now, with the kubelet's reason ({@code configmap "x" not
 * found}); the pod waits for it.
 */
final class VolumeSetUpException extends Exception {

  VolumeSetUpException(String message) {
    super(message, null, false, false);
  }
}
