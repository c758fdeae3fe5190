package dev.lede.vector;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stand-in model for tests of lede-core: each word (a few synonyms folded together) adds to one
 * of 64 dimensions, and the sum is scaled to unit length. Deterministic, instant, no native code;
 * counts its documents so that tests can tell a vector made from one carried over. Chunks are 20
 * words. Set {@link #delayMillis} to slow it down (the kill test).
 */
public final class WordHashEmbedder implements Embedder, EmbedderProvider {
  public static final String ID = "word-hash-64/chunk20";
  public static final AtomicLong DOCUMENTS = new AtomicLong();
  public static volatile long delayMillis = Long.getLong("lede.test.embedDelay", 0);
  static final int CHUNK = 20;
  private static final Map<String, String> SAME = Map.of("automobile", "car", "cars", "car", "vehicle", "car", "motorcar", "car");

  @Override
  public String model() {
    return ID;
  }

  @Override
  public Embedder get() {
    return this;
  }

  @Override
  public int dimensions() {
    return 64;
  }

  @Override
  public List<float[]> embedDocument(String text, int maxChunks) {
    DOCUMENTS.incrementAndGet();
    if (delayMillis > 0) {
      try {
        Thread.sleep(delayMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    List<float[]> out = new ArrayList<>();
    String[] words = words(text);
    for (int start = 0; start < words.length && out.size() < maxChunks; start += CHUNK) {
      out.add(vector(words, start, Math.min(words.length, start + CHUNK)));
    }
    return out;
  }

  @Override
  public float[] embedQuery(String text) {
    String[] words = words(text);
    return words.length == 0 ? null : vector(words, 0, Math.min(words.length, CHUNK));
  }

  private static String[] words(String text) {
    String t = text == null ? "" : text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    return t.isEmpty() ? new String[0] : t.split(" ");
  }

  private static float[] vector(String[] words, int from, int to) {
    float[] v = new float[64];
    for (int i = from; i < to; i++) {
      String w = SAME.getOrDefault(words[i], words[i]);
      v[Math.floorMod(w.hashCode(), 64)] += 1;
    }
    double norm = 0;
    for (float x : v) {
      norm += x * x;
    }
    for (int i = 0; i < v.length; i++) {
      v[i] /= (float) Math.sqrt(norm);
    }
    return v;
  }
}
