package dev.lede.solr;

import dev.lede.search.Highlight;
import dev.lede.search.Span;
import java.util.ArrayList;
import java.util.List;

/** Turns a Solr snippet marked with {@link SolrQueries#MARK_OPEN}/{@code MARK_CLOSE} into text plus spans. */
final class Highlights {
  private Highlights() {}

  static Highlight fromMarked(String marked) {
    if (marked == null) {
      return null;
    }
    StringBuilder text = new StringBuilder(marked.length());
    List<Span> spans = new ArrayList<>();
    int open = -1;
    for (int i = 0; i < marked.length(); i++) {
      char c = marked.charAt(i);
      if (c == SolrQueries.MARK_OPEN.charAt(0)) {
        open = text.length();
      } else if (c == SolrQueries.MARK_CLOSE.charAt(0)) {
        if (open >= 0) {
          add(spans, open, text.length());
        }
        open = -1;
      } else {
        text.append(c);
      }
    }
    return new Highlight(text.toString(), spans);
  }

  /** Adds a span, merging it with the previous one when they touch. */
  private static void add(List<Span> spans, int start, int end) {
    if (end <= start) {
      return;
    }
    if (!spans.isEmpty()) {
      Span last = spans.get(spans.size() - 1);
      if (last.end() == start) {
        spans.set(spans.size() - 1, new Span(last.start(), end));
        return;
      }
    }
    spans.add(new Span(start, end));
  }
}
