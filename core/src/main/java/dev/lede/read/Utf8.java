package dev.lede.read;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 decoding: a malformed byte is an error naming its position, never a replacement
 * character quietly indexed as text. One instance per reader (decoders are not thread-safe).
 */
final class Utf8 {
  private final CharsetDecoder decoder = strictDecoder();
  private CharBuffer chars = CharBuffer.allocate(8192);
  private int errorOffset = -1;

  static CharsetDecoder strictDecoder() {
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
  }

  /**
   * Decodes {@code bytes[0, length)}.
   *
   * @throws RecordException "not valid UTF-8: byte 0xA3 at column 17" (columns count bytes, 1-based)
   */
  String decode(byte[] bytes, int offset, int length) throws RecordException {
    return validate(bytes, offset, length).toString();
  }

  /**
   * Checks that {@code bytes[offset, offset + length)} is valid UTF-8 without making a string.
   *
   * @return the decoded characters, valid until the next call
   * @throws RecordException as {@link #decode}
   */
  CharBuffer validate(byte[] bytes, int offset, int length) throws RecordException {
    if (chars.capacity() < length) {
      chars = CharBuffer.allocate(Math.max(length, chars.capacity() * 2));
    }
    chars.clear();
    decoder.reset();
    ByteBuffer in = ByteBuffer.wrap(bytes, offset, length);
    CoderResult result = decoder.decode(in, chars, true);
    if (result.isUnderflow()) {
      result = decoder.flush(chars);
    }
    if (result.isError()) {
      int at = in.position();
      errorOffset = at;
      throw new RecordException(
          String.format("not valid UTF-8: byte 0x%02X at column %d", bytes[at] & 0xFF, at - offset + 1));
    }
    chars.flip();
    return chars;
  }

  /** The offset in the array of the byte the last failed {@link #decode} stopped at. */
  int errorOffset() {
    return errorOffset;
  }
}
