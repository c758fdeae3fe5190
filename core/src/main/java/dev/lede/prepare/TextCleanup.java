package dev.lede.prepare;

import dev.lede.read.HtmlText;
import java.util.regex.Pattern;

/**
 * Tidies the indexed body of articles that did not come through a reader: built by an embedding
 * application, or stored by a version of Lede that kept markup and now re-indexed. The readers
 * already clean every text field ({@link HtmlText}), so for their articles this finds nothing to
 * do. The markup rules are {@link HtmlText}'s, so both paths index the same text; runs of blank
 * lines are folded too. The stored original is not touched.
 */
final class TextCleanup implements PrepareStep {
  private static final Pattern BLANK_LINES = Pattern.compile("\\n[ \\t]*\\n(?:[ \\t]*\\n)+");

  @Override
  public PreparedArticle apply(PreparedArticle article) {
    String body = article.indexedBody();
    String cleaned = HtmlText.text(body);
    if (cleaned == body && body.indexOf("\n\n\n") < 0) {
      return article; // the common case: nothing to do
    }
    cleaned = BLANK_LINES.matcher(cleaned).replaceAll("\n\n");
    return article.withIndexedBody(cleaned.strip());
  }
}
