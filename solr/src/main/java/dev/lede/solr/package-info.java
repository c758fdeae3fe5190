/**
 * Lede on SolrCloud: {@link dev.lede.solr.SolrNewsIndex}, the same {@link dev.lede.NewsIndex} API over a
 * Solr collection, plus collection administration ({@link dev.lede.solr.SolrCollections}) and a local
 * cluster for trying it out and for tests ({@link dev.lede.solr.LocalSolrCloud}).
 *
 * <p>In: articles (prepared here on the client: story id, fingerprint, fields, as for the embedded index)
 * and {@link dev.lede.search.NewsQuery}s. Out: Lede's own result types, built from Solr's answers
 * (highlight markers become spans, cursorMarks become Lede cursors). Talks to Solr only over HTTP
 * through SolrJ, which carries no Lucene: Solr's server and its Lucene 9 never enter this JVM.
 *
 * <p>Never: prints, exits, or runs Solr's server in the caller's JVM.
 */
package dev.lede.solr;
