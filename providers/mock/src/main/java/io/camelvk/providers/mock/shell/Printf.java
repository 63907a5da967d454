package io.camelvk.providers.mock.shell;

import io.camelvk.providers.mock.process.Stdio;
import java.io.IOException;
import java.util.IllegalFormatException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code printf FORMAT [ARGUMENT...]}: the format's escapes ({@code \n \t \\ \"} ...) and
 * conversions ({@code %s %b %c %d %i %u %x %X %o %f %e %g %%}, with flags, width and precision),
 * the format used again while arguments are left, as coreutils does. A number that is not one is an
 * error (exit 1) and counts as 0.
 */
final class Printf {

  private static final Pattern CONVERSION =
      Pattern.compile("%([-+ #0]*)(\\d*)(?:\\.(\\d*))?([sbcdiuxXofeEgG%])");

  private final List<String> args;
  private int next;
  private boolean failed;

  private Printf(List<String> args) {
    this.args = args;
  }

  static int run(List<String> args, Stdio io) throws IOException {
    if (args.isEmpty()) {
      io.error("printf: missing operand");
      return 1;
    }
    Printf printf = new Printf(args.subList(1, args.size()));
    String format = Escapes.decode(args.get(0));
    StringBuilder out = new StringBuilder();
    do {
      out.append(printf.format(format, io));
    } while (printf.next > 0 && printf.next < printf.args.size());
    io.print(out.toString());
    return printf.failed ? 1 : 0;
  }

  private String format(String format, Stdio io) throws IOException {
    StringBuilder out = new StringBuilder();
    Matcher match = CONVERSION.matcher(format);
    int last = 0;
    while (match.find()) {
      out.append(format, last, match.start());
      last = match.end();
      try {
        out.append(convert(match, io));
      } catch (IllegalFormatException e) {
        io.error("printf: " + match.group() + ": invalid conversion specification");
        failed = true;
      }
    }
    return out.append(format.substring(last)).toString();
  }

  private String convert(Matcher match, Stdio io) throws IOException {
    char conversion = match.group(4).charAt(0);
    if (conversion == '%') {
      return "%";
    }
    String value = next < args.size() ? args.get(next++) : "";
    String spec =
        "%"
            + match.group(1)
            + match.group(2)
            + (match.group(3) == null ? "" : "." + match.group(3));
    return switch (conversion) {
      case 's' -> String.format(spec + "s", value);
      case 'b' -> String.format(spec + "s", Escapes.decode(value));
      case 'c' -> value.isEmpty() ? "" : value.substring(0, 1);
      case 'f', 'e', 'E', 'g', 'G' -> String.format(spec + conversion, decimal(value, io));
      case 'd', 'i', 'u' -> String.format(spec.replace(".", "") + "d", integer(value, io));
      default -> String.format(spec.replace(".", "") + conversion, integer(value, io));
    };
  }

  private long integer(String value, Stdio io) throws IOException {
    try {
      return value.isEmpty() ? 0 : Long.decode(value.strip());
    } catch (NumberFormatException e) {
      io.error("printf: '" + value + "': expected a numeric value");
      failed = true;
      return 0;
    }
  }

  private double decimal(String value, Stdio io) throws IOException {
    try {
      return value.isEmpty() ? 0 : Double.parseDouble(value.strip());
    } catch (NumberFormatException e) {
      io.error("printf: '" + value + "': expected a numeric value");
      failed = true;
      return 0;
    }
  }
}
