package dev.lede.vector;

/**
 * Service interface (java.util.ServiceLoader) of a module that brings an embedding model. Naming
 * the model must not load it: {@link #model()} is asked when an index is opened, {@link #get()}
 * only when a vector is needed.
 */
public interface EmbedderProvider {

  /** {@link Embedder#model()} of the embedder {@link #get()} returns. */
  String model();

  /** The embedder, loaded at the first call and shared afterwards. */
  Embedder get();
}
