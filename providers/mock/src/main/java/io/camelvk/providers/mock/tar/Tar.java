package io.camelvk.providers.mock.tar;

import io.camelvk.providers.mock.files.ContainerFiles;
import io.camelvk.providers.mock.process.Stdio;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;

/**
 * {@code tar} over a mock container's files, as kubectl cp runs it: {@code tar cf - <path>} writes
 * an archive of the path to stdout, {@code tar --no-same-permissions --no-same-owner -xmf - -C
 * <dir>} extracts stdin into a directory as it arrives. {@code t} lists. Messages and exit codes
 * are GNU tar's. The archives themselves are read and written by commons-compress ({@link
 * ArchiveReader}, {@link ArchiveWriter}).
 */
public final class Tar {

  static final int FAILURE = 2;
  private static final String LEADING_SLASH_WARNING = "tar: Removing leading `/' from member names";

  private final ContainerFiles files;
  private final String cwd;
  private final Clock clock;
  private boolean verbose;
  private boolean warnedLeadingSlash;
  private boolean failed;

  public Tar(ContainerFiles files, String cwd, Clock clock) {
    this.files = files;
    this.cwd = cwd;
    this.clock = clock;
  }

  public int run(List<String> args, Stdio io) throws IOException {
    TarOptions options;
    try {
      options = TarOptions.parse(args);
    } catch (IllegalArgumentException e) {
      io.error("tar: " + e.getMessage());
      io.error("Try 'tar --help' or 'tar --usage' for more information.");
      return FAILURE;
    }
    verbose = options.verbose();
    String directory =
        ContainerFiles.resolve(cwd, options.directory() == null ? "." : options.directory());
    if (!files.isDirectory(directory)) {
      io.error("tar: " + options.directory() + ": Cannot open: No such file or directory");
      io.error("tar: Error is not recoverable: exiting now");
      return FAILURE;
    }
    if (options.mode() == 'c') {
      create(options, directory, io);
    } else {
      read(options, directory, io);
    }
    if (failed) {
      io.error("tar: Exiting with failure status due to previous errors");
    }
    return failed ? FAILURE : 0;
  }

  private void create(TarOptions options, String directory, Stdio io) throws IOException {
    if (options.operands().isEmpty()) {
      io.error("tar: Cowardly refusing to create an empty archive");
      failed = true;
      return;
    }
    ByteArrayOutputStream toFile = new ByteArrayOutputStream();
    OutputStream target = options.archive().equals("-") ? io.out() : toFile;
    GZIPOutputStream gzip = options.gzip() ? new GZIPOutputStream(target, true) : null;
    ArchiveWriter writer = new ArchiveWriter(gzip == null ? target : gzip, clock.instant());
    for (String operand : options.operands()) {
      add(operand, directory, writer, io);
    }
    writer.finish();
    if (gzip != null) {
      gzip.finish();
      gzip.flush();
    }
    if (!options.archive().equals("-")
        && !files.write(
            ContainerFiles.resolve(cwd, options.archive()), toFile.toByteArray(), false)) {
      io.error("tar: " + options.archive() + ": Cannot open: No such file or directory");
      failed = true;
    }
  }

  /** Adds a path and everything under it, named as given without leading slashes. */
  private void add(String operand, String directory, ArchiveWriter writer, Stdio io)
      throws IOException {
    String root = ContainerFiles.resolve(directory, operand);
    String member = memberName(operand, io).replaceAll("/+$", "");
    if (!files.exists(root)) {
      io.error("tar: " + operand + ": Cannot stat: No such file or directory");
      failed = true;
      return;
    }
    for (String path : files.tree(root)) {
      String relative = path.substring(root.length()).replaceAll("^/+", "");
      String name =
          member.isEmpty() ? relative : relative.isEmpty() ? member : member + "/" + relative;
      if (name.isEmpty()) {
        continue;
      }
      if (verbose) {
        io.error(name);
      }
      byte[] content = files.read(path).orElse(null);
      if (content == null) {
        writer.directory(name);
      } else {
        writer.file(name, content);
      }
    }
  }

  private void read(TarOptions options, String directory, Stdio io) throws IOException {
    InputStream source =
        options.archive().equals("-")
            ? io.in()
            : new ByteArrayInputStream(
                files.read(ContainerFiles.resolve(cwd, options.archive())).orElse(new byte[0]));
    try {
      InputStream archive = options.gzip() ? new GZIPInputStream(source) : source;
      ArchiveReader reader = new ArchiveReader(archive);
      TarExtraction extraction = new TarExtraction(files, directory, options.mode() == 'x', io);
      for (var entry = reader.next(); entry != null; entry = reader.next()) {
        String name = memberName(entry.header().getName(), io);
        if (selected(name, options.operands())) {
          failed |= !extraction.take(name, entry, verbose);
        }
      }
      reader.drain();
    } catch (IllegalArgumentException | ZipException e) {
      io.error("tar: " + e.getMessage());
      failed = true;
    }
  }

  private static boolean selected(String name, List<String> operands) {
    return operands.isEmpty()
        || operands.stream()
            .map(o -> o.replaceAll("/+$", ""))
            .anyMatch(o -> name.equals(o) || name.startsWith(o + "/"));
  }

  private String memberName(String name, Stdio io) throws IOException {
    if (!name.startsWith("/")) {
      return name;
    }
    if (!warnedLeadingSlash) {
      io.error(LEADING_SLASH_WARNING);
      warnedLeadingSlash = true;
    }
    return name.replaceAll("^/+", "");
  }
}
