package io.camelvk.providers.mock.pod;

import java.time.Instant;

/**
 * The stdin of a container instance that has one ({@code stdin: true}, as {@code kubectl debug -i}
 * and {@code kubectl run -i} make): what an attach reads from its client reaches the program.
 */
public interface InstanceInput {

  /** Hands the program bytes that came at {@code at}. */
  void write(byte[] bytes, Instant at);

  /**
   * The end of the program's input, at {@code at} (a {@code stdinOnce} container's attach ended).
   */
  void end(Instant at);
}
