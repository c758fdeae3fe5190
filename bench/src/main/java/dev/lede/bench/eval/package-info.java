/**
 * Ranking quality, measured: reads classic IR test collections (TIME, Cranfield, CISI), runs their
 * queries through Lede and through plain-Lucene baselines, and scores the rankings with MAP, nDCG@10
 * and P@10 against the collections' relevance judgments.
 *
 * <p>In: the collection files under {@code ../shared/corpora} (see {@link dev.lede.bench.eval.Corpora}).
 * Out: result tables on the console and TREC run files. Never: ships in a Lede artifact, or
 * writes into the corpora.
 */
package dev.lede.bench.eval;
