package dev.lede.vector;

import java.util.List;

/**
 * Turns text into unit-length vectors of {@link #dimensions()} floats, for Lucene's dot-product
 * similarity. Implementations are thread-safe: one instance serves every thread of a process.
 */
public interface Embedder {

  /** The model and everything else the vectors depend on (chunking, pooling): vectors made under another id are made again. */
  String model();

  /** The length of every vector. */
  int dimensions();

  /**
   * A document's vectors, one per chunk of its text in reading order, at most {@code maxChunks};
   * empty for a blank text. A chunk is a stretch of whole words the model reads entirely.
   */
  List<float[]> embedDocument(String text, int maxChunks);

  /** A query's vector; null for a blank text. */
  float[] embedQuery(String text);
}
