package dev.lede.search;

import java.time.Instant;
import java.util.Objects;

/**
 * One copy of a story, compared with the story's earliest member.
 *
 * @param id the article id
 * @param source the normalised source, or null
 * @param published when it was published, or null
 * @param headline its headline
 * @param url its url, or null
 * @param words normalised words of its lead and body
 * @param wordsAdded words it has that the earliest member does not (counted with multiplicity)
 * @param wordsRemoved words of the earliest member it does not have
 * @param exactDuplicate whether its lead and body are the earliest member's, up to case, quotes and spacing
 */
public record StoryMember(
    String id,
    String source,
    Instant published,
    String headline,
    String url,
    int words,
    int wordsAdded,
    int wordsRemoved,
    boolean exactDuplicate) {

  public StoryMember {
    Objects.requireNonNull(id, "id");
    headline = headline == null ? "" : headline;
    if (words < 0 || wordsAdded < 0 || wordsRemoved < 0) {
      throw new IllegalArgumentException(
          "word counts must be >= 0, got " + words + "/" + wordsAdded + "/" + wordsRemoved);
    }
  }

  /** The change in length against the earliest member, in words. */
  public int lengthDelta() {
    return wordsAdded - wordsRemoved;
  }
}
