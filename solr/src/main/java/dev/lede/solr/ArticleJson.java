package dev.lede.solr;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lede.LedeException;
import dev.lede.article.Article;
import dev.lede.index.StoredArticles;
import java.io.UncheckedIOException;

/**
 * The stored original of an article on Solr: the same JSON layout the embedded index stores
 * ({@link StoredArticles}), as text, so that {@code get} and a reindex rebuild the article exactly
 * as it was read, whichever backend wrote it.
 */
final class ArticleJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ArticleJson() {}

  static String write(Article a) {
    try {
      return JSON.writeValueAsString(StoredArticles.toJson(a));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Article read(String json) {
    try {
      return StoredArticles.fromJson(JSON.readTree(json));
    } catch (JsonProcessingException e) {
      throw new LedeException("the stored original is not JSON: " + e.getOriginalMessage(), e);
    }
  }
}
