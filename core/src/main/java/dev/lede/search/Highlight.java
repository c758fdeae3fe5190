package dev.lede.search;

import java.util.List;

/**
 * A text with the places a query matched, so that callers choose their own markup.
 *
 * @param text the text (a headline, or the best passage of a body)
 * @param matches matched ranges in {@code text}, in order, not overlapping; a phrase match is one span
 */
public record Highlight(String text, List<Span> matches) {
  public Highlight {
    text = text == null ? "" : text;
    matches = matches == null ? List.of() : List.copyOf(matches);
    for (Span s : matches) {
      if (s.end() > text.length()) {
        throw new IllegalArgumentException("span " + s + " is past the text's end " + text.length());
      }
    }
  }

  /** A text with no matches. */
  public static Highlight plain(String text) {
    return new Highlight(text, List.of());
  }

  /** The text with each match wrapped in {@code open} and {@code close}. */
  public String mark(String open, String close) {
    StringBuilder sb = new StringBuilder(text.length() + matches.size() * (open.length() + close.length()));
    int at = 0;
    for (Span s : matches) {
      sb.append(text, at, s.start()).append(open).append(text, s.start(), s.end()).append(close);
      at = s.end();
    }
    return sb.append(text, at, text.length()).toString();
  }
}
