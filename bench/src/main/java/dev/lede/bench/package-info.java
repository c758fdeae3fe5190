/**
 * Evaluation and benchmark tools for Lede: ranking quality on public test collections, reader and
 * ingest throughput, query latency, against raw-Lucene baselines. Not part of any shipped artifact.
 */
package dev.lede.bench;
