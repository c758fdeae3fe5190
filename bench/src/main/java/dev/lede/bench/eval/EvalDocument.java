package dev.lede.bench.eval;

import java.util.Objects;

/**
 * One document of a test collection.
 *
 * @param id the id the collection's judgments use
 * @param title the document's title (may be empty)
 * @param text the rest of its searchable text
 */
public record EvalDocument(String id, String title, String text) {
  public EvalDocument {
    Objects.requireNonNull(id, "id");
    title = title == null ? "" : title.strip();
    text = text == null ? "" : text.strip();
  }

  /** Title and text as one string, for systems with a single text field. */
  public String allText() {
    if (title.isEmpty()) {
      return text;
    }
    return text.isEmpty() ? title : title + "\n\n" + text;
  }
}
