package io.camelvk.providers.mock.shell;

import io.camelvk.providers.mock.files.ContainerFiles;
import io.camelvk.providers.mock.process.Stdio;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The commands of a mock container that work on its files: cat, tee, ls, mkdir, rm and wc. cat and
 * tee copy stdin as it arrives.
 */
final class FileCommands {

  static final List<String> NAMES = List.of("cat", "tee", "ls", "mkdir", "rm", "wc");
  static final String READ_ONLY = "Read-only file system";

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
      case "wc" -> new WordCount(files, cwd).run(args, io);
      default -> throw new IllegalArgumentException("no file command " + name);
    };
  }

  /** Why a file cannot be made there, in the words of coreutils. */
  private String whyNot(String path) {
    return files.isReadOnly(path) ? READ_ONLY : "No such file or directory";
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
        io.error("tee: " + name + ": " + whyNot(path(name)));
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
        String why = files.exists(path(name)) ? "File exists" : whyNot(path(name));
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
      } else if (!files.remove(path)) {
        io.error("rm: cannot remove '" + name + "': " + READ_ONLY);
        code = 1;
      }
    }
    return code;
  }
}
