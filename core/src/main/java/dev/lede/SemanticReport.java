package dev.lede;

/**
 * What turning semantic search on did.
 *
 * @param model the model of the index's vectors
 * @param vectorized articles given vectors by this run
 * @param already articles that had vectors of this model before it (a run resumed after a kill)
 * @param skipped articles that vanished or could not be read back while it ran
 */
public record SemanticReport(String model, long vectorized, long already, long skipped) {}
