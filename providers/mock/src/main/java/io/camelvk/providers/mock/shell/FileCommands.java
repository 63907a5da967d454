package io.camelvk.providers.mock.shell;

import io.camelvk.providers.mock.files.ContainerFiles;
import io.camelvk.providers.mock.process.Stdio;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The commands of a mock container that work on its files: cat, tee, ls, mkdir, rm, test and {@code
 * tail -c +N} (kubectl cp's resumed copy). cat and tee copy stdin as it arrives.
 */
final class FileCommands {

  static final List<String> NAMES =
      List.of("cat", "tee", "ls", "mkdir", "rm", "test", "tail", "wc");
  private static final Pattern TAIL_FROM_BYTE = Pattern.compile("^-c ?\\+(\\d+)(?: (.+))?$");

  private final ContainerFiles files;
  private final String cwd;

  FileCommands(ContainerFiles files, String cwd) {
    this.files = files;
    this.cwd = cwd;
  }

  int run(String name, List<String> args, Stdio io) throws IOException {
    return switch (name) {
      case "cat" -> cat(args, io);
      case "tee" -> tee(args, io);
      case "ls" -> ls(args, io);
      case "mkdir" -> mkdir(args, io);
      case "rm" -> rm(args, io);
      case "test" -> test(args) ? 0 : 1;
      case "tail" -> tail(args, io);
      case "wc" -> new WordCount(files, cwd).run(args, io);
      default -> throw new IllegalArgumentException("no file command " + name);
    };
  }

  private String path(String name) {
    return ContainerFiles.resolve(cwd, name);
  }

  private int cat(List<String> args, Stdio io) throws IOException {
    int code = 0;
    for (String name : args.isEmpty() ? List.of("-") : args) {
      if (name.equals("-")) {
        Stdio.copy(io.in(), io.out());
      } else if (files.isDirectory(path(name))) {
        io.error("cat: " + name + ": Is a directory");
        code = 1;
      } else if (files.read(path(name)).isEmpty()) {
        io.error("cat: " + name + ": No such file or directory");
        code = 1;
      } else {
        io.out().write(files.read(path(name)).get());
        io.out().flush();
      }
    }
    return code;
  }

  private int tee(List<String> args, Stdio io) throws IOException {
    boolean append = !args.isEmpty() && args.get(0).equals("-a");
    List<String> targets = new ArrayList<>();
    for (String name : append ? args.subList(1, args.size()) : args) {
      if (files.write(path(name), new byte[0], append)) {
        targets.add(path(name));
      } else {
        io.error("tee: " + name + ": No such file or directory");
      }
    }
    Stdio.copy(io.in(), io.out(), chunk -> targets.forEach(path -> files.write(path, chunk, true)));
    return targets.size() == (append ? args.size() - 1 : args.size()) ? 0 : 1;
  }

  private int ls(List<String> args, Stdio io) throws IOException {
    List<String> names = args.stream().filter(a -> !a.startsWith("-")).toList();
    int code = 0;
    for (String name : names.isEmpty() ? List.of(".") : names) {
      String path = path(name);
      if (files.isDirectory(path)) {
        String heading = names.size() > 1 ? name + ":\n" : "";
        io.print(heading + String.join("", files.list(path).stream().map(n -> n + "\n").toList()));
      } else if (files.isFile(path)) {
        io.print(name + "\n");
      } else {
        io.error("ls: cannot access '" + name + "': No such file or directory");
        code = 2;
      }
    }
    return code;
  }

  private int mkdir(List<String> args, Stdio io) throws IOException {
    boolean parents = args.contains("-p");
    int code = 0;
    for (String name : args.stream().filter(a -> !a.startsWith("-")).toList()) {
      boolean made = parents ? files.mkdirs(path(name)) : files.mkdir(path(name));
      if (!made) {
        String why = files.exists(path(name)) ? "File exists" : "No such file or directory";
        io.error("mkdir: cannot create directory '" + name + "': " + why);
        code = 1;
      }
    }
    return code;
  }

  private int rm(List<String> args, Stdio io) throws IOException {
    String flags = String.join("", args.stream().filter(a -> a.startsWith("-")).toList());
    boolean recursive = flags.contains("r") || flags.contains("R");
    boolean force = flags.contains("f");
    int code = 0;
    for (String name : args.stream().filter(a -> !a.startsWith("-")).toList()) {
      String path = path(name);
      if (files.isDirectory(path) && !recursive) {
        io.error("rm: cannot remove '" + name + "': Is a directory");
        code = 1;
      } else if (!files.exists(path) && !force) {
        io.error("rm: cannot remove '" + name + "': No such file or directory");
        code = 1;
      } else {
        files.remove(path);
      }
    }
    return code;
  }

  /** {@code test -d|-f|-e|-s PATH}, the forms kubectl cp and scripts use. */
  private boolean test(List<String> args) {
    if (args.size() != 2) {
      return args.size() == 1 && !args.get(0).isEmpty();
    }
    String path = path(args.get(1));
    return switch (args.get(0)) {
      case "-d" -> files.isDirectory(path);
      case "-f" -> files.isFile(path);
      case "-e" -> files.exists(path);
      case "-s" -> files.read(path).map(b -> b.length > 0).orElse(false);
      default -> false;
    };
  }

  /** {@code tail -c +N [FILE]}: everything from byte N on (1-based). */
  private int tail(List<String> args, Stdio io) throws IOException {
    String joined = String.join(" ", args);
    Matcher match = TAIL_FROM_BYTE.matcher(joined);
    if (!match.matches()) {
      io.error("tail: only -c +N is supported");
      return 1;
    }
    long skip = Math.max(0, Long.parseLong(match.group(1)) - 1);
    InputStream in = io.in();
    if (match.group(2) != null) {
      byte[] content = files.read(path(match.group(2))).orElse(null);
      if (content == null) {
        io.error(
            "tail: cannot open '" + match.group(2) + "' for reading: No such file or directory");
        return 1;
      }
      in = new ByteArrayInputStream(content);
    }
    for (long left = skip; left > 0 && in.read() >= 0; left--) {
      // the bytes before N are dropped
    }
    Stdio.copy(in, io.out());
    return 0;
  }
}
