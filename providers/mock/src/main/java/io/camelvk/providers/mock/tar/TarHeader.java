package io.camelvk.providers.mock.tar;

import java.nio.charset.StandardCharsets;

/**
 * One 512-byte tar header (ustar, GNU or the old v7 layout): the fields the mock reads and the
 * checksum rule. Offsets are those of POSIX ustar.
 */
record TarHeader(String name, char type, long size, String linkName) {

  static final char REGULAR = '0';
  static final char OLD_REGULAR = '\0';
  static final char HARD_LINK = '1';
  static final char SYMLINK = '2';
  static final char DIRECTORY = '5';
  static final char PAX = 'x';
  static final char PAX_GLOBAL = 'g';
  static final char GNU_LONG_NAME = 'L';
  static final char GNU_LONG_LINK = 'K';
  private static final int CHECKSUM_OFFSET = 148;
  private static final int CHECKSUM_BYTES = 8;

  /**
   * @throws IllegalArgumentException when the block is not a tar header (bad checksum)
   */
  static TarHeader parse(byte[] block) {
    long recorded = number(block, CHECKSUM_OFFSET, CHECKSUM_BYTES);
    if (recorded != checksum(block)) {
      throw new IllegalArgumentException("This does not look like a tar archive");
    }
    String name = text(block, 0, 100);
    String magic = text(block, 257, 6);
    String prefix = text(block, 345, 155);
    boolean posix = magic.equals("ustar") && block[262] == 0;
    if (posix && !prefix.isEmpty()) {
      name = prefix + "/" + name;
    }
    return new TarHeader(name, (char) block[156], number(block, 124, 12), text(block, 157, 100));
  }

  TarHeader withName(String replacement) {
    return new TarHeader(replacement, type, size, linkName);
  }

  TarHeader withSize(long replacement) {
    return new TarHeader(name, type, replacement, linkName);
  }

  TarHeader withLinkName(String replacement) {
    return new TarHeader(name, type, size, replacement);
  }

  /** The sum of the header's bytes, with the checksum field counted as eight spaces. */
  static long checksum(byte[] block) {
    long sum = 0;
    for (int i = 0; i < block.length; i++) {
      boolean inField = i >= CHECKSUM_OFFSET && i < CHECKSUM_OFFSET + CHECKSUM_BYTES;
      sum += inField ? ' ' : block[i] & 0xff;
    }
    return sum;
  }

  /** An octal field (space or NUL terminated), or GNU's base-256 form when the top bit is set. */
  static long number(byte[] block, int offset, int width) {
    if ((block[offset] & 0x80) != 0) {
      long value = block[offset] & 0x3f;
      for (int i = offset + 1; i < offset + width; i++) {
        value = (value << 8) | (block[i] & 0xff);
      }
      return value;
    }
    String digits = text(block, offset, width).trim();
    try {
      return digits.isEmpty() ? 0 : Long.parseLong(digits, 8);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("This does not look like a tar archive", e);
    }
  }

  private static String text(byte[] block, int offset, int width) {
    int end = offset;
    while (end < offset + width && block[end] != 0) {
      end++;
    }
    return new String(block, offset, end - offset, StandardCharsets.UTF_8);
  }
}
