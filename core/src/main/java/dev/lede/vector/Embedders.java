package dev.lede.vector;

import dev.lede.LedeException;
import java.util.Iterator;
import java.util.ServiceLoader;

/** Finds the embedding model on the class path, once per process and only when asked. */
public final class Embedders {
  private Embedders() {}

  private static final class Holder {
    static final EmbedderProvider PROVIDER = find();

    private static EmbedderProvider find() {
      Iterator<EmbedderProvider> it = ServiceLoader.load(EmbedderProvider.class, Embedders.class.getClassLoader()).iterator();
      return it.hasNext() ? it.next() : null;
    }
  }

  /** Whether an embedding model is on the class path (looks, loads nothing). */
  public static boolean available() {
    return Holder.PROVIDER != null;
  }

  /** The model id of the provider on the class path, or null. */
  public static String model() {
    return Holder.PROVIDER == null ? null : Holder.PROVIDER.model();
  }

  /**
   * The embedder, loaded at the first call.
   *
   * @throws LedeException when no module on the class path provides one (add dev.lede:lede-semantic)
   */
  public static Embedder get() {
    if (Holder.PROVIDER == null) {
      throw new LedeException("semantic search needs an embedding model on the class path: add dev.lede:lede-semantic");
    }
    return Holder.PROVIDER.get();
  }
}
