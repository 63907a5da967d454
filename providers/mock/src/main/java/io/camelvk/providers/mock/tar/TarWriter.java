package io.camelvk.providers.mock.tar;

import io.camelvk.providers.mock.files.ContainerFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes a tar archive in the POSIX ustar format: 512-byte headers, contents padded to 512 bytes,
 * two zero blocks at the end. A name too long for ustar's name and prefix fields goes first in a
 * PAX extended header ({@code path=}), as Go's archive/tar and GNU tar write it.
 */
final class TarWriter {

  static final int BLOCK = 512;
  static final int FILE_MODE = 0644;
  static final int DIRECTORY_MODE = 0755;
  static final String OWNER = "root";
  private static final int NAME_BYTES = 100;
  private static final int PREFIX_BYTES = 155;

  private final OutputStream out;
  private final long modified;

  /**
   * @param modified the modification time of every entry, in seconds since the epoch
   */
  TarWriter(OutputStream out, long modified) {
    this.out = out;
    this.modified = modified;
  }

  void directory(String name) throws IOException {
    String withSlash = name.endsWith("/") ? name : name + "/";
    entry(withSlash, TarHeader.DIRECTORY, new byte[0], DIRECTORY_MODE);
  }

  void file(String name, byte[] content) throws IOException {
    entry(name, TarHeader.REGULAR, content, FILE_MODE);
  }

  /** The end of the archive: two zero blocks. */
  void finish() throws IOException {
    out.write(new byte[2 * BLOCK]);
    out.flush();
  }

  private void entry(String name, char type, byte[] content, int mode) throws IOException {
    byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
    int split = splitAt(nameBytes);
    if (split < 0 && nameBytes.length > NAME_BYTES) {
      byte[] records = paxRecord("path", name);
      String paxName = "PaxHeaders.0/" + ContainerFiles.name(name.replaceAll("/+$", ""));
      write(header(truncate(paxName), "", TarHeader.PAX, records.length, FILE_MODE), records);
      nameBytes = Arrays.copyOf(nameBytes, NAME_BYTES);
      split = -1;
    }
    String prefix = split < 0 ? "" : new String(nameBytes, 0, split, StandardCharsets.UTF_8);
    byte[] shortName =
        split < 0 ? nameBytes : Arrays.copyOfRange(nameBytes, split + 1, nameBytes.length);
    write(header(shortName, prefix, type, content.length, mode), content);
  }

  private void write(byte[] header, byte[] content) throws IOException {
    out.write(header);
    out.write(content);
    out.write(new byte[(BLOCK - content.length % BLOCK) % BLOCK]);
    out.flush();
  }

  /** Where a long name splits into ustar's prefix and name fields, or -1. */
  private static int splitAt(byte[] name) {
    if (name.length <= NAME_BYTES) {
      return -1;
    }
    for (int i = name.length - NAME_BYTES - 1; i < name.length - 1 && i <= PREFIX_BYTES; i++) {
      if (i > 0 && name[i] == '/') {
        return i;
      }
    }
    return -1;
  }

  /** One PAX record, {@code "<length> <key>=<value>\n"}, whose length counts its own digits. */
  static byte[] paxRecord(String key, String value) {
    int body = (" " + key + "=" + value + "\n").getBytes(StandardCharsets.UTF_8).length;
    int length = body + String.valueOf(body).length();
    if (String.valueOf(length).length() != String.valueOf(body).length()) {
      length++;
    }
    return (length + " " + key + "=" + value + "\n").getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] truncate(String name) {
    byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
    return bytes.length <= NAME_BYTES ? bytes : Arrays.copyOf(bytes, NAME_BYTES);
  }

  private byte[] header(byte[] name, String prefix, char type, long size, int mode) {
    byte[] header = new byte[BLOCK];
    System.arraycopy(name, 0, header, 0, name.length);
    octal(header, 100, 8, mode);
    octal(header, 108, 8, 0);
    octal(header, 116, 8, 0);
    octal(header, 124, 12, size);
    octal(header, 136, 12, modified);
    header[156] = (byte) type;
    ascii(header, 257, "ustar\0" + "00");
    ascii(header, 265, OWNER);
    ascii(header, 297, OWNER);
    byte[] prefixBytes = prefix.getBytes(StandardCharsets.UTF_8);
    System.arraycopy(prefixBytes, 0, header, 345, prefixBytes.length);
    ascii(header, 148, String.format("%06o", TarHeader.checksum(header)) + "\0 ");
    return header;
  }

  private static void octal(byte[] header, int offset, int width, long value) {
    ascii(header, offset, String.format("%0" + (width - 1) + "o", value));
  }

  private static void ascii(byte[] header, int offset, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(bytes, 0, header, offset, bytes.length);
  }
}
