package io.camelvk.providers.mock.tar;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Reads the entries of a tar archive with commons-compress as it arrives: ustar (with its name
 * prefix), GNU long names ({@code L}, {@code K}) and PAX extended headers ({@code path}, {@code
 * linkpath}, {@code size}), which Go's archive/tar (kubectl cp) writes for long names. What is
 * wrong with an archive is said in GNU tar's words; an error of the stream the archive comes from
 * (the client went away, Ctrl-C on the terminal) is thrown as it is.
 */
final class ArchiveReader {

  private static final String NOT_AN_ARCHIVE = "This does not look like a tar archive";
  private static final String UNEXPECTED_EOF = "Unexpected EOF in archive";
  private static final String MALFORMED_EXTENDED_HEADER = "Malformed extended header";
  private static final long MAX_CONTENT = Integer.MAX_VALUE - TarConstants.DEFAULT_RCDSIZE;

  /** An entry's header and its content (empty but for regular files). */
  record Entry(TarArchiveEntry header, byte[] content) {}

  private final Source source;
  private final Headers tar;

  ArchiveReader(InputStream in) {
    this.source = new Source(in);
    this.tar = new Headers(source);
  }

  /**
   * The next entry, or null at the end of the archive.
   *
   * @throws IllegalArgumentException with tar's words when the input is not a well-formed archive
   */
  Entry next() throws IOException {
    try {
      TarArchiveEntry header = tar.getNextEntry();
      if (header == null) {
        return null;
      }
      if (!header.isCheckSumOK()) {
        throw new IllegalArgumentException(NOT_AN_ARCHIVE);
      }
      if (header.getSize() > MAX_CONTENT) {
        throw new IllegalArgumentException(
            "Cannot extract a file of " + header.getSize() + " bytes in memory");
      }
      return new Entry(header, tar.readAllBytes());
    } catch (IOException e) {
      throw inTarsWords(e);
    }
  }

  /** Reads what follows the end of the archive (GNU tar pads to 10 KiB), so the writer is done. */
  void drain() throws IOException {
    source.transferTo(OutputStream.nullOutputStream());
  }

  private IllegalArgumentException inTarsWords(IOException e) throws IOException {
    if (source.failure != null) {
      throw source.failure;
    }
    if (source.ended) {
      return new IllegalArgumentException(UNEXPECTED_EOF, e);
    }
    boolean extendedHeader =
        String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("pax");
    return new IllegalArgumentException(
        extendedHeader ? MALFORMED_EXTENDED_HEADER : NOT_AN_ARCHIVE, e);
  }

  /** commons-compress takes a header cut short for the end of the archive; GNU tar does not. */
  private static final class Headers extends TarArchiveInputStream {

    Headers(InputStream in) {
      super(in, StandardCharsets.UTF_8.name());
    }

    @Override
    protected byte[] readRecord() throws IOException {
      long before = getBytesRead();
      byte[] record = super.readRecord();
      if (record == null && !isAtEOF() && getBytesRead() > before) {
        throw new EOFException(UNEXPECTED_EOF);
      }
      return record;
    }
  }

  /** The archive's bytes as they arrive: notes their end and the error that ended them. */
  private static final class Source extends InputStream {

    private final InputStream in;
    private boolean ended;
    private IOException failure;

    Source(InputStream in) {
      this.in = in;
    }

    /** Through {@link #read(byte[], int, int)}, so that the end and errors are noted here too. */
    @Override
    public int read() throws IOException {
      byte[] one = readNBytes(1);
      return one.length == 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      try {
        int n = in.read(buffer, offset, length);
        ended |= n < 0;
        return n;
      } catch (IOException e) {
        failure = e;
        throw e;
      }
    }
  }
}
