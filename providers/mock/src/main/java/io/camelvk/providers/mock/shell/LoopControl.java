package io.camelvk.providers.mock.shell;

import java.util.List;
import java.util.Optional;

/**
 * {@code break [N]} and {@code continue [N]}: thrown from the loop's body to the loop, which ends
 * (break) or goes on with its next turn (continue); with N, to the N-th enclosing loop.
 */
final class LoopControl extends RuntimeException {

  static final List<String> NAMES = List.of("break", "continue");

  private final boolean breaks;
  private final int levels;

  private LoopControl(boolean breaks, int levels) {
    super(null, null, false, false);
    this.breaks = breaks;
    this.levels = levels;
  }

  /** The control {@code fields} ask for, inside {@code loops} enclosing loops (at least one). */
  static LoopControl of(List<String> fields, int loops) {
    int levels = 1;
    if (fields.size() > 1) {
      try {
        levels = Math.max(1, Integer.parseInt(fields.get(1)));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("sh: " + fields.get(0) + ": Illegal number");
      }
    }
    return new LoopControl(fields.get(0).equals("break"), Math.min(levels, loops));
  }

  boolean breaks() {
    return breaks;
  }

  /** What the loop that catches this throws on to the loop around it, if anything. */
  Optional<LoopControl> outer() {
    return levels > 1 ? Optional.of(new LoopControl(breaks, levels - 1)) : Optional.empty();
  }
}
