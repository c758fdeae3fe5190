package dev.lede.bench.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Relevance judgments: for each query id, a grade per judged document id. A grade above zero means
 * relevant; higher is more relevant (graded collections); zero or less means judged not relevant.
 */
public final class Qrels {
  private final Map<String, Map<String, Integer>> judgments;

  private Qrels(Map<String, Map<String, Integer>> judgments) {
    Map<String, Map<String, Integer>> copy = new LinkedHashMap<>();
    judgments.forEach((q, docs) -> copy.put(q, Collections.unmodifiableMap(new LinkedHashMap<>(docs))));
    this.judgments = Collections.unmodifiableMap(copy);
  }

  /** A builder that collects judgments one line at a time. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads TREC qrels: {@code qid iteration docid grade} per line, whitespace separated.
   *
   * @throws IllegalArgumentException naming the file and line when a line is malformed
   */
  public static Qrels readTrec(Path file) {
    Builder b = builder();
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read qrels " + file, e);
    }
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty()) {
        continue;
      }
      String[] parts = line.split("\\s+");
      if (parts.length != 4) {
        throw new IllegalArgumentException(
            file + " line " + (i + 1) + ": expected 'qid iter docid grade', got \"" + line + "\"");
      }
      b.add(parts[0], parts[2], parseGrade(parts[3], file + " line " + (i + 1)));
    }
    return b.build();
  }

  static int parseGrade(String s, String where) {
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(where + ": relevance grade is not an integer: \"" + s + "\"");
    }
  }

  /** The judged query ids, in first-seen order. */
  public Set<String> queryIds() {
    return judgments.keySet();
  }

  /** The grades of the judged documents of this query (empty when the query was not judged). */
  public Map<String, Integer> judgments(String queryId) {
    return judgments.getOrDefault(queryId, Map.of());
  }

  /** The grade of this document for this query; 0 when it was not judged. */
  public int grade(String queryId, String docId) {
    return judgments(queryId).getOrDefault(docId, 0);
  }

  /** How many documents are relevant (grade above zero) to this query. */
  public int relevantCount(String queryId) {
    return (int) judgments(queryId).values().stream().filter(g -> g > 0).count();
  }

  /** The number of judgment lines. */
  public int size() {
    return judgments.values().stream().mapToInt(Map::size).sum();
  }

  /** Collects judgments; a later grade for the same query and document replaces the earlier one. */
  public static final class Builder {
    private final Map<String, Map<String, Integer>> judgments = new LinkedHashMap<>();

    private Builder() {}

    public Builder add(String queryId, String docId, int grade) {
      judgments.computeIfAbsent(queryId, q -> new LinkedHashMap<>()).put(docId, grade);
      return this;
    }

    public Qrels build() {
      return new Qrels(judgments);
    }
  }
}
