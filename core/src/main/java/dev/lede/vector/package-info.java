/**
 * Dense vectors: the hook through which an embedding model plugs into Lede without lede-core
 * depending on one. An {@link dev.lede.vector.Embedder} turns text into unit-length float vectors
 * (a document into one vector per chunk, a query into one); {@link dev.lede.vector.Embedders} finds
 * the one on the class path (lede-semantic provides it) the first time a vector is needed.
 *
 * <p>In: text. Out: float vectors and the model's identity. Never: loads a model before a vector
 * is asked for, so an index with semantic search off costs nothing; prints or exits.
 */
package dev.lede.vector;
