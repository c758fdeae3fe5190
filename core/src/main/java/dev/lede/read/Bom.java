package dev.lede.read;

/** The UTF-8 byte order mark some Windows tools put at the start of a text file. */
final class Bom {
  private Bom() {}

  /** 3 when {@code bytes} start with a UTF-8 byte order mark, else 0. */
  static int length(byte[] bytes, int length) {
    return length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
  }
}
