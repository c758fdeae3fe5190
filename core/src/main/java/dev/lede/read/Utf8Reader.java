package dev.lede.read;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;

/**
 * A strict UTF-8 reader for streamed JSON. Unlike {@code InputStreamReader}, which throws as soon as
 * its decoder meets a bad byte, it first hands out every character before that byte, so the records
 * before the error are read; and its error says where the byte is, in lines and columns.
 */
final class Utf8Reader extends Reader {
  /** A malformed byte, with its place in the text. */
  static final class Malformed extends IOException {
    Malformed(String message) {
      super(message);
    }
  }

  private final InputStream in;
  private final CharsetDecoder decoder = Utf8.strictDecoder();
  private final ByteBuffer bytes = ByteBuffer.allocate(1 << 14).flip();
  private boolean eof;
  private int badByte = -1;
  private Malformed pending;
  private long line = 1;
  private long column = 1;

  Utf8Reader(InputStream in) {
    this.in = in;
  }

  @Override
  public int read(char[] cbuf, int off, int len) throws IOException {
    if (pending != null) {
      throw pending;
    }
    if (len == 0) {
      return 0;
    }
    CharBuffer out = CharBuffer.wrap(cbuf, off, len);
    while (badByte < 0) {
      CoderResult r = decoder.decode(bytes, out, eof);
      if (r.isError()) {
        badByte = bytes.get(bytes.position()) & 0xFF;
        break;
      }
      if (r.isOverflow() || out.position() > off) {
        break;
      }
      if (eof) {
        decoder.flush(out);
        break;
      }
      bytes.compact();
      int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
      if (n < 0) {
        eof = true;
      } else {
        bytes.position(bytes.position() + n);
      }
      bytes.flip();
    }
    int n = out.position() - off;
    for (int i = off; i < off + n; i++) {
      if (cbuf[i] == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
    if (badByte >= 0 && pending == null) {
      pending = new Malformed(String.format("not valid UTF-8: byte 0x%02X at line %d column %d", badByte, line, column));
    }
    if (n > 0) {
      return n;
    }
    if (pending != null) {
      throw pending;
    }
    return -1;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
