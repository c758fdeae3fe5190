package dev.lede.prepare;

import dev.lede.article.Article;
import dev.lede.article.Entity;
import dev.lede.article.Fingerprints;
import java.util.List;
import java.util.Objects;

/**
 * An article ready for the index.
 *
 * @param article the article, with entities filled in; it is stored as it is (less entities named
 *     only in learned boilerplate)
 * @param indexedBody the body text to index (boilerplate may have been removed from it; the stored
 *     original keeps everything)
 * @param fingerprint the fingerprint of the article as read, every field but the id ({@link
 *     Fingerprints#ofRecord}): a re-fed article with the same one is unchanged
 * @param storyId the story the article belongs to, or null when it stands alone (then its own id)
 * @param input the article exactly as read, which the index stores as its original; what
 *     preparation added (entities) is stored beside it
 * @param vectors the article's chunk vectors, or null (semantic search off, or not made yet)
 */
public record PreparedArticle(Article article, String indexedBody, String fingerprint, String storyId, Article input,
    dev.lede.vector.ArticleVectors vectors) {
  /** A prepared article without vectors. */
  public PreparedArticle(Article article, String indexedBody, String fingerprint, String storyId, Article input) {
    this(article, indexedBody, fingerprint, storyId, input, null);
  }

  public PreparedArticle {
    Objects.requireNonNull(article, "article");
    indexedBody = indexedBody == null ? "" : indexedBody;
    Objects.requireNonNull(fingerprint, "fingerprint");
    input = input == null ? article : input;
  }

  /** A prepared article whose input is the article itself. */
  public PreparedArticle(Article article, String indexedBody, String fingerprint, String storyId) {
    this(article, indexedBody, fingerprint, storyId, article);
  }

  /** The starting point of preparation: the body as read, the fingerprint computed, no story yet. */
  public static PreparedArticle of(Article article) {
    return new PreparedArticle(article, article.body(), Fingerprints.ofRecord(article), null, article);
  }

  /** The story id, or the article's own id when it stands alone. */
  public String story() {
    return storyId == null ? article.id() : storyId;
  }

  public PreparedArticle withArticle(Article newArticle) {
    return new PreparedArticle(newArticle, indexedBody, fingerprint, storyId, input, vectors);
  }

  public PreparedArticle withIndexedBody(String body) {
    return new PreparedArticle(article, body, fingerprint, storyId, input, vectors);
  }

  public PreparedArticle withVectors(dev.lede.vector.ArticleVectors v) {
    return new PreparedArticle(article, indexedBody, fingerprint, storyId, input, v);
  }

  /**
   * The indexed body with a source's learned boilerplate taken out. Entities named only in what
   * was taken out go too: a site's sign-off ("Follow BBC News on social media") is not news about
   * the BBC. Extraction ran before the boilerplate was known, so this is where that is put right.
   */
  public PreparedArticle withBoilerplateRemoved(String strippedBody) {
    if (strippedBody.equals(indexedBody) || article.entities().isEmpty()) {
      return withIndexedBody(strippedBody);
    }
    String kept = article.headline() + "\n" + article.lead() + "\n" + strippedBody;
    List<Entity> entities = article.entities().stream().filter(e -> namedIn(e, kept)).toList();
    Article a = entities.size() == article.entities().size() ? article : article.withEntities(entities);
    return new PreparedArticle(a, strippedBody, fingerprint, storyId, input, vectors);
  }

  private static boolean namedIn(Entity e, String text) {
    if (text.contains(e.name())) {
      return true;
    }
    for (String alias : e.aliases()) {
      if (text.contains(alias)) {
        return true;
      }
    }
    return false;
  }

  public PreparedArticle withStoryId(String story) {
    return new PreparedArticle(article, indexedBody, fingerprint, story, input, vectors);
  }
}
