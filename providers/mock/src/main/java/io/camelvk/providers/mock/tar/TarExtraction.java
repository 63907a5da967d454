package io.camelvk.providers.mock.tar;

import io.camelvk.providers.mock.files.ContainerFiles;
import io.camelvk.providers.mock.process.Stdio;
import java.io.IOException;
import java.util.List;

/**
 * What {@code tar x} does with each entry in a mock container: directories are made, files written
 * (their directories made first), hard links copied; names with {@code ..} and symbolic links are
 * refused as GNU tar refuses them. With {@code t} it only lists the names.
 */
final class TarExtraction {

  private final ContainerFiles files;
  private final String directory;
  private final boolean extract;
  private final Stdio io;

  TarExtraction(ContainerFiles files, String directory, boolean extract, Stdio io) {
    this.files = files;
    this.directory = directory;
    this.extract = extract;
    this.io = io;
  }

  /** Takes one entry; false (after saying why) when it could not be extracted. */
  boolean take(TarHeader header, byte[] content, boolean verbose) throws IOException {
    String name = header.name();
    if (!extract || verbose) {
      io.print(name + "\n");
    }
    if (!extract) {
      return true;
    }
    if (List.of(name.split("/")).contains("..")) {
      io.error("tar: " + name + ": Member name contains '..'");
      return false;
    }
    String path = ContainerFiles.resolve(directory, name);
    return switch (header.type()) {
      case TarHeader.DIRECTORY -> check(files.mkdirs(path), name, "Cannot mkdir: Not a directory");
      case TarHeader.REGULAR, TarHeader.OLD_REGULAR -> write(path, content, name);
      case TarHeader.HARD_LINK -> link(path, header, name);
      case TarHeader.SYMLINK ->
          check(
              false,
              name,
              "Cannot create symlink to '" + header.linkName() + "': Operation not supported");
      default -> true;
    };
  }

  private boolean write(String path, byte[] content, String name) throws IOException {
    boolean written =
        files.mkdirs(ContainerFiles.parent(path)) && files.write(path, content, false);
    return check(
        written,
        name,
        "Cannot open: " + (files.isDirectory(path) ? "Is a directory" : "Not a directory"));
  }

  private boolean link(String path, TarHeader header, String name) throws IOException {
    byte[] target = files.read(ContainerFiles.resolve(directory, header.linkName())).orElse(null);
    if (target == null) {
      return check(
          false,
          name,
          "Cannot hard link to '" + header.linkName() + "': No such file or directory");
    }
    return write(path, target, name);
  }

  private boolean check(boolean done, String name, String why) throws IOException {
    if (!done) {
      io.error("tar: " + name + ": " + why);
    }
    return done;
  }
}
