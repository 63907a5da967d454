package io.camelvk.providers.mock.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * The options head and tail take: a count of lines ({@code -n N}, {@code -nN}, {@code -N}) or of
 * bytes ({@code -c N}), counted from the start with {@code +N} (tail), {@code -f} (tail: follow),
 * and the files.
 *
 * @param bytes the count is of bytes, not lines
 * @param count how many
 * @param fromStart {@code +N}: from the N-th on (1-based)
 * @param follow {@code -f}
 * @param files the files named
 */
record CountOption(
    boolean bytes, long count, boolean fromStart, boolean follow, List<String> files) {

  static final long DEFAULT_LINES = 10;

  /**
   * @throws IllegalArgumentException for an option or a count it does not know
   */
  static CountOption parse(List<String> args) {
    CountOption option = new CountOption(false, DEFAULT_LINES, false, false, List.of());
    List<String> files = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("-f") || arg.equals("-F")) {
        option = new CountOption(option.bytes, option.count, option.fromStart, true, files);
      } else if (arg.matches("-[nc]")) {
        if (i + 1 >= args.size()) {
          throw new IllegalArgumentException("option requires an argument -- '" + arg + "'");
        }
        option = counted(arg.charAt(1) == 'c', args.get(++i), option.follow);
      } else if (arg.matches("-[nc].+")) {
        option = counted(arg.charAt(1) == 'c', arg.substring(2), option.follow);
      } else if (arg.matches("-\\d+")) {
        option = counted(false, arg.substring(1), option.follow);
      } else if (arg.startsWith("-") && arg.length() > 1) {
        throw new IllegalArgumentException("invalid option -- '" + arg.substring(1) + "'");
      } else {
        files.add(arg);
      }
    }
    return new CountOption(
        option.bytes, option.count, option.fromStart, option.follow, List.copyOf(files));
  }

  private static CountOption counted(boolean bytes, String count, boolean follow) {
    try {
      return new CountOption(
          bytes, Math.abs(Long.parseLong(count)), count.startsWith("+"), follow, List.of());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "invalid number of " + (bytes ? "bytes" : "lines") + ": '" + count + "'");
    }
  }
}
