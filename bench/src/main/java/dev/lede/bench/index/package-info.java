/**
 * The ingest and query benchmark: Lede's {@code NewsIndex} against a raw-Lucene baseline that
 * writes the same fields with the same analyzers and codec, on the public news corpora and on a
 * replicated set of 200,000 articles. In: {@code ../shared/corpora}. Out: the tables of
 * docs/benchmarks.md, printed. Never run by the test suite, never shipped; it times, it does not
 * assert.
 */
package dev.lede.bench.index;
