package dev.lede.cli.render;

import dev.lede.search.Highlight;
import dev.lede.search.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * Fits a stored text (a headline, an entity name, a source) onto one line of text output: runs of
 * whitespace, newlines included, become one space, and a text longer than a line is cut at a word
 * with an ellipsis. A newline in a headline broke the layout and a 3,000-character headline printed
 * whole (issue 15). Only text output does this: JSON keeps every text as stored.
 */
public final class TextLines {
  /** The most characters of a headline that text output shows. */
  public static final int HEADLINE = 200;

  private TextLines() {}

  /** {@code s} on one line, at most {@code max} characters plus an ellipsis; null becomes "". */
  public static String oneLine(String s, int max) {
    return oneLine(Highlight.plain(s == null ? "" : s), max).text();
  }

  /** As {@link #oneLine(String, int)}, keeping each match on the same characters. */
  public static Highlight oneLine(Highlight h, int max) {
    String text = h.text();
    StringBuilder out = new StringBuilder(Math.min(text.length(), max));
    int[] at = new int[text.length() + 1]; // where each character of text went in out
    boolean space = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        space = out.length() > 0;
        at[i] = out.length();
        continue;
      }
      if (space) {
        out.append(' ');
        space = false;
      }
      at[i] = out.length();
      out.append(c);
    }
    at[text.length()] = out.length();
    int cut = out.length();
    if (cut > max) {
      int word = out.lastIndexOf(" ", max);
      cut = word >= max / 2 ? word : max;
      if (Character.isLowSurrogate(out.charAt(cut)) && cut > 0) {
        cut--; // never split a surrogate pair
      }
    }
    List<Span> spans = new ArrayList<>();
    for (Span s : h.matches()) {
      int start = at[s.start()];
      int end = Math.min(at[s.end()], cut);
      if (start < end) {
        spans.add(new Span(start, end));
      }
    }
    String line = out.substring(0, cut);
    return new Highlight(cut < out.length() ? line + "…" : line, spans);
  }
}
