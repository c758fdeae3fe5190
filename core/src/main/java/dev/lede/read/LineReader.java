package dev.lede.read;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into lines without ever holding more than one line (up to a limit) in
 * memory. A line over the limit is not kept: it is consumed up to its end and reported as too long,
 * so that reading goes on with the next line. Line ends are {@code \n} or {@code \r\n}.
 */
final class LineReader {
  private final InputStream in;
  private final int maxLineBytes;
  private final byte[] buf = new byte[1 << 16];
  private int pos;
  private int limit;
  private byte[] line = new byte[1 << 13];
  private int length;
  private long fullLength;
  private long number;
  private boolean terminated;

  LineReader(InputStream in, int maxLineBytes) {
    this.in = in;
    this.maxLineBytes = maxLineBytes;
  }

  /** Moves to the next line; false at the end of the stream. */
  boolean next() throws IOException {
    length = 0;
    fullLength = 0;
    boolean any = false;
    terminated = false;
    while (true) {
      if (pos >= limit) {
        int n = in.read(buf, 0, buf.length);
        if (n < 0) {
          if (!any) {
            return false;
          }
          break;
        }
        pos = 0;
        limit = n;
        continue;
      }
      any = true;
      int nl = indexOfNewline(pos, limit);
      int end = nl < 0 ? limit : nl;
      append(pos, end - pos);
      pos = nl < 0 ? limit : nl + 1;
      if (nl >= 0) {
        terminated = true;
        break;
      }
    }
    number++;
    if (!tooLong() && length > 0 && line[length - 1] == '\r') {
      length--;
      fullLength--;
    }
    return true;
  }

  private int indexOfNewline(int from, int to) {
    for (int i = from; i < to; i++) {
      if (buf[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private void append(int from, int n) {
    fullLength += n;
    if (fullLength > maxLineBytes) {
      return; // consumed, not kept
    }
    if (length + n > line.length) {
      line = Arrays.copyOf(line, (int) Math.min(maxLineBytes, Math.max(length + n, (long) line.length * 2)));
    }
    System.arraycopy(buf, from, line, length, n);
    length += n;
  }

  /** Whether the current line ended with a line end (the last line of a file may not). */
  boolean terminated() {
    return terminated;
  }

  /** The current line's 1-based number. */
  long number() {
    return number;
  }

  /** Whether the current line was longer than the limit (its bytes are then not available). */
  boolean tooLong() {
    return fullLength > maxLineBytes;
  }

  /** The current line's length in bytes, without its line end; exact even when too long. */
  long fullLength() {
    return fullLength;
  }

  /** The buffer holding the current line in {@code [0, length())}; valid until the next call to {@link #next}. */
  byte[] bytes() {
    return line;
  }

  int length() {
    return length;
  }

  /** Whether the current line holds only white space. */
  boolean isBlank() {
    for (int i = 0; i < length; i++) {
      byte b = line[i];
      if (b != ' ' && b != '\t' && b != '\r' && b != '\f') {
        return false;
      }
    }
    return true;
  }
}
