package dev.lede.prepare.boilerplate;

import java.util.Objects;

/**
 * A line, or a sentence at the start or end of a body, learned as a source's boilerplate.
 *
 * @param source the normalised source
 * @param text the line or sentence as first seen
 * @param count in how many of the source's articles it appears
 * @param articles how many articles of the source were learned from
 */
public record LearnedLine(String source, String text, int count, int articles) {

  public LearnedLine {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(text, "text");
  }

  /** The share of the source's articles that carry it. */
  public double share() {
    return articles == 0 ? 0 : (double) count / articles;
  }
}
