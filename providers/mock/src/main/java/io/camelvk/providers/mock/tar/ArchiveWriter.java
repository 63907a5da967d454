package io.camelvk.providers.mock.tar;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Writes a tar archive with commons-compress as {@code tar c} in a mock container does: POSIX ustar
 * headers in 512-byte blocks, two zero blocks at the end; a name of 100 bytes or more goes first in
 * a PAX extended header ({@code path=}), which GNU tar and Go's archive/tar (kubectl cp) read.
 * Files have mode 0644, directories 0755, owner root (0/0), and all one modification time. Each
 * entry is flushed as soon as it is written, so that the reader gets the archive as it is made.
 */
final class ArchiveWriter {

  private static final int FILE_MODE = 0644;
  private static final int DIRECTORY_MODE = 0755;
  private static final String OWNER = "root";

  private final OutputStream out;
  private final TarArchiveOutputStream tar;
  private final FileTime modified;

  /**
   * @param out where the archive goes; it stays open
   * @param modified the modification time of every entry, in whole seconds
   */
  ArchiveWriter(OutputStream out, Instant modified) {
    this.out = out;
    this.tar = new TarArchiveOutputStream(out, StandardCharsets.UTF_8.name());
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    this.modified = FileTime.from(modified.getEpochSecond(), TimeUnit.SECONDS);
  }

  void directory(String name) throws IOException {
    entry(name.endsWith("/") ? name : name + "/", DIRECTORY_MODE, new byte[0]);
  }

  void file(String name, byte[] content) throws IOException {
    entry(name, FILE_MODE, content);
  }

  /** The end of the archive: two zero blocks. */
  void finish() throws IOException {
    tar.finish();
    out.flush();
  }

  private void entry(String name, int mode, byte[] content) throws IOException {
    TarArchiveEntry entry = new TarArchiveEntry(name);
    entry.setMode(mode);
    entry.setNames(OWNER, OWNER);
    entry.setSize(content.length);
    entry.setLastModifiedTime(modified);
    tar.putArchiveEntry(entry);
    tar.write(content);
    tar.closeArchiveEntry();
    out.flush();
  }
}
