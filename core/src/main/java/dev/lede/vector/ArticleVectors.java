package dev.lede.vector;

import java.util.List;
import java.util.Objects;

/**
 * An article's vectors: one per chunk of its text (none for a blank text), and the key that says
 * what they were made from (model and text): vectors with the same key need not be made again.
 *
 * @param key the model id and a hash of the embedded text
 * @param chunks unit-length vectors, in reading order
 */
public record ArticleVectors(String key, List<float[]> chunks) {
  /** The most chunks an article is read in: 4 x 256 words cover all but the longest news articles. */
  public static final int MAX_CHUNKS = 4;

  public ArticleVectors {
    Objects.requireNonNull(key, "key");
    chunks = List.copyOf(chunks);
    if (chunks.size() > MAX_CHUNKS) {
      throw new IllegalArgumentException("illegal chunk count " + chunks.size() + ", must be <= " + MAX_CHUNKS);
    }
  }

  /** The model id part of the key. */
  public String model() {
    int at = key.lastIndexOf('#');
    return at < 0 ? key : key.substring(0, at);
  }

  /** The unit-length mean of the chunks: the article as one vector (for related articles); null when there are none. */
  public float[] mean() {
    if (chunks.isEmpty()) {
      return null;
    }
    float[] m = new float[chunks.get(0).length];
    for (float[] c : chunks) {
      for (int i = 0; i < m.length; i++) {
        m[i] += c[i];
      }
    }
    double norm = 0;
    for (float v : m) {
      norm += (double) v * v;
    }
    if (norm == 0) {
      return chunks.get(0).clone();
    }
    float scale = (float) (1 / Math.sqrt(norm));
    for (int i = 0; i < m.length; i++) {
      m[i] *= scale;
    }
    return m;
  }
}
