package dev.lede.prepare;

import dev.lede.article.Article;
import dev.lede.article.Fingerprints;
import java.util.Objects;

/**
 * An article ready for the index.
 *
 * @param article the article, with entities filled in; it is stored as it is
 * @param indexedBody the body text to index (boilerplate may have been removed from it; the stored
 *     original keeps everything)
 * @param fingerprint the content fingerprint of the article as read
 * @param storyId the story the article belongs to, or null when it stands alone (then its own id)
 */
public record PreparedArticle(Article article, String indexedBody, String fingerprint, String storyId) {
  public PreparedArticle {
    Objects.requireNonNull(article, "article");
    indexedBody = indexedBody == null ? "" : indexedBody;
    Objects.requireNonNull(fingerprint, "fingerprint");
  }

  /** The starting point of preparation: the body as read, the fingerprint computed, no story yet. */
  public static PreparedArticle of(Article article) {
    return new PreparedArticle(article, article.body(), Fingerprints.of(article), null);
  }

  /** The story id, or the article's own id when it stands alone. */
  public String story() {
    return storyId == null ? article.id() : storyId;
  }

  public PreparedArticle withArticle(Article newArticle) {
    return new PreparedArticle(newArticle, indexedBody, fingerprint, storyId);
  }

  public PreparedArticle withIndexedBody(String body) {
    return new PreparedArticle(article, body, fingerprint, storyId);
  }

  public PreparedArticle withStoryId(String story) {
    return new PreparedArticle(article, indexedBody, fingerprint, story);
  }
}
