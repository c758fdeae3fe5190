package dev.lede.prepare.story;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * What story grouping keeps of one article: enough to find it as a candidate, verify a match and
 * order a story's members, without the article's text.
 *
 * @param id the article id
 * @param storyId the story it belongs to: the id of the story's earliest member
 * @param published when it was published, or null when unknown (ordered after every dated member)
 * @param contentHash hash of the normalised lead and body: equal for exact duplicates
 * @param signature the MinHash signature
 * @param bandKeys the LSH band keys of the signature
 * @param words the number of normalised words of lead and body
 */
public record StoryEntry(
    String id,
    String storyId,
    Instant published,
    String contentHash,
    int[] signature,
    List<String> bandKeys,
    int words) {

  /** Earliest first: by published date (unknown last), then by id, so the order is total and stable. */
  public static final Comparator<StoryEntry> EARLIEST_FIRST =
      Comparator.comparing(StoryEntry::published, Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparing(StoryEntry::id);

  public StoryEntry {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(storyId, "storyId");
    Objects.requireNonNull(contentHash, "contentHash");
    Objects.requireNonNull(signature, "signature");
    bandKeys = List.copyOf(bandKeys);
  }

  /** The same entry in another story. */
  public StoryEntry withStory(String newStoryId) {
    return new StoryEntry(id, newStoryId, published, contentHash, signature, bandKeys, words);
  }
}
