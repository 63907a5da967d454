package io.camelvk.providers.mock.pod;

import io.camelvk.providers.mock.files.ContainerFiles;
import io.fabric8.kubernetes.api.model.Container;
import java.time.Instant;
import java.util.List;

/** Starts an instance of a container's command as a program (the mock's shell runs it). */
@FunctionalInterface
public interface ProgramStarter {

  /**
   * @param container the container, with its environment
   * @param command its command and args
   * @param ref which container of which pod
   * @param files the container's file system
   * @param start when the instance starts
   */
  InstanceRun start(
      Container container,
      List<String> command,
      ContainerRef ref,
      ContainerFiles files,
      Instant start);
}
