package dev.lede.prepare;

import dev.lede.article.Article;
import dev.lede.vector.ArticleVectors;
import dev.lede.vector.Embedder;
import dev.lede.vector.Embedders;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.function.Supplier;

/**
 * The vector step of preparation, for an index with semantic search on: an article's text (headline,
 * lead and body as read) to its chunk vectors. Vectors made before from the same text by the same
 * model are carried over instead of made again. Thread-safe; the model is loaded at the first
 * article that needs it.
 */
public final class Vectorizer {
  private final String model;
  private final Supplier<Embedder> embedder;

  /**
   * @param model the model id the index records (vectors under another id are made again)
   * @param embedder gives the model, called only when a vector must be made
   */
  public Vectorizer(String model, Supplier<Embedder> embedder) {
    this.model = java.util.Objects.requireNonNull(model, "model");
    this.embedder = embedder;
  }

  /** The vectorizer of the model on the class path. */
  public static Vectorizer onClassPath(String model) {
    return new Vectorizer(model, Embedders::get);
  }

  public String model() {
    return model;
  }

  /** The text an article's vectors are made from. */
  public static String text(Article a) {
    return a.headline() + "\n" + a.lead() + "\n" + a.body();
  }

  /** The key of an article's vectors: the model and a hash of the text. */
  public String key(Article a) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(text(a).getBytes(StandardCharsets.UTF_8));
      return model + "#" + Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(hash, 12));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The article's vectors: {@code carried} when made from the same text by the same model, else made now. */
  public ArticleVectors vectors(Article a, ArticleVectors carried) {
    String key = key(a);
    if (carried != null && carried.key().equals(key)) {
      return carried;
    }
    return new ArticleVectors(key, embedder.get().embedDocument(text(a), ArticleVectors.MAX_CHUNKS));
  }
}
