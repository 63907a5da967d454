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

  /** Rows and columns of the terminal that {@link #wrapWholly} gives. */
  public static final int ROWS = 40;

  public static final int COLUMNS = 120;

  private static final String WHOLE_TERMINAL_SCRIPT =
      """
      import fcntl, os, pty, struct, subprocess, sys, termios
      master, slave = pty.openpty()
      fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", %d, %d, 0, 0))
      child = subprocess.Popen(sys.argv[1:], stdin=slave, stdout=slave)
      os.close(slave)
      while True:
          try:
              data = os.read(master, 65536)
          except OSError:
              break
          if not data:
              break
          sys.stdout.buffer.write(data)
          sys.stdout.flush()
      sys.exit(child.wait())
      """
          .formatted(ROWS, COLUMNS);

  private static final String CONVERSATION_SCRIPT =
      """
      import fcntl, os, pty, select, struct, subprocess, sys, termios, time
      count = int(sys.argv[1])
      steps = [(sys.argv[2 + 2 * i].encode(), sys.argv[3 + 2 * i].encode()) for i in range(count)]
      master, slave = pty.openpty()
      fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
      child = subprocess.Popen(sys.argv[2 + 2 * count:], stdin=slave, stdout=slave, stderr=slave)
      os.close(slave)
      deadline = time.time() + 60
      seen, open_ = b"", True
      def pump(timeout):
          global seen
          if not select.select([master], [], [], timeout)[0]:
              return True
          try:
              data = os.read(master, 65536)
          except OSError:
              return False
          seen += data
          sys.stdout.buffer.write(data)
          sys.stdout.flush()
          return bool(data)
      def raw():
          return not termios.tcgetattr(master)[3] & termios.ICANON
      mark = 0
      for awaited, typed in steps:
          while open_ and time.time() < deadline and not (awaited in seen[mark:] and raw()):
              open_ = pump(0.05)
          mark = len(seen)
          if open_:
              os.write(master, typed)
      while open_ and time.time() < deadline:
          open_ = pump(0.5)
      if child.poll() is None:
          child.kill()
      sys.exit(child.wait())
      """;

  /** Keys to type once the output since the step before shows {@code awaited}. */
  public record Step(String awaited, String typed) {}

  private PseudoTerminal() {}

  /**
   * The command line that runs {@code command} with stdin, stdout and stderr on an 80x24
   * pseudo-terminal, as a user at a terminal would: each step's keys are typed once the command has
   * put the terminal into raw mode and its output since the step before shows the step's awaited
   * text. What the command writes is copied to the wrapper's stdout until it ends (at most a
   * minute, then it is killed).
   */
  public static List<String> converse(List<Step> steps, List<String> command) {
    List<String> wrapped =
        new ArrayList<>(
            List.of("python3", "-c", CONVERSATION_SCRIPT, String.valueOf(steps.size())));
    steps.forEach(step -> wrapped.addAll(List.of(step.awaited(), step.typed())));
    wrapped.addAll(command);
    return wrapped;
  }

  /**
   * The command line that runs {@code command} with stdin and stdout both on a {@link #ROWS}x{@link
   * #COLUMNS} pseudo-terminal (kubectl only sends terminal sizes when its output is a terminal);
   * what the command writes is copied to the wrapper's stdout until the command ends.
   */
  public static List<String> wrapWholly(List<String> command) {
    List<String> wrapped = new ArrayList<>(List.of("python3", "-c", WHOLE_TERMINAL_SCRIPT));
    wrapped.addAll(command);
    return wrapped;
  }

  /** The command line that runs {@code command} on a pseudo-terminal. */
  public static List<String> wrap(List<String> command) {
    List<String> wrapped = new ArrayList<>(List.of("python3", "-c", SCRIPT));
    wrapped.addAll(command);
    return wrapped;
  }
}
