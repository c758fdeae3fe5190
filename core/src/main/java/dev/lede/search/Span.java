package dev.lede.search;

/** A match inside a text: {@code [start, end)} in UTF-16 chars. */
public record Span(int start, int end) {
  public Span {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("illegal span [" + start + ", " + end + ")");
    }
  }
}
