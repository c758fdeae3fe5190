package dev.lede;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What Lucene's index checker found in an index, in plain words: {@link NewsIndex#check(Path)}.
 *
 * @param directory the index directory
 * @param commit the commit point checked ({@code segments_N})
 * @param schemaVersion the Lede schema version recorded in the commit, or -1 when there is none
 * @param segments every segment of the commit, damaged or not
 * @param problems each problem in one sentence: a damaged segment, a commit that is not Lede's or
 *     of another schema version; empty when the index is clean
 */
public record IndexCheck(Path directory, String commit, int schemaVersion, List<Segment> segments, List<String> problems) {
  public IndexCheck {
    Objects.requireNonNull(directory, "directory");
    segments = List.copyOf(segments);
    problems = List.copyOf(problems);
  }

  /**
   * One segment.
   *
   * @param name Lucene's segment name ({@code _0}, {@code _3a})
   * @param articles the live articles in it (deleted ones not counted)
   * @param deleted articles deleted or replaced, awaiting a merge
   * @param sizeBytes its files' size on disk
   * @param problem what is wrong with it, or null when it passed every check
   */
  public record Segment(String name, long articles, long deleted, long sizeBytes, String problem) {
    public Segment {
      Objects.requireNonNull(name, "name");
      if (articles < 0 || deleted < 0) {
        throw new IllegalArgumentException("illegal counts for segment " + name + ": " + articles + " articles, " + deleted + " deleted");
      }
    }

    /** Whether this segment passed every check. */
    public boolean ok() {
      return problem == null;
    }
  }

  /** Whether nothing is wrong. */
  public boolean clean() {
    return problems.isEmpty();
  }

  /** Articles in every segment, damaged or not. */
  public long articles() {
    return segments.stream().mapToLong(Segment::articles).sum();
  }

  /** The damaged segments: what a repair would drop. */
  public List<Segment> damaged() {
    return segments.stream().filter(s -> !s.ok()).toList();
  }

  /** Articles in damaged segments: what a repair would lose. */
  public long articlesInDamagedSegments() {
    return damaged().stream().mapToLong(Segment::articles).sum();
  }

  /** Whether dropping the damaged segments would leave a clean index (the commit itself is sound). */
  public boolean repairable() {
    return !damaged().isEmpty() && damaged().size() == problems.size();
  }
}
