package io.camelvk.providers.mock.tar;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads the entries of a tar archive as it arrives: ustar (with its name prefix), GNU long names
 * ({@code L}, {@code K}) and PAX extended headers ({@code path}, {@code linkpath}, {@code size}),
 * which Go's archive/tar (kubectl cp) writes for long names.
 */
final class TarReader {

  /** An entry's header and, for a regular file, its content. */
  record Entry(TarHeader header, byte[] content) {}

  private final InputStream in;
  private boolean ended;

  TarReader(InputStream in) {
    this.in = in;
  }

  /**
   * The next entry, or null at the end of the archive.
   *
   * @throws IllegalArgumentException with tar's words when the input is not a well-formed archive
   */
  Entry next() throws IOException {
    Map<String, String> pax = new HashMap<>();
    String longName = null;
    String longLink = null;
    while (!ended) {
      byte[] block = in.readNBytes(TarWriter.BLOCK);
      if (block.length == 0 || isZero(block)) {
        ended = true;
        return null;
      }
      if (block.length < TarWriter.BLOCK) {
        throw new IllegalArgumentException("Unexpected EOF in archive");
      }
      TarHeader header = TarHeader.parse(block);
      switch (header.type()) {
        case TarHeader.PAX -> pax.putAll(paxRecords(body(header.size())));
        case TarHeader.PAX_GLOBAL -> body(header.size());
        case TarHeader.GNU_LONG_NAME -> longName = cString(body(header.size()));
        case TarHeader.GNU_LONG_LINK -> longLink = cString(body(header.size()));
        default -> {
          TarHeader entry = merged(header, pax, longName, longLink);
          return new Entry(entry, body(entry.size()));
        }
      }
    }
    return null;
  }

  /** Reads what follows the end of the archive (GNU tar pads to 10 KiB), so the writer is done. */
  void drain() throws IOException {
    in.transferTo(OutputStream.nullOutputStream());
  }

  private static TarHeader merged(
      TarHeader header, Map<String, String> pax, String longName, String longLink) {
    TarHeader result = header;
    if (longName != null) {
      result = result.withName(longName);
    }
    if (longLink != null) {
      result = result.withLinkName(longLink);
    }
    if (pax.containsKey("path")) {
      result = result.withName(pax.get("path"));
    }
    if (pax.containsKey("linkpath")) {
      result = result.withLinkName(pax.get("linkpath"));
    }
    if (pax.containsKey("size")) {
      try {
        result = result.withSize(Long.parseLong(pax.get("size")));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("Malformed extended header", e);
      }
    }
    return result;
  }

  private byte[] body(long size) throws IOException {
    if (size > Integer.MAX_VALUE - TarWriter.BLOCK) {
      throw new IllegalArgumentException("Cannot extract a file of " + size + " bytes in memory");
    }
    byte[] data = in.readNBytes((int) size);
    int padding = (int) ((TarWriter.BLOCK - size % TarWriter.BLOCK) % TarWriter.BLOCK);
    if (data.length < size || in.readNBytes(padding).length < padding) {
      throw new IllegalArgumentException("Unexpected EOF in archive");
    }
    return data;
  }

  /** The records of a PAX extended header: {@code "<length> <key>=<value>\n"} each. */
  static Map<String, String> paxRecords(byte[] data) {
    Map<String, String> records = new HashMap<>();
    int position = 0;
    while (position < data.length) {
      int space = indexOf(data, (byte) ' ', position);
      if (space < 0) {
        throw new IllegalArgumentException("Malformed extended header");
      }
      int length;
      try {
        length =
            Integer.parseInt(
                new String(data, position, space - position, StandardCharsets.US_ASCII));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("Malformed extended header", e);
      }
      if (length <= space - position + 1 || position + length > data.length) {
        throw new IllegalArgumentException("Malformed extended header");
      }
      String record =
          new String(data, space + 1, position + length - space - 2, StandardCharsets.UTF_8);
      int equals = record.indexOf('=');
      if (equals > 0) {
        records.put(record.substring(0, equals), record.substring(equals + 1));
      }
      position += length;
    }
    return records;
  }

  private static int indexOf(byte[] data, byte wanted, int from) {
    for (int i = from; i < data.length; i++) {
      if (data[i] == wanted) {
        return i;
      }
    }
    return -1;
  }

  private static String cString(byte[] data) {
    int end = indexOf(data, (byte) 0, 0);
    return new String(data, 0, end < 0 ? data.length : end, StandardCharsets.UTF_8);
  }

  private static boolean isZero(byte[] block) {
    for (byte b : block) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }
}
