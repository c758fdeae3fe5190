package dev.lede.prepare.story;

import dev.lede.article.Article;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Incremental story assignment: each new article is compared with the few earlier articles that
 * share an LSH band with it (never with the whole corpus), verified by estimated Jaccard similarity,
 * and joins the story of the best match at or above the threshold; otherwise it starts a story.
 *
 * <p>A story's id is always the id of its earliest member (published date, then id). When a
 * back-filled article turns out earlier than a story's earliest member, the story takes the new
 * article's id and the other members are relabeled; when the earliest member is removed, the next
 * one gives the story its id. Relabeling touches only that story's members (a handful), and keeps
 * the rule simple for users: the story id is an article you can open. The alternative, a
 * first-seen story key that never moves, would make the id depend on the order of ingest.
 *
 * <p>An article joins the story of its best match only; two stories that a new article happens to
 * bridge are not merged, because chaining through partial matches is how unrelated follow-ups end
 * up in one story.
 *
 * <p>Not thread-safe: the index calls it from its single writer.
 */
public final class StoryIndex {
  private final StoryStore store;
  private final StorySigner signer;

  /** Story assignment over this store with these options. */
  public StoryIndex(StoryStore store, StoryOptions options) {
    this.store = store;
    this.signer = new StorySigner(options, store.needsBandKeys());
  }

  /** The signer in use. */
  public StorySigner signer() {
    return signer;
  }

  /** Assigns an article to a story and records it; an article with the same id is replaced. */
  public StoryAssignment add(Article article) {
    return add(signer.sign(article));
  }

  /** Assigns a signed article (its entry's own story id is ignored) and records it. */
  public StoryAssignment add(StoryEntry signed) {
    List<String> relabeled = new ArrayList<>(remove(signed.id()));
    StoryOptions options = signer.options();
    StoryEntry best = null;
    double bestSimilarity = 0;
    String duplicateOf = null;
    for (StoryEntry candidate : store.candidates(signed, options.maxCandidates())) {
      if (candidate.id().equals(signed.id())) {
        continue;
      }
      if (candidate.contentHash().equals(signed.contentHash()) && signed.words() > 0) {
        if (duplicateOf == null || StoryEntry.EARLIEST_FIRST.compare(candidate, store.get(duplicateOf).orElseThrow()) < 0) {
          duplicateOf = candidate.id();
        }
      }
      if (!options.grouping()) {
        continue; // only exact duplicates are looked for
      }
      if (signed.published() != null && candidate.published() != null
          && Math.abs(java.time.Duration.between(signed.published(), candidate.published()).toDays())
              > options.maxDaysApart()) {
        continue;
      }
      boolean exact = candidate.contentHash().equals(signed.contentHash());
      if (!exact && (signed.words() < options.minWords() || candidate.words() < options.minWords())) {
        continue;
      }
      double similarity = exact ? 1.0 : MinHash.similarity(signed.signature(), candidate.signature());
      if (similarity >= options.threshold()
          && (best == null || similarity > bestSimilarity
              || similarity == bestSimilarity && StoryEntry.EARLIEST_FIRST.compare(candidate, best) < 0)) {
        best = candidate;
        bestSimilarity = similarity;
      }
    }
    if (best == null) {
      StoryEntry alone = signed.withStory(signed.id());
      store.put(alone);
      return new StoryAssignment(alone, null, 0, duplicateOf, relabeled);
    }
    String storyId = best.storyId();
    List<StoryEntry> members = store.members(storyId);
    StoryEntry earliest = members.stream().min(StoryEntry.EARLIEST_FIRST).orElse(best);
    StoryEntry joined;
    if (StoryEntry.EARLIEST_FIRST.compare(signed, earliest) < 0) {
      joined = signed.withStory(signed.id());
      for (StoryEntry member : members) {
        store.put(member.withStory(joined.storyId()));
        relabeled.add(member.id());
      }
    } else {
      joined = signed.withStory(storyId);
    }
    store.put(joined);
    return new StoryAssignment(joined, best.id(), bestSimilarity, duplicateOf, relabeled);
  }

  /**
   * Forgets an article. When it was its story's earliest member, the remaining members take the
   * next earliest member's id.
   *
   * @return the ids of the members whose story id changed
   */
  public List<String> remove(String id) {
    Optional<StoryEntry> old = store.get(id);
    if (old.isEmpty()) {
      return List.of();
    }
    store.remove(id);
    if (!old.get().storyId().equals(id)) {
      return List.of();
    }
    List<StoryEntry> rest = new ArrayList<>(store.members(id));
    if (rest.isEmpty()) {
      return List.of();
    }
    rest.sort(StoryEntry.EARLIEST_FIRST);
    String next = rest.get(0).id();
    List<String> relabeled = new ArrayList<>();
    for (StoryEntry member : rest) {
      store.put(member.withStory(next));
      relabeled.add(member.id());
    }
    return relabeled;
  }

  /** The members of a story, earliest first. */
  public List<StoryEntry> members(String storyId) {
    List<StoryEntry> members = new ArrayList<>(store.members(storyId));
    members.sort(StoryEntry.EARLIEST_FIRST);
    return members;
  }

  /** The entry of an article, if it was added. */
  public Optional<StoryEntry> get(String id) {
    return store.get(id);
  }

  static Comparator<StoryEntry> earliestFirst() {
    return StoryEntry.EARLIEST_FIRST;
  }
}
