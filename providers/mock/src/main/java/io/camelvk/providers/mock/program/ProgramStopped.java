package io.camelvk.providers.mock.program;

/** Ends a container's program where it waits: its instance was stopped (the pod is gone). */
final class ProgramStopped extends RuntimeException {

  ProgramStopped() {
    super("the container was stopped", null, false, false);
  }
}
