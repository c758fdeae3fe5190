/**
 * Search: what a caller asks ({@link dev.lede.search.NewsQuery}) and what comes back ({@link
 * dev.lede.search.SearchResult}, {@link dev.lede.search.Hit}), plus the query parsing, ranking,
 * filtering, facets, highlighting and related-article logic behind {@link dev.lede.NewsIndex#search},
 * the query-time synonyms ({@link dev.lede.search.SynonymList}) and completions of typed text
 * ({@link dev.lede.search.Suggester}: entity names and headlines, read from the index as it is).
 *
 * <p>In: a Lucene {@code IndexSearcher} over documents laid out by {@code dev.lede.index.Schema}.
 * Out: immutable result values with plain text and match offsets (callers choose their own markup).
 * Never: writes to an index, prints or exits.
 */
package dev.lede.search;
