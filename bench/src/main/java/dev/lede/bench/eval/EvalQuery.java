package dev.lede.bench.eval;

import java.util.Objects;

/**
 * One query (topic) of a test collection.
 *
 * @param id the id the collection's judgments use
 * @param text the query as a user would type it, punctuation included
 */
public record EvalQuery(String id, String text) {
  public EvalQuery {
    Objects.requireNonNull(id, "id");
    text = text == null ? "" : text.strip();
  }
}
