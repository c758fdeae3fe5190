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
 *
 * <p>News is full of syndicated copies (the same text under several ids), so a text is read by the
 * model once per run: the vectors of the texts seen lately are kept ({@link #REMEMBERED_CHUNKS}
 * chunk vectors at most, about 50 MB at 384 dimensions, the least recently used dropped first), a
 * text being read by one thread is waited for by another that meets it too, and a text seen before
 * this run is looked up in the index (its vectors are found by their key).
 */
public final class Vectorizer {
  /** The most chunk vectors kept from this run's texts for their copies. */
  public static final int REMEMBERED_CHUNKS = 32_768;

  private final String model;
  private final Supplier<Embedder> embedder;
  /** Key to vectors of the texts seen lately, in access order; guarded by itself. */
  private final java.util.LinkedHashMap<String, ArticleVectors> seen = new java.util.LinkedHashMap<>(1024, 0.75f, true);
  /** The chunk vectors {@link #seen} holds; guarded by {@link #seen}. */
  private int seenChunks;
  /** Texts being read by the model now, by key: a second thread meeting one waits for it. */
  private final java.util.concurrent.ConcurrentHashMap<String, java.util.concurrent.CompletableFuture<ArticleVectors>> reading =
      new java.util.concurrent.ConcurrentHashMap<>();

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
    return vectors(a, carried, null);
  }

  /**
   * The article's vectors: {@code carried} when made from the same text by the same model; else
   * those of a copy of the text met in this run, or those {@code indexed} finds under the key (an
   * article already in the index with the same text and model); else made now, once however many
   * threads meet the text at the same time.
   *
   * @param indexed the vectors the index holds under a key, or null; may be null itself
   */
  public ArticleVectors vectors(Article a, ArticleVectors carried, java.util.function.Function<String, ArticleVectors> indexed) {
    String key = key(a);
    if (carried != null && carried.key().equals(key)) {
      return carried;
    }
    ArticleVectors known = remembered(key);
    if (known != null) {
      return known;
    }
    known = indexed == null ? null : indexed.apply(key);
    if (known != null && known.key().equals(key)) {
      remember(known);
      return known;
    }
    java.util.concurrent.CompletableFuture<ArticleVectors> mine = new java.util.concurrent.CompletableFuture<>();
    java.util.concurrent.CompletableFuture<ArticleVectors> other = reading.putIfAbsent(key, mine);
    if (other != null) {
      return other.join(); // another thread reads this text now
    }
    try {
      known = remembered(key); // read and done between the look-up above and now
      ArticleVectors made = known != null ? known
          : new ArticleVectors(key, embedder.get().embedDocument(text(a), ArticleVectors.MAX_CHUNKS));
      remember(made);
      mine.complete(made);
      return made;
    } catch (RuntimeException | Error e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      reading.remove(key, mine);
    }
  }

  private ArticleVectors remembered(String key) {
    synchronized (seen) {
      return seen.get(key);
    }
  }

  private void remember(ArticleVectors v) {
    int n = Math.max(1, v.chunks().size());
    synchronized (seen) {
      if (seen.put(v.key(), v) == null) {
        seenChunks += n;
      }
      var it = seen.values().iterator();
      while (seenChunks > REMEMBERED_CHUNKS && it.hasNext()) {
        seenChunks -= Math.max(1, it.next().chunks().size());
        it.remove();
      }
    }
  }
}
