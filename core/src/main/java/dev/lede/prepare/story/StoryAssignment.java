package dev.lede.prepare.story;

import java.util.List;

/**
 * Where an article went: its story, the member it matched, and what else changed.
 *
 * @param entry the article's entry, with its story id
 * @param matchedId the member it matched best, or null when it starts a story of its own
 * @param similarity the estimated Jaccard similarity with that member (0 when none)
 * @param duplicateOf an article with exactly the same normalised lead and body, or null
 * @param relabeled other articles whose story id changed because of this one (it is earlier than
 *     their story's earliest member, or it was their earliest member and went away); an index that
 *     keeps story ids in its documents must rewrite these
 */
public record StoryAssignment(
    StoryEntry entry, String matchedId, double similarity, String duplicateOf, List<String> relabeled) {

  public StoryAssignment {
    relabeled = List.copyOf(relabeled);
  }

  /** The story id the article got. */
  public String storyId() {
    return entry.storyId();
  }
}
