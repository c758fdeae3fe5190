/**
 * Semantic search for Lede: the all-MiniLM-L6-v2 sentence model (quantized ONNX, 384 dimensions,
 * Apache-2.0) run in-process by ONNX Runtime, offered to lede-core through {@link
 * dev.lede.vector.EmbedderProvider}. Putting this module on the class path is all it takes.
 *
 * <p>In: text. Out: unit-length vectors, one per chunk of a document. Never: downloads anything,
 * writes to the home directory or leaves files in the temp directory ({@link
 * dev.lede.semantic.OnnxNatives}), prints or exits.
 */
package dev.lede.semantic;
