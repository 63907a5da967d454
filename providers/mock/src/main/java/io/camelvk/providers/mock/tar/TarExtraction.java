package io.camelvk.providers.mock.tar;

import io.camelvk.providers.mock.files.ContainerFiles;
import io.camelvk.providers.mock.process.Stdio;
import java.io.IOException;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarConstants;

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

  /**
   * Takes one entry under {@code name} (its member name without leading slashes); false (after
   * saying why) when it could not be extracted.
   */
  boolean take(String name, ArchiveReader.Entry entry, boolean verbose) throws IOException {
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
    String linkName = entry.header().getLinkName();
    return switch (entry.header().getLinkFlag()) {
      case TarConstants.LF_DIR -> check(files.mkdirs(path), name, "Cannot mkdir: Not a directory");
      case TarConstants.LF_NORMAL, TarConstants.LF_OLDNORM -> write(path, entry.content(), name);
      case TarConstants.LF_LINK -> link(path, linkName, name);
      case TarConstants.LF_SYMLINK ->
          check(
              false, name, "Cannot create symlink to '" + linkName + "': Operation not supported");
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

  private boolean link(String path, String linkName, String name) throws IOException {
    byte[] target = files.read(ContainerFiles.resolve(directory, linkName)).orElse(null);
    if (target == null) {
      return check(
          false, name, "Cannot hard link to '" + linkName + "': No such file or directory");
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
