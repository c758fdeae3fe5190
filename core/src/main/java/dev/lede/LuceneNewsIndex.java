package dev.lede;

import java.nio.file.Path;

/** The embedded, Lucene-backed {@link NewsIndex}. (Being built: see the search-core issue.) */
final class LuceneNewsIndex {
  private LuceneNewsIndex() {}

  static NewsIndex open(Path directory, IndexOptions options, boolean create) {
    throw new UnsupportedOperationException("the embedded index is not built yet");
  }

  static NewsIndex inMemory(IndexOptions options) {
    throw new UnsupportedOperationException("the embedded index is not built yet");
  }
}
