package io.camelvk.test;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs a command with its stdin on a pseudo-terminal (80x24), as {@code kubectl -t} needs, through
 * Python's {@code pty} module; stdout and stderr stay pipes. Once the command has put the terminal
 * into raw mode (kubectl does so when its session starts), the terminal is hung up, which the
 * command reads as the end of its input.
 */
public final class PseudoTerminal {

  private static final String SCRIPT =
      """
      import fcntl, os, pty, struct, subprocess, sys, termios, time
      master, slave = pty.openpty()
      fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
      child = subprocess.Popen(sys.argv[1:], stdin=slave)
      os.close(slave)
      deadline = time.time() + 60
      while child.poll() is None and time.time() < deadline:
          if not termios.tcgetattr(master)[3] & termios.ICANON:
              break
          time.sleep(0.05)
      time.sleep(1)
      os.close(master)
      sys.exit(child.wait())
      """;

  private PseudoTerminal() {}

  /** The command line that runs {@code command} on a pseudo-terminal. */
  public static List<String> wrap(List<String> command) {
    List<String> wrapped = new ArrayList<>(List.of("python3", "-c", SCRIPT));
    wrapped.addAll(command);
    return wrapped;
  }
}
