package io.camelvk.api.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An exec, attach or port-forward request as the kubelet reads it from the path and query: {@code
 * /exec/{ns}/{pod}[/{uid}]/{container}?command=..&input=1&output=1&error=1&tty=1}, {@code
 * /attach/...} without command, {@code /portForward/{ns}/{pod}[/{uid}]?port=80,8080}. A flag is on
 * only for the literal value {@code 1}; with a tty there is no stderr.
 */
public record StreamRequest(
    Kind kind,
    String namespace,
    String pod,
    String container,
    List<String> command,
    boolean stdin,
    boolean stdout,
    boolean stderr,
    boolean tty,
    List<Integer> ports) {

  public enum Kind {
    EXEC("/exec/"),
    ATTACH("/attach/"),
    PORT_FORWARD("/portForward/");

    private final String prefix;

    Kind(String prefix) {
      this.prefix = prefix;
    }

    public String prefix() {
      return prefix;
    }
  }

  /** A request the kubelet refuses before any upgrade, with the HTTP status to answer. */
  public static final class Refused extends Exception {
    private final int status;

    Refused(int status, String message) {
      super(message);
      this.status = status;
    }

    public int status() {
      return status;
    }
  }

  public boolean isRemoteCommand() {
    return kind != Kind.PORT_FORWARD;
  }

  /** Reads the request of {@code kind} from its decoded path and query. */
  public static StreamRequest parse(Kind kind, String path, Map<String, List<String>> query)
      throws Refused {
    String[] parts = path.substring(kind.prefix().length()).split("/", -1);
    int minimum = kind == Kind.PORT_FORWARD ? 2 : 3;
    if (parts.length < minimum || parts.length > minimum + 1) {
      throw new Refused(404, "404 page not found\n");
    }
    for (String part : parts) {
      if (part.isEmpty()) {
        throw new Refused(404, "404 page not found\n");
      }
    }
    String container = kind == Kind.PORT_FORWARD ? "" : parts[parts.length - 1];
    List<Integer> ports = ports(query.getOrDefault("port", List.of()));
    if (kind == Kind.PORT_FORWARD) {
      return new StreamRequest(
          kind, parts[0], parts[1], "", List.of(), false, false, false, false, ports);
    }
    boolean tty = flag(query, "tty");
    boolean stdin = flag(query, "input");
    boolean stdout = flag(query, "output");
    boolean stderr = flag(query, "error") && !tty;
    if (!stdin && !stdout && !flag(query, "error")) {
      throw new Refused(400, "you must specify at least 1 of stdin, stdout, stderr");
    }
    List<String> command = List.copyOf(query.getOrDefault("command", List.of()));
    if (kind == Kind.EXEC && command.isEmpty()) {
      throw new Refused(400, "you must specify a command to execute");
    }
    return new StreamRequest(
        kind, parts[0], parts[1], container, command, stdin, stdout, stderr, tty, ports);
  }

  private static boolean flag(Map<String, List<String>> query, String name) {
    List<String> values = query.get(name);
    return values != null && !values.isEmpty() && values.get(0).equals("1");
  }

  private static List<Integer> ports(List<String> values) throws Refused {
    List<Integer> ports = new ArrayList<>();
    for (String value : values) {
      for (String item : value.split(",", -1)) {
        ports.add(port(item.trim()));
      }
    }
    return List.copyOf(ports);
  }

  private static int port(String text) throws Refused {
    try {
      int port = Integer.parseInt(text);
      if (port >= 1 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw new Refused(400, "invalid port \"" + text + "\": must be a number in 1..65535");
  }
}
