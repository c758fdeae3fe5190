package dev.lede.semantic;

import dev.lede.vector.Embedder;
import dev.lede.vector.EmbedderProvider;

/** Provides {@link MiniLmEmbedder} to lede-core, loaded once per process at the first vector asked for. */
public final class MiniLmProvider implements EmbedderProvider {
  private static volatile MiniLmEmbedder loaded;

  @Override
  public String model() {
    return MiniLmEmbedder.ID;
  }

  @Override
  public Embedder get() {
    MiniLmEmbedder e = loaded;
    if (e == null) {
      synchronized (MiniLmProvider.class) {
        e = loaded;
        if (e == null) {
          loaded = e = MiniLmEmbedder.load();
        }
      }
    }
    return e;
  }
}
