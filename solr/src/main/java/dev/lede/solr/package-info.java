/**
 * Lede on SolrCloud: {@link dev.lede.solr.SolrNewsIndex}, the same {@link dev.lede.NewsIndex} API over a
 * Solr collection, plus collection administration ({@link dev.lede.solr.SolrCollections}) and a local
 * cluster for trying it out and for tests ({@link dev.lede.solr.LocalSolrCloud}).
 *
 * <p>In: articles (prepared here on the client by Lede's own {@link dev.lede.prepare.Preparer}, grouped
 * into stories by its {@link dev.lede.prepare.story.StoryIndex} over {@code SolrStoryStore},
 * as for the embedded index) and {@link dev.lede.search.NewsQuery}s. Out: Lede's own result types, built from Solr's answers
 * (highlight markers become spans, cursorMarks become Lede cursors). Talks to Solr only over HTTP
 * through SolrJ, which carries no Lucene: Solr's server and its Lucene 9 never enter this JVM.
 *
 * <p>Never: prints, exits, or runs Solr's server in the caller's JVM.
 */
package dev.lede.solr;
